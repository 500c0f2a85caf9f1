# The per-thread type attribute cache (runtime/objects/typecache.c): hits,
# cached misses, invalidation, tag uniqueness, uncached names, and a
# rebind-while-reading race (run under TSan/ASan too).
if(TARGET weft_objects)
  weft_unit_test(test_typecache unit/test_typecache.c)
  target_link_libraries(test_typecache PRIVATE weft_objects)
endif()
