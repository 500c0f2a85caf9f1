# The lock-free read protocol of list, dict and set against concurrent
# writers (runtime/objects/{list,dict,set}.c; docs/internals/containers.md).
if(TARGET weft_objects)
  weft_unit_test(test_lockfree unit/test_lockfree.c)
  target_link_libraries(test_lockfree PRIVATE weft_objects)
endif()

# The locks of the _thread module (runtime/modules/_thread.c): wake-ups,
# timeouts, fairness, RLock ownership, sleeping (not spinning) waiters.
if(TARGET weft_objects)
  weft_unit_test(test_thread_module unit/test_thread_module.c)
  target_link_libraries(test_thread_module PRIVATE weft_objects)
endif()
