# The _io C module (runtime/modules/_io.c): a standard stream written by 4
# threads at once (whole lines, no torn buffers) and StringIO hammered by 4
# threads.
if(TARGET weft_objects)
  weft_unit_test(test_io unit/test_io.c)
  target_link_libraries(test_io PRIVATE weft_objects)
endif()
