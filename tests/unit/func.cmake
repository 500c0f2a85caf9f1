# Functions, argument binding, cells, super and the iterator builtins
# (runtime/objects/func.c, super.c, iterobjects.c) through the C API: the
# binding errors are compared with CPython 3.11's messages.
if(TARGET weft_objects)
  weft_unit_test(test_func unit/test_func.c)
  target_link_libraries(test_func PRIVATE weft_objects)
endif()
