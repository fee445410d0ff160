// jemalloc's settings, read as it starts, in the executables linked with it (decision 0049).
// Transparent huge pages: jemalloc asks the kernel for 2 MiB pages for its memory, so a large
// import's hundreds of megabytes of records are mapped by hundreds of page faults rather than
// a hundred thousand. The operator's MALLOC_CONF is read after this and wins
// (MALLOC_CONF=thp:default gives the kernel's own choice back; docs/admin.md).
extern "C" {
__attribute__((visibility("default"))) const char* malloc_conf = "thp:always";
}
