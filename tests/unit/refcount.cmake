# Biased reference counting, merge queues, and the classic GIL
# (runtime/memory/refcount.c, threads/gil.c).
weft_unit_test(test_refcount unit/test_refcount.c)
weft_unit_test(test_gil unit/test_gil.c)
