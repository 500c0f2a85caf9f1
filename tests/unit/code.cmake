# Runtime code objects (runtime/vm/code.c): test_code compiles the programs
# of code_expected.txt (from python3, tools/gen_code_expected.py) and
# compares the code objects' attributes and the SyntaxError objects.
if(TARGET weft_objects)
  weft_unit_test(test_code unit/test_code.c)
  target_link_libraries(test_code PRIVATE weft_objects)
  target_compile_definitions(test_code PRIVATE
    CODE_EXPECTED="${CMAKE_CURRENT_SOURCE_DIR}/unit/code_expected.txt")
endif()
