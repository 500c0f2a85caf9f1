# Per-thread reference counting (runtime/memory/perthread.c, the inline
# paths in weft/object.h, the collector's side in runtime/vm/gc.c): exact
# counts from owners, other threads and exited threads, freeing only by the
# collector, cycles, conversion requests and pauses, immortal and deferred
# objects, and counting storms while collections run (TSan too).
if(TARGET weft_objects)
  weft_unit_test(test_perthread unit/test_perthread.c)
  target_link_libraries(test_perthread PRIVATE weft_objects)
endif()
