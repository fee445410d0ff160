#pragma once
// What a file is, from its bytes, by libmagic (the `file` command's library and database).
#include <mutex>
#include <string>
#include <string_view>

#include "app/ports/documents.hpp"

namespace assure::documents {

class MagicSniffer final : public TypeSniffer {
public:
    // Loads the system's compiled magic database; throws std::runtime_error if it cannot.
    MagicSniffer();
    ~MagicSniffer() override;
    MagicSniffer(const MagicSniffer&) = delete;
    MagicSniffer& operator=(const MagicSniffer&) = delete;
    // "application/pdf"; "" when libmagic fails.
    [[nodiscard]] std::string mime(std::string_view bytes) const override;

private:
    void* cookie_;              // magic_t, kept out of this header
    mutable std::mutex mutex_;  // a magic_t is not safe to use from two threads at once
};

}  // namespace assure::documents
