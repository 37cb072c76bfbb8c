# ow_module(NAME SOURCES ... DEPS ...): one library per module, linked as ow::NAME.
function(ow_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS" ${ARGN})
  add_library(ow_${name} STATIC ${M_SOURCES})
  add_library(ow::${name} ALIAS ow_${name})
  target_include_directories(ow_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(ow_${name} PUBLIC ${M_DEPS})
endfunction()

# ow_test(NAME SOURCES ... DEPS ... [LABELS ...]): a GoogleTest binary registered with CTest.
function(ow_test name)
  cmake_parse_arguments(T "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_DEPS} GTest::gtest GTest::gtest_main)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "ONEWINDOW_SHARED=${PROJECT_SOURCE_DIR}/../shared;ONEWINDOW_SOURCE=${PROJECT_SOURCE_DIR}")
  if(T_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
  endif()
endfunction()
