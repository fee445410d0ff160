// The case's panel and the declared interests of its members (seed 000): the panel
// recommends whether a member with an interest takes part; an appeal goes to the chair.
#include <algorithm>
#include <charconv>

#include "core/date_words.hpp"
#include "app/reviews.hpp"
#include "app/reviews/internal.hpp"
#include "core/review_panels.hpp"
#include "core/text.hpp"

namespace assure {

using namespace reviews_detail;

namespace {

UserId parse_user(const std::string& raw) {
    std::int64_t v = 0;
    const auto r = std::from_chars(raw.data(), raw.data() + raw.size(), v);
    if (raw.empty() || r.ec != std::errc{} || r.ptr != raw.data() + raw.size()) return UserId{};
    return UserId{v};
}

}  // namespace

std::vector<User> panel_candidates(Services& s, const Actor& actor) {
    require(actor, Permission::manage_reviews);
    std::vector<User> out;
    s.store.read([&](Transaction& tx) {
        for (auto& u : tx.users().list(actor.partnership)) {
            if (may_sit_on_panels(u)) out.push_back(std::move(u));
        }
    });
    return out;
}

namespace {

// With a review group named, the panel is drawn from its current members (issue 20 item 4).
void check_group_member(Services& s, Transaction& tx, const Case& c, const Group& group, UserId uid) {
    const auto members = review_group_members(s, tx, group, c);
    const auto member = std::find_if(members.begin(), members.end(), [&](const PanelCandidate& m) { return m.user == uid; });
    if (member == members.end()) throw Failure::invalid({{"user_id", "Select a member of the " + group.name}});
    if (auto why = why_not_on_panel(*member)) throw Failure::invalid({{"user_id", *why}});
}

}  // namespace

void add_panel_member(Services& s, const Actor& actor, CaseId id, int expected_version, const std::string& user_id) {
    require(actor, Permission::manage_reviews);
    s.store.write([&](Transaction& tx) {
        const Case before = load_for_change(tx, actor, id, expected_version);
        const UserId uid = parse_user(user_id);
        auto user = uid.valid() ? tx.users().find(uid) : std::nullopt;
        if (!user || user->partnership != actor.partnership || !may_sit_on_panels(*user)) {
            throw Failure::invalid({{"user_id", "Select an active user account of this partnership"}});
        }
        if (const auto group = review_group_of(tx, actor.partnership)) check_group_member(s, tx, before, *group, uid);
        if (std::any_of(before.panel.begin(), before.panel.end(), [&](const PanelMember& m) { return m.user == uid; })) {
            throw Failure::invalid({{"user_id", "This person is already on the case's panel"}});
        }
        auto person = tx.people().find(actor.partnership, user->person);
        const std::string name = person ? person->name : user->email;
        // An interest that keeps them from the case keeps them from its panel (issue 20).
        const auto declared = std::find_if(before.conflicts.begin(), before.conflicts.end(), [&](const Conflict& c) { return c.user == uid; });
        if (declared != before.conflicts.end() && declared->excludes()) {
            throw Failure::invalid({{"user_id", name + " declared an interest in this case on " + date_in_words(declared->declared_on) +
                                                    ": decide it before adding them to the panel"}});
        }
        Case after = before;
        after.panel.push_back({uid, name});
        save(s, tx, actor, before, after, "case.panel_add");
    });
}

void declare_conflict(Services& s, const Actor& actor, CaseId id, const std::string& interest) {
    require(actor, Permission::view_reviews);
    s.store.write([&](Transaction& tx) {
        const Case before = load_visible(tx, actor, id);
        const std::string text = trim(interest);
        if (text.empty()) throw Failure::invalid({{"interest", "Describe your involvement in the case"}});
        if (text.size() > 2000) throw Failure::invalid({{"interest", "Description must be 2000 characters or fewer"}});
        if (std::any_of(before.conflicts.begin(), before.conflicts.end(),
                        [&](const Conflict& c) { return c.user == actor.user; })) {
            throw Failure::invalid({{"interest", "You have already declared an interest in this case"}});
        }
        Case after = before;
        after.conflicts.push_back({actor.user, actor.label, london_today(s), text});
        save(s, tx, actor, before, after, "case.conflict_declare");
    });
}

void decide_conflict(Services& s, const Actor& actor, CaseId id, int expected_version, const std::string& user_id,
                     const std::string& panel_view, const std::string& appeal) {
    require(actor, Permission::manage_reviews);
    s.store.write([&](Transaction& tx) {
        const Case before = load_for_change(tx, actor, id, expected_version);
        Case after = before;
        const UserId uid = parse_user(user_id);
        auto it = std::find_if(after.conflicts.begin(), after.conflicts.end(), [&](const Conflict& c) { return c.user == uid; });
        FieldErrors errors;
        if (it == after.conflicts.end()) errors.push_back({"user_id_conflict", "Select the member who declared the interest"});
        const auto view = parse_conflict_view(panel_view);
        if (!view) errors.push_back({"panel", "Select the panel's recommendation"});
        const auto outcome = parse_appeal(appeal.empty() ? "none" : appeal);
        if (!outcome) errors.push_back({"appeal", "Select the outcome of any appeal"});
        if (view == ConflictView::pending && outcome != AppealOutcome::none) {
            errors.push_back({"appeal", "An appeal to the independent chair follows the panel's recommendation"});
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        it->panel = *view;
        it->appeal = *outcome;
        save(s, tx, actor, before, after, "case.conflict_decide");
    });
}

void override_interest(Services& s, const Actor& actor, CaseId id, int expected_version, const std::string& user_id,
                       const std::string& reason) {
    require(actor, Permission::override_interest);
    s.store.write([&](Transaction& tx) {
        const Case before = load_for_change(tx, actor, id, expected_version);
        const UserId uid = parse_user(user_id);
        const auto declarer = uid.valid() ? tx.users().find(uid) : std::nullopt;
        const bool in_unit = declarer && declarer->partnership == actor.partnership && declarer->role == Role::business_unit;
        // Who else in the unit could run the case: active, and with no interest excluding them.
        std::vector<std::string> free_in_unit;
        for (const auto& u : tx.users().list(actor.partnership)) {
            if (!u.active || u.role != Role::business_unit || u.id == uid) continue;
            const bool excluded = std::any_of(before.conflicts.begin(), before.conflicts.end(),
                                              [&](const Conflict& c) { return c.user == u.id && c.excludes(); });
            if (!excluded) free_in_unit.push_back(u.email);
        }
        if (auto errors = check_interest_override(before, uid, in_unit, free_in_unit, reason); !errors.empty()) {
            throw Failure::invalid(std::move(errors));
        }
        Case after = before;
        for (auto& c : after.conflicts) {
            if (c.user == uid) c.override_by_lead = InterestOverride{actor.user, actor.name(), london_today(s), trim(reason)};
        }
        save(s, tx, actor, before, after, "case.interest_override");
    });
}

}  // namespace assure
