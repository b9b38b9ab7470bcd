# Helpers shared by every native test directory.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)

# ntmsapi_unit_test(<name> <sources...>): a cmocka program linked with the
# portable core, registered with ctest under the label "unit".
function(ntmsapi_unit_test name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE ntmsapi_core PkgConfig::CMOCKA)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS unit
    ENVIRONMENT "NTMSAPI_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data")
endfunction()
