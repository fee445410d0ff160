#include "cli/backup.hpp"

#include <filesystem>
#include <iomanip>
#include <sstream>

#include "cli/backup_documents.hpp"
#include "store/sqlite/backup.hpp"
#include "store/sqlite/store.hpp"

namespace fs = std::filesystem;

namespace assure::cli {
namespace {

std::string megabytes(std::int64_t bytes) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
    return out.str();
}

}  // namespace

int backup_database(const std::string& db, const std::string& documents_dir, const std::string& to, std::ostream& out,
                    std::ostream& progress) {
    if (!fs::exists(db)) throw std::runtime_error("no database at " + db);
    if (const auto parent = fs::path(to).parent_path(); !parent.empty()) fs::create_directories(parent);
    const auto result = sqlite::backup(db, to, [&](std::int64_t done, std::int64_t total) {
        progress << "\rCopied " << done << " of " << total << " pages" << std::flush;
    });
    progress << "\n";
    out << "Backed up " << db << " to " << to << ": " << megabytes(result.bytes) << " in " << std::fixed << std::setprecision(1)
        << result.seconds << " s\nSHA-256 " << result.sha256 << " (in " << result.checksum_file << ")\n";
    const auto files = copy_named_documents(to, documents_dir, documents_of_backup(to));
    out << "Documents: " << files.files << " files, " << megabytes(files.bytes) << ", in " << documents_of_backup(to) << " ("
        << files.copied << " copied, the rest already there)\n";
    if (files.ok()) return 0;
    out << "These documents could NOT be backed up:\n";
    for (const auto& p : files.problems) out << "  " << p << "\n";
    return 2;
}

int verify_backup_file(const std::string& file, std::ostream& out) {
    auto check = sqlite::verify_backup(file);
    DocumentFilesResult files;
    if (check.ok()) {
        files = check_named_documents(file, documents_of_backup(file));
        for (const auto& p : files.problems) check.problems.push_back("document " + p);
    }
    if (!check.ok()) {
        out << "Backup " << file << " is NOT good:\n";
        for (const auto& p : check.problems) out << "  " << p << "\n";
        return 2;
    }
    out << "Backup " << file << " is good: " << megabytes(check.bytes) << ", checksum matches, integrity check ok\n"
        << "Migrations applied: " << check.migrations << "\nAudit chain head: "
        << (check.audit_head_id == 0 ? std::string("(no audit rows)")
                                     : "row " + std::to_string(check.audit_head_id) + " hash " + check.audit_head_hash)
        << "\nDocuments: " << files.files << " files, " << megabytes(files.bytes) << ", each matching its checksum\n";
    return 0;
}

void restore_database(const std::string& from, const std::string& db, const std::string& documents_dir, std::ostream& out) {
    // The documents first: files are named by their content, so putting them in place changes
    // nothing the current database names, and a backup missing one restores nothing.
    const auto files = copy_named_documents(from, documents_of_backup(from), documents_dir);
    if (!files.ok()) {
        std::string names;
        for (const auto& p : files.problems) names += "\n  " + p;
        throw std::runtime_error(from + " lacks documents it names; nothing of the database was restored:" + names);
    }
    sqlite::restore(from, db);
    out << "Restored " << db << " from " << from << ", with " << files.files << " documents in " << documents_dir << " ("
        << files.copied << " copied)\n";
}

}  // namespace assure::cli
