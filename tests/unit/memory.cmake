weft_unit_test(test_memory unit/test_memory.c XCHECK)
