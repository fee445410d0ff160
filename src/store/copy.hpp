#pragma once
// `assure copy`: moves a whole database from one engine to another (SQLite to PostgreSQL and
// back), ids and all, so a partnership can change engine without losing a record.
#include <string>
#include <vector>

namespace assure::store {

struct CopiedTable {
    std::string name;
    long rows = 0;
};

// Copies every table of `from` into `to`, parents before children, in one transaction on the
// target. `to` is brought up to this build's schema first; it must hold no rows, and `from`
// must be at the same migration. Throws std::runtime_error (or sql::Error) saying why not.
// The source is read in one snapshot and never changed.
std::vector<CopiedTable> copy_database(const std::string& from, const std::string& to);

}  // namespace assure::store
