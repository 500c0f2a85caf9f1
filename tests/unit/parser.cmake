# Parser / AST tests (front end, issue 3).  Both compare with the machine's
# python3 (CPython 3.11), the oracle:
#  - parser_syntax_errors: every tests/py/syntax/NAME.py through
#    `weft --check-syntax`, stderr + exit status against NAME.expected
#    (regenerate with tools/gen_expected_syntax.sh);
#  - parser_stdlib_ast: `weft --dump-ast` over the whole stdlib against
#    ast.dump(ast.parse(...)), positions included; >= 99.5% must match,
#    known gaps are listed with a reason in tests/py/stdlib_ast_xfail.txt.
find_program(WEFT_PYTHON3 python3)
add_test(NAME parser_syntax_errors
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/py/syntax/run.sh $<TARGET_FILE:weft>)
set_tests_properties(parser_syntax_errors PROPERTIES TIMEOUT 300)
if(WEFT_PYTHON3)
  add_test(NAME parser_stdlib_ast
    COMMAND ${WEFT_PYTHON3} ${CMAKE_SOURCE_DIR}/tools/stdlib_ast_compare.py $<TARGET_FILE:weft>
            --attrs --xfail ${CMAKE_SOURCE_DIR}/tests/py/stdlib_ast_xfail.txt)
  set_tests_properties(parser_stdlib_ast PROPERTIES TIMEOUT 900)
endif()
