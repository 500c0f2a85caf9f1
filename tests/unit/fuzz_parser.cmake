# Parser fuzzing tests (front end, issue 3); see tests/fuzz/fuzz.cmake.
#  - fuzz_parser_regressions (every build): the harness
#    tests/fuzz/fuzz_parser.c built as a plain executable replays every
#    input in tests/fuzz/regressions/ (inputs that once crashed, leaked,
#    hung or tripped a sanitizer) and the seed corpus tests/fuzz/corpus/parser/.
#    Under the asan presets the sanitizers check each replay too.
#  - fuzz_parser_corpus_vs_python3 (every build with python3): the same
#    files through `weft --dump-ast` against python3's ast.parse
#    (tests/fuzz/compare_corpus.py).
#  - fuzz_parser (only with -DWEFT_FUZZ=ON and clang): a bounded libFuzzer
#    run from the seed corpus, WEFT_FUZZ_SECONDS long; new inputs go to
#    the build tree, never into the source tree.
if(TARGET weft_compiler)
  add_executable(fuzz_parser_replay ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_parser.c
                                    ${CMAKE_SOURCE_DIR}/tests/fuzz/replay_main.c)
  target_link_libraries(fuzz_parser_replay PRIVATE weft_compiler)
  add_test(NAME fuzz_parser_regressions
           COMMAND fuzz_parser_replay ${CMAKE_SOURCE_DIR}/tests/fuzz/regressions
                   ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/parser)
  set_tests_properties(fuzz_parser_regressions PROPERTIES TIMEOUT 300)
  # The same inputs against python3's ast.parse (accept/reject and dump).
  find_package(Python3 COMPONENTS Interpreter)
  if(Python3_Interpreter_FOUND AND TARGET weft)
    add_test(NAME fuzz_parser_corpus_vs_python3
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/fuzz/compare_corpus.py $<TARGET_FILE:weft>
                     ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/parser ${CMAKE_SOURCE_DIR}/tests/fuzz/regressions)
    set_tests_properties(fuzz_parser_corpus_vs_python3 PROPERTIES TIMEOUT 300)
  endif()
endif()
if(TARGET fuzz_parser)
  set(WEFT_FUZZ_SECONDS 60 CACHE STRING "Seconds of fuzzing in the fuzz_* tests")
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz_corpus/parser)
  add_test(NAME fuzz_parser
           COMMAND fuzz_parser -max_total_time=${WEFT_FUZZ_SECONDS} -max_len=4096 -timeout=10
                   -rss_limit_mb=2048 -print_final_stats=1
                   -dict=${CMAKE_SOURCE_DIR}/tests/fuzz/python.dict
                   -artifact_prefix=${CMAKE_BINARY_DIR}/fuzz_corpus/
                   ${CMAKE_BINARY_DIR}/fuzz_corpus/parser ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/parser)
  set_tests_properties(fuzz_parser PROPERTIES TIMEOUT 900)
endif()
