# The scaling workloads share no written memory between their threads:
# runs every workload of bench/scaling/workloads.py with 2 pinned threads in
# `counters` mode (weft built with -DWEFT_COUNTERS=ON) and checks, per
# iteration of the timed part, that no thread performs a shared atomic write
# (weft/counters.h): no atomic add or CAS on a reference count of an object
# it does not own, no hand-off to a merge queue, no lock of an object it
# does not own, no global QSBR or collector update, no slab free into
# another thread's slab.  mutex_cas is not checked: it also counts the
# uncontended locks a thread takes on its own objects (a dict it fills).
# Such a write in a hot path costs one or more per iteration; one-time
# events (first calls, conversions) stay far below the limit.
# shared_counter_locked shares its lock by design: there the counters must
# show it, which checks that they count at all.
# cmake -DWEFT=<weft> -DSRC=<source dir> -P check_contention.cmake
set(limit 0.05)
set(shared_checked rc_shared_incref rc_shared_decref rc_try_incref rc_queue mutex_wait
    lock_foreign slab_remote_free gc_count_flush qsbr_advance qsbr_poll type_version
    rc_perthread_convert)
file(STRINGS ${SRC}/bench/scaling/workloads.py lines REGEX "^    \"[a-z_]+\": \\(")
set(n 0)
set(failures "")
foreach(line ${lines})
  string(REGEX REPLACE "^    \"([a-z_]+)\".*" "\\1" w "${line}")
  execute_process(COMMAND ${WEFT} ${SRC}/bench/scaling/workloads.py ${w} 2 0.5 0 counters
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${w}: exit ${rc}\n${out}${err}")
  endif()
  string(REPLACE "\n" ";" rows "${out}")
  set(seen 0)
  set(report "")
  foreach(row ${rows})
    if(row STREQUAL "")
      continue()
    endif()
    if(NOT row MATCHES "^([a-z_]+) ([0-9]+\\.[0-9]+)$")
      message(FATAL_ERROR "${w}: unexpected line '${row}'")
    endif()
    set(name ${CMAKE_MATCH_1})
    set(value ${CMAKE_MATCH_2})
    math(EXPR seen "${seen} + 1")
    set(c_${name} ${value})
    if(NOT value STREQUAL "0.0000")
      string(APPEND report " ${name}=${value}")
    endif()
  endforeach()
  foreach(name ${shared_checked} mutex_cas)
    if(NOT DEFINED c_${name})
      message(FATAL_ERROR "${w}: counter ${name} missing from:\n${out}")
    endif()
  endforeach()
  message(STATUS "${w}:${report}")
  if(w STREQUAL "shared_counter_locked")
    # Every iteration (a quarter of the loop count) takes the shared Lock.
    if(c_lock_foreign LESS 0.2 OR c_mutex_cas LESS 0.2)
      list(APPEND failures "${w}: the shared lock was not counted (${report})")
    endif()
  else()
    foreach(name ${shared_checked})
      # CMake compares "0.0012" and "0.05" as numbers: LESS/GREATER are numeric.
      if(c_${name} GREATER ${limit})
        list(APPEND failures "${w}: ${name} = ${c_${name}} per iteration (limit ${limit})")
      endif()
    endforeach()
  endif()
  foreach(name ${shared_checked} mutex_cas)
    unset(c_${name})
  endforeach()
  math(EXPR n "${n} + 1")
endforeach()
if(n LESS 21)
  message(FATAL_ERROR "only ${n} workloads found")
endif()
if(failures)
  string(REPLACE ";" "\n" failures "${failures}")
  message(FATAL_ERROR "shared writes in workloads that should share nothing:\n${failures}")
endif()
message(STATUS "${n} workloads: no shared atomic writes in steady state")
