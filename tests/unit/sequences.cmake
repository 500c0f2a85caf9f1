# Slices, ranges, bytes and bytearray (runtime/objects/{slice,range,bytes,
# bytearray}.c) and slicing of list/tuple/str: behaviour compared with
# CPython (expected results from tools/gen_rows_expected.py tests/unit/test_sequences.c in
# sequences_expected.txt), refcount balance and 4 threads mutating one
# bytearray.
if(TARGET weft_objects)
  weft_unit_test(test_sequences unit/test_sequences.c unit/wrows.c)
  target_link_libraries(test_sequences PRIVATE weft_objects)
  target_compile_definitions(test_sequences PRIVATE
    SEQUENCES_EXPECTED="${CMAKE_CURRENT_SOURCE_DIR}/unit/sequences_expected.txt")
endif()
