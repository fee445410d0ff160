#pragma once
// The documents' bytes in a backup (decision 0022): beside `FILE`, the folder `FILE.documents`
// holds every file that the backed-up database names, under the same content-addressed names
// as the documents folder (ab/abcdef…). Files are never changed or removed once kept, and each
// is on disk before the row naming it commits, so copying them after the database's snapshot
// gives a backup in which every document the snapshot names is whole.
#include <cstdint>
#include <string>
#include <vector>

namespace assure::cli {

std::string documents_of_backup(const std::string& backup_file);  // "<backup>.documents"

struct DocumentFilesResult {
    int files = 0;                      // the distinct files the database names
    int copied = 0;                     // copied this time (the rest were there and whole)
    std::int64_t bytes = 0;             // of every file named
    std::vector<std::string> problems;  // a file missing or not matching its name
    [[nodiscard]] bool ok() const { return problems.empty(); }
};

// Copies into `to_dir` every file that the database at `db_file` names and `from_dir` holds,
// checking each copy's SHA-256 against its name. A file already in `to_dir` whole is kept.
DocumentFilesResult copy_named_documents(const std::string& db_file, const std::string& from_dir, const std::string& to_dir);

// Every file that the database at `db_file` names is in `dir` and matches its name.
DocumentFilesResult check_named_documents(const std::string& db_file, const std::string& dir);

}  // namespace assure::cli
