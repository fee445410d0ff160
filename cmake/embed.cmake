# assure_embed(NAME NAMESPACE FILES...) compiles files into a C++ source as a
# name -> contents table, so the binary carries its migrations, templates and demo data
# and never depends on where the source tree is.
function(assure_embed name namespace)
  set(out ${CMAKE_BINARY_DIR}/embedded/${name}.cpp)
  string(REPLACE ";" "|" files "${ARGN}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAMESPACE=${namespace} -DROOT=${CMAKE_SOURCE_DIR}
            "-DFILES=${files}" -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${name}"
    VERBATIM)
  set(${name}_SOURCE ${out} PARENT_SCOPE)
endfunction()
