# Weak references (runtime/objects/weakref.c, weft/weakref.h) through the C
# API, with a multithreaded clear-versus-get race (run under TSan/ASan too).
if(TARGET weft_objects)
  weft_unit_test(test_weakref unit/test_weakref.c)
  target_link_libraries(test_weakref PRIVATE weft_objects)
endif()
