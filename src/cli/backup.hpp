#pragma once
// `assure backup` and `assure backup verify` on SQLite files (PostgreSQL has its own tools).
#include <ostream>
#include <string>

namespace assure::cli {

// Copies the database, saying how far it has gone on `progress` and what it wrote on `out`.
int backup_database(const std::string& db, const std::string& to, std::ostream& out, std::ostream& progress);

// 0 when the backup is good; 2, naming each problem, when it is not.
int verify_backup_file(const std::string& file, std::ostream& out);

}  // namespace assure::cli
