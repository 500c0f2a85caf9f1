# The parser half of the front end (included by compiler.cmake): AST,
# parser, f-strings, validation, dump and the --dump-ast CLI modes, added
# to weft_compiler; plus the syntax-error and stdlib AST comparison tests.
target_sources(weft_compiler PRIVATE
  runtime/compiler/arena.c
  runtime/compiler/ast.c
  runtime/compiler/ast_nodes.c
  runtime/compiler/ast_dump.c
  runtime/compiler/parser.c
  runtime/compiler/fstring.c
  runtime/compiler/validate.c
  runtime/compiler/syntax_error.c
  runtime/compiler/cli.c
  runtime/compiler/cli_util.c
)
