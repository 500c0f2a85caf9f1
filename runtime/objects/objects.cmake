# The object layer.
#
# weft_text: text helpers shared by the front end and the object layer —
# CPython-exact repr of str/bytes/float/complex (repr.c), big-integer
# literal arithmetic (bigint.c) and the Unicode database (unicode_*.c).
# Uses only libc/libm.  runtime/compiler/compiler.cmake links it by name
# (it is included before this file; CMake resolves names at generate time).
add_library(weft_text STATIC
  runtime/objects/repr.c
  runtime/objects/bigint.c
  runtime/objects/unicode_db.c
  runtime/objects/unicode_tables.c
)
target_include_directories(weft_text PUBLIC ${CMAKE_SOURCE_DIR})
target_link_libraries(weft_text PUBLIC m)

# weft_objects: the built-in types (runtime/objects/*.c) and the VM
# services they need (runtime/vm/*.c: per-thread VM state, errors).
# Each engineer appends the files they add with target_sources below.
add_library(weft_objects STATIC
  runtime/objects/object.c
  runtime/objects/type.c
  runtime/objects/typecache.c
  runtime/objects/typeslots.c
  runtime/objects/descr.c
  runtime/objects/int.c
  runtime/objects/float.c
  runtime/objects/none.c
  runtime/objects/bool.c
  runtime/objects/abstract.c
  runtime/objects/str.c
  runtime/objects/strmethods.c
  runtime/objects/mappingproxy.c
  runtime/objects/module.c
  runtime/objects/iter.c
  runtime/objects/objects_init.c
  runtime/vm/vmstate.c
  runtime/vm/errors.c
)
target_link_libraries(weft_objects PUBLIC weft_core weft_text)
# runtime/runtime.c calls wf_objects_init/fini through weak references, so
# every program that links weft_objects must pull them in explicitly.
target_link_options(weft_objects INTERFACE
  "LINKER:--undefined=wf_objects_init" "LINKER:--undefined=wf_objects_fini")

# Containers and exceptions (engineer B).
target_sources(weft_objects PRIVATE
  runtime/objects/tuple.c
  runtime/objects/list.c
  runtime/objects/dict.c
  runtime/objects/set.c
  runtime/objects/exceptions.c
)

# Slices, ranges, bytes and bytearray (slice.c, range.c, bytes.c, bytearray.c).
target_sources(weft_objects PRIVATE
  runtime/objects/slice.c
  runtime/objects/range.c
  runtime/objects/bytes.c
  runtime/objects/bytearray.c
)

# Runtime code objects (runtime/vm/code.c): the bridge from the compiler's
# output to the interpreter, so weft_objects links the front end.
target_sources(weft_objects PRIVATE runtime/vm/code.c)
target_link_libraries(weft_objects PUBLIC weft_compiler)

# complex (complex.c).
target_sources(weft_objects PRIVATE runtime/objects/complex.c)

# The format mini-language and str % args (format.c).
target_sources(weft_objects PRIVATE
  runtime/objects/format.c
)

# Functions, cells, argument binding, super, the iterator builtins
# enumerate/zip/map/filter/reversed and memoryview (func.c, super.c,
# iterobjects.c, memoryview.c).
target_sources(weft_objects PRIVATE
  runtime/objects/func.c
  runtime/objects/super.c
  runtime/objects/iterobjects.c
  runtime/objects/memoryview.c
)

# Weak references (weakref.c, engineer "weakref").
target_sources(weft_objects PRIVATE runtime/objects/weakref.c)

# Extra methods of the built-in types and types.GenericAlias (engineer "methods").
target_sources(weft_objects PRIVATE
  runtime/objects/number_extra.c
  runtime/objects/object_extra.c
  runtime/objects/bytes_extra.c
  runtime/objects/genericalias.c
)
