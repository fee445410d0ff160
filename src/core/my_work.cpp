#include "core/my_work.hpp"

#include <array>
#include <tuple>

namespace assure {
namespace {

struct KindInfo {
    OwedKind kind;
    std::string_view key, label;
};

constexpr std::array<KindInfo, 10> kKinds{{
    {OwedKind::meeting_action, "meeting_action", "Meeting action"},
    {OwedKind::improvement_action, "improvement_action", "Improvement action"},
    {OwedKind::audit_return, "audit_return", "Audit return"},
    {OwedKind::dataset_return, "dataset_return", "Dataset return"},
    {OwedKind::booking, "booking", "Training booked"},
    {OwedKind::report_sign_off, "report_sign_off", "Yearly report sign-off"},
    {OwedKind::role_approval, "role_approval", "Role to approve"},
    {OwedKind::escalated_action, "escalated_action", "Action escalated to you"},
    {OwedKind::agency_statement, "agency_statement", "Agency statement"},
    {OwedKind::needs_return, "needs_return", "Training needs return"},
}};

}  // namespace

std::string_view owed_kind_key(OwedKind kind) {
    for (const auto& k : kKinds) {
        if (k.kind == kind) return k.key;
    }
    return "unknown";
}

std::optional<OwedKind> parse_owed_kind(std::string_view key) {
    for (const auto& k : kKinds) {
        if (k.key == key) return k.kind;
    }
    return std::nullopt;
}

std::string_view owed_kind_label(OwedKind kind) {
    for (const auto& k : kKinds) {
        if (k.kind == kind) return k.label;
    }
    return "Unknown";
}

bool owed_overdue(const OwedItem& item, Date today) { return item.due && *item.due < today; }

bool owed_before(const OwedItem& a, const OwedItem& b) {
    const auto key = [](const OwedItem& i) {
        return std::make_tuple(!i.due.has_value(), i.due.value_or(Date{}), owed_kind_key(i.kind), i.id);
    };
    return key(a) < key(b);
}

}  // namespace assure
