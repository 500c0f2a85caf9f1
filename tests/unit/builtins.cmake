# The builtins module (runtime/modules/builtins*.c) through its module
# object: the functions that need no running frame (len, min/max, sum,
# round, sorted, chr/ord, bin/hex, pow, isinstance, getattr, compile, ...)
# called with vectorcall, results and error messages compared with what
# python3 gives (written inline next to each case).
if(TARGET weft_objects)
  weft_unit_test(test_builtins unit/test_builtins.c)
  target_link_libraries(test_builtins PRIVATE weft_objects)
endif()
