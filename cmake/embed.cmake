# ow_embed(OUT_VAR NAME func NAMESPACE ns FILES a b ...): compiles the files into the binary.
# Generates one source defining `const std::vector<ow::EmbeddedFile>& ns::func()` that lists
# {file name, contents} in the given order; OUT_VAR receives the generated source's path.
function(ow_embed out_var)
  cmake_parse_arguments(E "" "NAMESPACE;NAME" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${E_NAME}_embedded.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${E_NAMESPACE} -DFUNC=${E_NAME}
            "-DFILES=${E_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_generate.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_generate.cmake
    COMMENT "Embedding ${E_NAME}"
    VERBATIM)
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
