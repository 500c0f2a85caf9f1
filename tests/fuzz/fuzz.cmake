# libFuzzer harnesses (clang only): cmake -DWEFT_FUZZ=ON -DCMAKE_C_COMPILER=clang
# Run: build/<dir>/fuzz_tokenizer -max_total_time=600 NEW_CORPUS_DIR tests/fuzz/corpus/tokenizer
# (or ctest -R fuzz_tokenizer, WEFT_FUZZ_SECONDS long; see tests/unit/tokenizer.cmake)
option(WEFT_FUZZ "Build the libFuzzer harnesses (needs clang)" OFF)
if(WEFT_FUZZ AND TARGET weft_compiler)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "WEFT_FUZZ needs clang (-fsanitize=fuzzer)")
  endif()
  add_library(weft_compiler_fuzz STATIC
    runtime/compiler/tokenizer.c runtime/compiler/literals.c runtime/objects/repr.c
    runtime/objects/bigint.c runtime/objects/unicode_db.c runtime/objects/unicode_tables.c)
  target_include_directories(weft_compiler_fuzz PUBLIC ${CMAKE_SOURCE_DIR})
  target_compile_options(weft_compiler_fuzz PUBLIC -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
  target_link_libraries(weft_compiler_fuzz PUBLIC m)
  add_executable(fuzz_tokenizer tests/fuzz/fuzz_tokenizer.c)
  target_compile_options(fuzz_tokenizer PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(fuzz_tokenizer PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_tokenizer PRIVATE weft_compiler_fuzz)
endif()

# fuzz_parser: the whole parsing path of `weft --dump-ast/--check-syntax`
# (tests/fuzz/fuzz_parser.c).  Its library is every source of
# weft_compiler and of the weft_text helpers it links (read at generate
# time, so sources added later by other fragments are included),
# instrumented for libFuzzer.  The plain replay
# build of the same harness and the ctests are in tests/unit/fuzz_parser.cmake;
# tests/fuzz/run.sh builds and runs the fuzzers for a bounded time.
if(WEFT_FUZZ AND TARGET weft_compiler)
  add_library(weft_frontend_fuzz STATIC $<TARGET_PROPERTY:weft_compiler,SOURCES>
                                        $<TARGET_PROPERTY:weft_text,SOURCES>)
  target_include_directories(weft_frontend_fuzz PUBLIC ${CMAKE_SOURCE_DIR})
  target_compile_options(weft_frontend_fuzz PUBLIC -fsanitize=fuzzer-no-link,address,undefined
                         -fno-sanitize-recover=undefined)
  target_link_libraries(weft_frontend_fuzz PUBLIC m)
  add_executable(fuzz_parser tests/fuzz/fuzz_parser.c)
  target_compile_options(fuzz_parser PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(fuzz_parser PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_parser PRIVATE weft_frontend_fuzz)
endif()
