// GET /api/v1/actions: the actions minuted at meetings and the improvement actions raised from
// learning, in one list in due-date order, paged by a cursor over both. The cursor is the last
// item's (due, kind, id): at one due date meeting actions come before improvement actions.
#include <algorithm>
#include <charconv>
#include <cstdint>

#include "web/governance_json.hpp"
#include "web/governance_views.hpp"
#include "web/learning_views.hpp"
#include "web/paging.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

constexpr const char* kMeeting = "meeting";
constexpr const char* kImprovement = "improvement";

struct Key {
    std::string due;
    int kind = 0;  // 0 meeting, 1 improvement
    std::int64_t id = 0;
    auto operator<=>(const Key&) const = default;
};

Key key_of(const J& item) {
    Key k;
    if (const auto due = item.find("due"); due != item.end() && due->is_string()) k.due = due->get<std::string>();
    k.kind = item.value("kind", "") == kImprovement ? 1 : 0;
    if (const auto id = item.find("id"); id != item.end() && id->is_number_integer()) k.id = id->get<std::int64_t>();
    return k;
}

std::string cursor_of(const Key& k) { return encode_cursor({k.due, k.kind == 0 ? kMeeting : kImprovement, std::to_string(k.id)}); }

std::optional<Key> cursor_key(const PageRequest& page) {
    if (page.after.empty()) return std::nullopt;
    const auto parts = cursor_parts(page.after, 3);
    Key k;
    k.due = parts[0];
    const auto [end, ec] = std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), k.id);
    if (!Date::parse(k.due) || (parts[1] != kMeeting && parts[1] != kImprovement) || ec != std::errc{} ||
        end != parts[2].data() + parts[2].size() || k.id < 0) {
        throw Failure::invalid({{"cursor", "The cursor is not one this list gave out: start again from the first page"}});
    }
    k.kind = parts[1] == kMeeting ? 0 : 1;
    return k;
}

J action_json(const ActionLine& l) {
    J out = to_json(l.action);
    out["kind"] = kMeeting;
    out["state"] = out["status"];
    out["owner"] = l.owner_name;
    out["group"] = l.group_name;
    out["overdue"] = l.overdue;
    return out;
}

ActionFilter meeting_filter(const Ctx& ctx) {
    ActionFilter f;
    const std::string status = ctx.query("status");
    if (status == "open") f.open_only = true;
    else if (status == "overdue") f.overdue_only = true;
    else if (!status.empty() && status != "all") throw Failure::invalid({{"status", "status must be open, overdue or all"}});
    if (const std::string owner = ctx.query("owner_id"); !owner.empty()) {
        if (owner.size() > 18 || owner.find_first_not_of("0123456789") != std::string::npos) {
            throw Failure::invalid({{"owner_id", "owner_id must be a person's id"}});
        }
        f.owner = PersonId{std::stoll(owner)};
    }
    return f;
}

}  // namespace

J action_list_body(Services& s, const Ctx& ctx) {
    const ActionFilter f = meeting_filter(ctx);
    // Both kinds of action by default: minuted at meetings, and raised from learning.
    const std::string kind = ctx.query("kind");
    if (!kind.empty() && kind != kMeeting && kind != kImprovement) throw Failure::invalid({{"kind", "kind must be meeting or improvement"}});
    const PageRequest page = page_request(ctx);
    const auto after = cursor_key(page);

    std::vector<J> candidates;
    bool more = false;
    if (kind != kImprovement) {
        // The meeting actions after the cursor, from the store's own keyset (due date, then id).
        PageRequest inner{page.limit, ""};
        if (after) inner.after = encode_cursor({after->due, std::to_string(after->kind == 0 ? after->id : INT64_C(999999999999999999))});
        const auto meeting_page = list_actions(s, ctx.who(), f, inner);
        for (const auto& l : meeting_page.items) candidates.push_back(action_json(l));
        more = meeting_page.next.has_value();
    }
    if (kind != kMeeting && !f.owner) {
        for (auto& item : improvement_items(s, ctx, f.open_only, f.overdue_only)) {
            if (!after || *after < key_of(item)) candidates.push_back(std::move(item));
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const J& a, const J& b) { return key_of(a) < key_of(b); });
    if (candidates.size() > static_cast<std::size_t>(page.limit)) {
        candidates.resize(static_cast<std::size_t>(page.limit));
        more = true;
    }
    std::optional<std::string> next;
    if (more && !candidates.empty()) next = cursor_of(key_of(candidates.back()));
    J items = J::array();
    for (auto& item : candidates) items.push_back(std::move(item));
    return list_body(std::move(items), next);
}

}  // namespace assure::web
