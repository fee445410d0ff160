#include "cli/backup_documents.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "store/sqlite/backup.hpp"
#include "store/sqlite/database.hpp"

namespace fs = std::filesystem;

namespace assure::cli {
namespace {

// The files a database names: each document version's SHA-256, once. A database from before
// documents existed names none.
std::vector<std::string> named_files(const std::string& db_file) {
    sqlite::Connection db(db_file, true);
    auto has = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'document_versions'");
    if (!has->step() || has->int64(0) == 0) return {};
    std::vector<std::string> out;
    auto q = db.prepare("SELECT DISTINCT sha256 FROM document_versions ORDER BY sha256");
    while (q->step()) out.push_back(q->text(0));
    return out;
}

fs::path file_in(const std::string& dir, const std::string& sha256) { return fs::path(dir) / sha256.substr(0, 2) / sha256; }

bool whole(const fs::path& path, const std::string& sha256) {
    std::error_code ec;
    return fs::is_regular_file(path, ec) && sqlite::file_sha256(path.string()) == sha256;
}

// Copied beside its final name, flushed, checked and renamed, readable by its owner only.
void copy_checked(const fs::path& from, const fs::path& to, const std::string& sha256) {
    fs::create_directories(to.parent_path());
    fs::permissions(to.parent_path(), fs::perms::owner_all, fs::perm_options::replace);
    const fs::path partial = to.string() + ".partial";
    {
        std::ifstream in(from, std::ios::binary);
        const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (!in || fd < 0) throw std::runtime_error("cannot copy " + from.string() + " to " + partial.string());
        char buffer[1 << 16];
        bool written = true;
        while (written && in) {
            in.read(buffer, sizeof buffer);
            for (std::streamsize done = 0, n = in.gcount(); written && done < n;) {
                const auto w = ::write(fd, buffer + done, static_cast<std::size_t>(n - done));
                written = w > 0;
                done += w > 0 ? w : 0;
            }
        }
        const bool flushed = ::fsync(fd) == 0;
        ::close(fd);
        if (!written || !flushed || in.bad()) throw std::runtime_error("cannot write " + partial.string());
    }
    if (sqlite::file_sha256(partial.string()) != sha256) {
        fs::remove(partial);
        throw std::runtime_error(from.string() + " changed while it was copied");
    }
    fs::rename(partial, to);
}

DocumentFilesResult each_named(const std::string& db_file, const std::string& dir,
                               const std::function<void(const std::string&, DocumentFilesResult&)>& step) {
    DocumentFilesResult result;
    for (const auto& sha256 : named_files(db_file)) {
        ++result.files;
        const fs::path at = file_in(dir, sha256);
        std::error_code ec;
        if (const auto size = fs::file_size(at, ec); !ec) result.bytes += static_cast<std::int64_t>(size);
        step(sha256, result);
    }
    return result;
}

}  // namespace

std::string documents_of_backup(const std::string& backup_file) { return backup_file + ".documents"; }

DocumentFilesResult copy_named_documents(const std::string& db_file, const std::string& from_dir, const std::string& to_dir) {
    fs::create_directories(to_dir);
    fs::permissions(to_dir, fs::perms::owner_all, fs::perm_options::replace);
    return each_named(db_file, from_dir, [&](const std::string& sha256, DocumentFilesResult& r) {
        const fs::path from = file_in(from_dir, sha256), to = file_in(to_dir, sha256);
        if (whole(to, sha256)) return;
        if (!whole(from, sha256)) {
            r.problems.push_back((fs::exists(from) ? "does not match its name: " : "missing: ") + from.string());
            return;
        }
        copy_checked(from, to, sha256);
        ++r.copied;
    });
}

DocumentFilesResult check_named_documents(const std::string& db_file, const std::string& dir) {
    return each_named(db_file, dir, [&](const std::string& sha256, DocumentFilesResult& r) {
        const fs::path at = file_in(dir, sha256);
        if (!whole(at, sha256)) r.problems.push_back((fs::exists(at) ? "does not match its name: " : "missing: ") + at.string());
    });
}

}  // namespace assure::cli
