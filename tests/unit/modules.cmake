# The core C library modules (runtime/modules/{math,_random,_collections,
# itertools,operator,_functools,_string,_heapq,_bisect}.c): spot values
# against CPython's and 4-thread hammering of shared deques, iterators and
# generators (must never crash; runs under TSan/ASan in those presets).
if(TARGET weft_objects)
  weft_unit_test(test_modules unit/test_modules.c)
  target_link_libraries(test_modules PRIVATE weft_objects)
endif()
