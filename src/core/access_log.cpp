#include "core/access_log.hpp"

#include <array>

namespace assure {
namespace {

struct KindInfo {
    AccessKind kind;
    std::string_view key;
    std::string_view label;
};

constexpr std::array<KindInfo, 6> kKinds{{
    {AccessKind::list, "list", "List of cases"},
    {AccessKind::record, "record", "Case record"},
    {AccessKind::identities, "identities", "Case record with the children's identifiable details"},
    {AccessKind::recommendations, "recommendations", "Recommendations of a case"},
    {AccessKind::register_list, "register_list", "List of register entries"},
    {AccessKind::register_record, "register_record", "Register entry"},
}};

}  // namespace

const std::vector<AccessKind>& all_access_kinds() {
    static const std::vector<AccessKind> kinds = [] {
        std::vector<AccessKind> out;
        for (const auto& k : kKinds) out.push_back(k.kind);
        return out;
    }();
    return kinds;
}

std::string_view access_kind_key(AccessKind k) {
    for (const auto& info : kKinds) {
        if (info.kind == k) return info.key;
    }
    return "unknown";
}

std::string_view access_kind_label(AccessKind k) {
    for (const auto& info : kKinds) {
        if (info.kind == k) return info.label;
    }
    return "Unknown";
}

std::optional<AccessKind> parse_access_kind(std::string_view key) {
    for (const auto& info : kKinds) {
        if (info.key == key) return info.kind;
    }
    return std::nullopt;
}

}  // namespace assure
