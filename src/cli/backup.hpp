#pragma once
// `assure backup` and `assure backup verify` on SQLite files (PostgreSQL has its own tools).
#include <ostream>
#include <string>

namespace assure::cli {

// Copies the database, then the documents it names from `documents_dir` into `to`.documents
// (cli/backup_documents.hpp), saying how far it has gone on `progress` and what it wrote on
// `out`. 2, naming each, when a document could not be copied.
int backup_database(const std::string& db, const std::string& documents_dir, const std::string& to, std::ostream& out,
                    std::ostream& progress);

// 0 when the backup and its documents are good; 2, naming each problem, when they are not.
int verify_backup_file(const std::string& file, std::ostream& out);

// Puts the backup's documents into `documents_dir`, then the database in place of `db`. Throws,
// restoring nothing of the database, when a document the backup names is not in it whole.
void restore_database(const std::string& from, const std::string& db, const std::string& documents_dir, std::ostream& out);

}  // namespace assure::cli
