# Front-end tokenizer/literal tests.  They need only weft_compiler (no
# runtime), so they are plain executables registered with add_test.
if(TARGET weft_compiler)
  find_package(Python3 COMPONENTS Interpreter)
  add_executable(test_tokenizer unit/test_tokenizer.c)
  target_include_directories(test_tokenizer PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(test_tokenizer PRIVATE weft_compiler PkgConfig::CHECK)
  add_test(NAME test_tokenizer COMMAND test_tokenizer)
  set_tests_properties(test_tokenizer PROPERTIES ENVIRONMENT "${WEFT_TEST_ENV}" TIMEOUT 600)
  if(Python3_Interpreter_FOUND)
    # Every stdlib file CPython tokenizes must give the same tokens
    # (tests/tokenizer/stdlib_xfail.txt lists known tokenize-module quirks).
    add_test(NAME tokenizer_stdlib
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/tokenizer/compare_stdlib.py
                     $<TARGET_FILE:weft_tokdump>)
    set_tests_properties(tokenizer_stdlib PROPERTIES TIMEOUT 900)
    # Differential check against compile(): 10000 mutated snippets, fixed seed.
    add_test(NAME tokenizer_diff_cpython
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/tokenizer/diff_fuzz.py
                     $<TARGET_FILE:weft_tokdump> --n 10000 --seed 1)
    set_tests_properties(tokenizer_diff_cpython PROPERTIES TIMEOUT 600)
  endif()
endif()

# With -DWEFT_FUZZ=ON (clang): a bounded fuzzing run from the committed seed
# corpus; new inputs go to the build tree, never into the source tree.
if(TARGET fuzz_tokenizer)
  set(WEFT_FUZZ_SECONDS 60 CACHE STRING "Seconds of fuzzing in the fuzz_tokenizer test")
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz_corpus/tokenizer)
  add_test(NAME fuzz_tokenizer
           COMMAND fuzz_tokenizer -max_total_time=${WEFT_FUZZ_SECONDS} -max_len=4096 -timeout=10
                   -rss_limit_mb=2048 -print_final_stats=1
                   -artifact_prefix=${CMAKE_BINARY_DIR}/fuzz_corpus/
                   ${CMAKE_BINARY_DIR}/fuzz_corpus/tokenizer ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/tokenizer)
  set_tests_properties(fuzz_tokenizer PROPERTIES TIMEOUT 900)
endif()
