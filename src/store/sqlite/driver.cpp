#include "store/sqlite/store.hpp"

namespace assure::sqlite {

// A write transaction may hold up to 64 MiB of pages; a read, SQLite's default 2 MiB. An import
// writes hundreds of thousands of rows into indexed tables, and with 2 MiB most of its time went
// on writing pages to the log in the middle of the transaction and reading them back (decision
// 0046). Readers keep the small cache: a server pools dozens of connections, and a large cache
// on each would hold most of a large database in memory many times over. Lowering the size
// again frees the pages above it.
void Driver::begin_write(sql::Connection& db) {
    db.exec("PRAGMA cache_size = -65536");
    db.exec("BEGIN IMMEDIATE");  // takes the write lock up front, so a check-then-write cannot race another writer
}

void Driver::end_write(sql::Connection& db) { db.exec("PRAGMA cache_size = -2000"); }

}  // namespace assure::sqlite
