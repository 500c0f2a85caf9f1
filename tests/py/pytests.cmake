# tests/py/pytests.cmake — one ctest per Python-level test script.
#
# Every tests/py/<category>/<name>.py (one level deep; not the front-end
# suites dis/ fold/ symtable/ syntax/, and not helper files whose name
# starts with "_") becomes the ctest "py/<category>/<name>", labelled "py",
# run by tests/py/run_one.sh: `weft <name>.py` in the script's directory,
# merged output compared with <name>.out (made by tools/gen_py_expected.py).
# Known gaps are listed in tests/py/xfail.txt.  Summary of the whole suite:
# tests/py/run_all.sh build/<dir>/weft [category...].
set(_py_dir ${CMAKE_SOURCE_DIR}/tests/py)
set(_py_skip dis fold symtable syntax)
# Per-script time limit: sanitizers run the scripts several times slower.
set(_py_limit 30)
if(WEFT_SANITIZE STREQUAL "thread")
  set(_py_limit 400)
elseif(NOT WEFT_SANITIZE STREQUAL "none")
  set(_py_limit 120)
endif()
math(EXPR _py_ctest_limit "${_py_limit} + 30")
# Under AddressSanitizer the scripts are checked for memory errors; leak
# checking stays with the Check suites, because the interpreter does not yet
# free everything it allocated when it exits (module-level state of the
# embedded library: see tests/py/README.md).
set(_py_env ${WEFT_TEST_ENV})
if(WEFT_SANITIZE STREQUAL "address")
  list(FILTER _py_env EXCLUDE REGEX "^ASAN_OPTIONS=")
  list(APPEND _py_env "ASAN_OPTIONS=detect_leaks=0 abort_on_error=1 detect_stack_use_after_return=1")
endif()
file(GLOB _py_scripts RELATIVE ${_py_dir} CONFIGURE_DEPENDS ${_py_dir}/*/*.py)
list(SORT _py_scripts)
foreach(_s ${_py_scripts})
  get_filename_component(_cat ${_s} DIRECTORY)
  get_filename_component(_name ${_s} NAME_WE)
  list(FIND _py_skip ${_cat} _skipped)
  if(NOT _skipped EQUAL -1 OR _name MATCHES "^_")
    continue()
  endif()
  # Under ThreadSanitizer only the thread tests run (the rest adds nothing
  # a race detector checks, at ten times the cost).
  if(WEFT_SANITIZE STREQUAL "thread" AND NOT _cat STREQUAL "threads")
    continue()
  endif()
  add_test(NAME py/${_cat}/${_name}
           COMMAND sh ${_py_dir}/run_one.sh $<TARGET_FILE:weft> ${_cat}/${_name} ${_py_limit})
  set_tests_properties(py/${_cat}/${_name} PROPERTIES LABELS py TIMEOUT ${_py_ctest_limit}
                       ENVIRONMENT "${_py_env}")
  # The thread tests run a second time in the free-threaded build with the
  # GIL switched on (-X gil=1): the third mode is the GIL flavour itself.
  if(_cat STREQUAL "threads" AND NOT WEFT_GIL)
    add_test(NAME py-gil1/${_cat}/${_name}
             COMMAND sh ${_py_dir}/run_one.sh $<TARGET_FILE:weft> ${_cat}/${_name} ${_py_limit})
    set_tests_properties(py-gil1/${_cat}/${_name} PROPERTIES LABELS "py;threads" TIMEOUT ${_py_ctest_limit}
                         ENVIRONMENT "${_py_env};WEFT_EXTRA_ARGS=-X gil=1")
  endif()
endforeach()
