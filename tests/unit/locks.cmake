# Locks: the parking lot, the 1-byte mutex and critical sections.
weft_unit_test(test_parking_lot unit/test_parking_lot.c)
weft_unit_test(test_mutex unit/test_mutex.c)
weft_unit_test(test_critsec unit/test_critsec.c)
