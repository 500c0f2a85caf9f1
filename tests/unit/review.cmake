# Regression tests from the review of the threads core (registry,
# stop-the-world, GIL); see the comment above each test.
weft_unit_test(test_review_threads unit/test_review_threads.c)
