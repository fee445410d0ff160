#include "documents/magic_sniffer.hpp"

#include <magic.h>

#include <stdexcept>

namespace assure::documents {

MagicSniffer::MagicSniffer() : cookie_(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) {
    if (cookie_ == nullptr) throw std::runtime_error("libmagic: cannot start");
    if (magic_load(static_cast<magic_t>(cookie_), nullptr) != 0) {
        const std::string why = magic_error(static_cast<magic_t>(cookie_));
        magic_close(static_cast<magic_t>(cookie_));
        throw std::runtime_error("libmagic: cannot load its database: " + why);
    }
}

MagicSniffer::~MagicSniffer() { magic_close(static_cast<magic_t>(cookie_)); }

std::string MagicSniffer::mime(std::string_view bytes) const {
    const std::lock_guard lock(mutex_);
    const char* type = magic_buffer(static_cast<magic_t>(cookie_), bytes.data(), bytes.size());
    return type != nullptr ? std::string(type) : std::string();
}

}  // namespace assure::documents
