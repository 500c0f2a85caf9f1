# WEFT_SANITIZE=thread|address|undefined: instrument every target.
# Sanitizer builds default to WEFT_ALLOCATOR=system so the sanitizer sees
# every allocation (mimalloc's heaps bypass its interceptors).
if(WEFT_SANITIZE STREQUAL "none")
  return()
endif()
if(WEFT_SANITIZE STREQUAL "thread")
  set(_san -fsanitize=thread)
elseif(WEFT_SANITIZE STREQUAL "address")
  set(_san -fsanitize=address -fsanitize-address-use-after-scope)
elseif(WEFT_SANITIZE STREQUAL "undefined")
  set(_san -fsanitize=undefined -fno-sanitize-recover=undefined)
endif()
if(WEFT_SANITIZE STREQUAL "thread" AND WEFT_ALLOCATOR STREQUAL "mimalloc")
  message(WARNING "TSan with the prebuilt mimalloc reports false races on recycled memory; use WEFT_ALLOCATOR=system")
endif()
add_compile_options(${_san} -fno-omit-frame-pointer -g)
add_link_options(${_san})
