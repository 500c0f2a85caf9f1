# Compiler tests (front end, issue 3, symbol table / folding / bytecode).
# All compare with the machine's python3 (CPython 3.11) except the golden
# disassemblies, which pin weft's own output format:
#  - compiler_errors: every tests/py/symtable/NAME.py through
#    `weft --compile`, stderr + exit status against NAME.expected
#    (regenerate with tools/gen_expected_compile_errors.sh);
#  - compiler_dis_golden: `weft --dis` of tests/py/dis/NAME.py against
#    NAME.dis (regenerate with tools/gen_dis_golden.sh after review);
#  - compiler_stdlib_symtable: `weft --dump-symtable-many` over the whole
#    stdlib against python3's symtable module (>= 99.5%, known gaps in
#    tests/py/symtable_xfail.txt);
#  - compiler_stdlib_code: every code object's varnames/cellvars/freevars,
#    flags, arg counts, qualname, first line against python3's (tools/code_compare.py);
#  - compiler_stdlib_compile: `weft --compile-many` over the whole stdlib
#    (compile + bytecode verifier on every code object) against python3's
#    compile(); also reports both compile times.
find_program(WEFT_PYTHON3 python3)
add_test(NAME compiler_errors
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/py/symtable/run.sh $<TARGET_FILE:weft>)
set_tests_properties(compiler_errors PROPERTIES TIMEOUT 300)
add_test(NAME compiler_dis_golden
  COMMAND sh ${CMAKE_SOURCE_DIR}/tests/py/dis/run.sh $<TARGET_FILE:weft>)
set_tests_properties(compiler_dis_golden PROPERTIES TIMEOUT 120)
if(WEFT_PYTHON3)
  add_test(NAME compiler_stdlib_symtable
    COMMAND ${WEFT_PYTHON3} ${CMAKE_SOURCE_DIR}/tools/symtable_compare.py $<TARGET_FILE:weft>
            --xfail ${CMAKE_SOURCE_DIR}/tests/py/symtable_xfail.txt)
  set_tests_properties(compiler_stdlib_symtable PROPERTIES TIMEOUT 900)
  add_test(NAME compiler_stdlib_compile
    COMMAND ${WEFT_PYTHON3} ${CMAKE_SOURCE_DIR}/tools/stdlib_compile_compare.py $<TARGET_FILE:weft>)
  set_tests_properties(compiler_stdlib_compile PROPERTIES TIMEOUT 900)
endif()
if(WEFT_PYTHON3)
  # co_varnames/co_cellvars/co_freevars, flags, arg counts, qualnames and
  # first lines of every code object against python3's compile()
  add_test(NAME compiler_stdlib_code
    COMMAND ${WEFT_PYTHON3} ${CMAKE_SOURCE_DIR}/tools/code_compare.py $<TARGET_FILE:weft>)
  set_tests_properties(compiler_stdlib_code PROPERTIES TIMEOUT 900)
endif()
if(WEFT_PYTHON3)
  # every str constant weft makes must be one python3 makes: folding,
  # '%s' % (...) formatting, keyword/default names, and (with the future
  # import prepended to every file) every annotation unparsed by unparse.c
  add_test(NAME compiler_stdlib_strconsts
    COMMAND ${WEFT_PYTHON3} ${CMAKE_SOURCE_DIR}/tools/strconst_compare.py $<TARGET_FILE:weft>)
  add_test(NAME compiler_stdlib_annotations
    COMMAND ${WEFT_PYTHON3} ${CMAKE_SOURCE_DIR}/tools/strconst_compare.py $<TARGET_FILE:weft> --future-annotations)
  set_tests_properties(compiler_stdlib_strconsts compiler_stdlib_annotations PROPERTIES TIMEOUT 900)
endif()
if(WEFT_PYTHON3)
  # constant folding edge cases (tests/py/fold/cases.txt) against python3
  add_test(NAME compiler_folding
    COMMAND ${WEFT_PYTHON3} ${CMAKE_SOURCE_DIR}/tools/fold_compare.py $<TARGET_FILE:weft>
            ${CMAKE_SOURCE_DIR}/tests/py/fold/cases.txt)
  set_tests_properties(compiler_folding PROPERTIES TIMEOUT 300)
endif()
