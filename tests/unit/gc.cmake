# The cycle collector (runtime/vm/gc.c): cycles freed exactly once,
# resurrection, collections while threads mutate containers, objects of
# exited threads, automatic collection.
if(TARGET weft_objects)
  weft_unit_test(test_gc unit/test_gc.c)
  target_link_libraries(test_gc PRIVATE weft_objects)
endif()
