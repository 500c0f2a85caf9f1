# The complex type (runtime/objects/complex.c): behaviour compared with
# CPython (expected results from tools/gen_rows_expected.py
# tests/unit/test_complex.c in complex_expected.txt) and refcount balance.
if(TARGET weft_objects)
  weft_unit_test(test_complex unit/test_complex.c unit/wrows.c)
  target_link_libraries(test_complex PRIVATE weft_objects)
  target_compile_definitions(test_complex PRIVATE
    COMPLEX_EXPECTED="${CMAKE_CURRENT_SOURCE_DIR}/unit/complex_expected.txt")
endif()
