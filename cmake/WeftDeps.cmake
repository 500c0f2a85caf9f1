# Dependencies, found the standard way.  Each failure names the Debian
# package that provides the missing piece (scripts/bootstrap installs them).

find_package(PkgConfig QUIET)
if(NOT PKG_CONFIG_FOUND)
  message(FATAL_ERROR "pkg-config not found: install the Debian package 'pkg-config' (or run scripts/bootstrap)")
endif()

pkg_check_modules(CK QUIET IMPORTED_TARGET ck)
if(NOT CK_FOUND)
  message(FATAL_ERROR "ConcurrencyKit (pkg-config module 'ck') not found: install the Debian package 'libck-dev' (or run scripts/bootstrap)")
endif()
set(WF_CK_VERSION "${CK_VERSION}")

find_package(Threads REQUIRED)

add_library(weft_deps INTERFACE)
target_link_libraries(weft_deps INTERFACE PkgConfig::CK Threads::Threads m)

set(WF_MIMALLOC_VERSION "none")
if(WEFT_ALLOCATOR STREQUAL "mimalloc")
  find_package(mimalloc CONFIG QUIET)
  if(NOT mimalloc_FOUND)
    message(FATAL_ERROR "mimalloc (CMake package 'mimalloc') not found: install the Debian package 'libmimalloc-dev' (or run scripts/bootstrap), or configure with -DWEFT_ALLOCATOR=system")
  endif()
  set(WF_MIMALLOC_VERSION "${mimalloc_VERSION}")
  if(NOT WF_MIMALLOC_VERSION)
    set(WF_MIMALLOC_VERSION "${mi_version_major}.${mi_version_minor}.${mi_version_patch}")
  endif()
  target_link_libraries(weft_deps INTERFACE mimalloc)
endif()

if(WEFT_TESTS)
  pkg_check_modules(CHECK QUIET IMPORTED_TARGET check)
  if(NOT CHECK_FOUND)
    message(FATAL_ERROR "Check (pkg-config module 'check') not found: install the Debian package 'check' (or run scripts/bootstrap), or configure with -DWEFT_TESTS=OFF")
  endif()
  set(WF_CHECK_VERSION "${CHECK_VERSION}")
else()
  set(WF_CHECK_VERSION "none")
endif()
