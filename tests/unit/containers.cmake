# Containers and exceptions (runtime/objects/{tuple,list,dict,set,
# exceptions}.c): behaviour compared with CPython (expected results from
# tools/gen_rows_expected.py tests/unit/test_containers.c in containers_expected.txt), refcount
# balance and 4-thread hammering of one list, dict and set.
if(TARGET weft_objects)
  weft_unit_test(test_containers unit/test_containers.c unit/wrows.c)
  target_link_libraries(test_containers PRIVATE weft_objects)
  target_compile_definitions(test_containers PRIVATE
    CONTAINERS_EXPECTED="${CMAKE_CURRENT_SOURCE_DIR}/unit/containers_expected.txt")
endif()
