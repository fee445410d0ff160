#include "cli/backup.hpp"

#include <filesystem>
#include <iomanip>
#include <sstream>

#include "store/sqlite/backup.hpp"

namespace fs = std::filesystem;

namespace assure::cli {
namespace {

std::string megabytes(std::int64_t bytes) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
    return out.str();
}

}  // namespace

int backup_database(const std::string& db, const std::string& to, std::ostream& out, std::ostream& progress) {
    if (!fs::exists(db)) throw std::runtime_error("no database at " + db);
    if (const auto parent = fs::path(to).parent_path(); !parent.empty()) fs::create_directories(parent);
    const auto result = sqlite::backup(db, to, [&](std::int64_t done, std::int64_t total) {
        progress << "\rCopied " << done << " of " << total << " pages" << std::flush;
    });
    progress << "\n";
    out << "Backed up " << db << " to " << to << ": " << megabytes(result.bytes) << " in " << std::fixed << std::setprecision(1)
        << result.seconds << " s\nSHA-256 " << result.sha256 << " (in " << result.checksum_file << ")\n";
    return 0;
}

int verify_backup_file(const std::string& file, std::ostream& out) {
    const auto check = sqlite::verify_backup(file);
    if (!check.ok()) {
        out << "Backup " << file << " is NOT good:\n";
        for (const auto& p : check.problems) out << "  " << p << "\n";
        return 2;
    }
    out << "Backup " << file << " is good: " << megabytes(check.bytes) << ", checksum matches, integrity check ok\n"
        << "Migrations applied: " << check.migrations << "\nAudit chain head: "
        << (check.audit_head_id == 0 ? std::string("(no audit rows)")
                                     : "row " + std::to_string(check.audit_head_id) + " hash " + check.audit_head_hash)
        << "\n";
    return 0;
}

}  // namespace assure::cli
