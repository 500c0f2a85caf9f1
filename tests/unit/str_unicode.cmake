# str's case and character-class methods over all of Unicode
# (runtime/objects/{str,unicode_db}.c): every code point's predicates and
# full case mappings, and the case methods in context, against python3's
# results recorded by tools/gen_str_unicode_expected.py in
# str_unicode_expected.txt.
if(TARGET weft_objects)
  weft_unit_test(test_str_unicode unit/test_str_unicode.c)
  target_link_libraries(test_str_unicode PRIVATE weft_objects)
  target_compile_definitions(test_str_unicode PRIVATE
    STR_UNICODE_EXPECTED="${CMAKE_CURRENT_SOURCE_DIR}/unit/str_unicode_expected.txt")
endif()
