#pragma once
// The folder that keeps documents' bytes, outside the database: one file per distinct content,
// named by its SHA-256 under a folder of its first two hex digits (ab/abcdef…), so two uploads
// of the same bytes share a file and a file's name is its own checksum.
#include <string>
#include <string_view>

#include "app/ports/documents.hpp"

namespace assure::documents {

class DiskFiles final : public DocumentFiles {
public:
    // Creates `dir` (and its parents) if missing; throws std::runtime_error if it cannot.
    explicit DiskFiles(std::string dir);
    std::string keep(std::string_view bytes) override;
    [[nodiscard]] std::optional<std::string> path_of(const std::string& sha256) const override;
    [[nodiscard]] const std::string& dir() const { return dir_; }

private:
    std::string dir_;
};

// 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace assure::documents
