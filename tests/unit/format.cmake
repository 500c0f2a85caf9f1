# The format mini-language and str % args (runtime/objects/format.c):
# results compared with CPython (expected values from
# tools/gen_rows_expected.py tests/unit/test_format.c in format_expected.txt).
if(TARGET weft_objects)
  weft_unit_test(test_format unit/test_format.c unit/wrows.c)
  target_link_libraries(test_format PRIVATE weft_objects)
  target_compile_definitions(test_format PRIVATE
    FORMAT_EXPECTED="${CMAKE_CURRENT_SOURCE_DIR}/unit/format_expected.txt")
endif()
