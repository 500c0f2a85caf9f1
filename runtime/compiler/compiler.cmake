# The front end: tokenizer, literal decoding (and, appended by the parser
# work, parser/AST/compiler) as the static library weft_compiler, plus the
# literal repr/bigint/Unicode helpers of runtime/objects it needs (the
# weft_text library, defined in runtime/objects/objects.cmake).  It uses
# only libc and libm, so it builds and tests on its own.
add_library(weft_compiler STATIC
  runtime/compiler/tokenizer.c
  runtime/compiler/literals.c
)
target_include_directories(weft_compiler PUBLIC ${CMAKE_SOURCE_DIR})
target_link_libraries(weft_compiler PUBLIC m weft_text)
target_link_libraries(weft PRIVATE weft_compiler)

# tools/tokdump: the token stream as `python3 -m tokenize -e` prints it.
add_executable(weft_tokdump tools/tokdump.c)
target_link_libraries(weft_tokdump PRIVATE weft_compiler)

# Parser, AST, dump and their tests.
include(${CMAKE_CURRENT_LIST_DIR}/parser.cmake)

# libFuzzer harnesses for the front end (off by default).
include(${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz.cmake)

# --- compiler fragment (symbol table, constant folding, bytecode compiler,
# disassembler, verifier and their CLI modes); see docs/internals/compiler.md.
target_sources(weft_compiler PRIVATE
  runtime/compiler/symtable.c
)
target_sources(weft_compiler PRIVATE
  runtime/compiler/opcodes.c
  runtime/compiler/ast_opt.c
  runtime/compiler/unparse.c
  runtime/compiler/compile.c
  runtime/compiler/code.c
  runtime/compiler/compiler_cli.c
)
