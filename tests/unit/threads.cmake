weft_unit_test(test_threads unit/test_threads.c)
