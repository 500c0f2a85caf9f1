# Runs every workload of bench/scaling/workloads.py with 2 pinned threads at
# a tiny scale and checks it exits 0 and prints "WALL CPU" (two numbers):
# the scaling benchmark keeps working in every flavour.
# cmake -DWEFT=<weft> -DSRC=<source dir> -P check_scaling_workloads.cmake
file(STRINGS ${SRC}/bench/scaling/workloads.py lines REGEX "^    \"[a-z_]+\": \\(")
set(n 0)
foreach(line ${lines})
  string(REGEX REPLACE "^    \"([a-z_]+)\".*" "\\1" w "${line}")
  execute_process(COMMAND ${WEFT} ${SRC}/bench/scaling/workloads.py ${w} 2 0.005
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${w}: exit ${rc}\n${out}${err}")
  endif()
  if(NOT out MATCHES "^[0-9]+\\.[0-9]+ [0-9]+\\.[0-9]+\n$")
    message(FATAL_ERROR "${w}: unexpected output '${out}' ${err}")
  endif()
  math(EXPR n "${n} + 1")
endforeach()
if(n LESS 21)
  message(FATAL_ERROR "only ${n} workloads found")
endif()
message(STATUS "${n} workloads ran")
