// The voice of children and young people and independent scrutiny: record and amend an
// activity of either register (its points in order, a point's action in the partnership's
// action plan), list and read them, and a year's figures by kind. No record names a child and
// none is need-to-know: reads are not logged.
#include "app/registers.hpp"
#include "app/registers/internal.hpp"
#include "core/fields.hpp"

namespace assure {

using namespace registers_detail;

namespace {

constexpr const char* kType = "activity";

std::string register_name(Strand strand) { return strand == Strand::voice ? "voice activity" : "scrutiny activity"; }

Activity activity_from(const ActivityInput& in, Date today, Activity a) {
    FieldErrors e;
    if (auto k = enum_field(e, "kind", in.kind, parse_activity_kind, "Select the kind of activity", true)) a.kind = *k;
    a.title = trim(in.title);
    a.led_by = trim(in.led_by);
    if (auto d = date_field(e, "held_on", in.held_on, "the date it was held", true)) a.held_on = *d;
    const std::string children = trim(in.children_heard);
    a.children_heard = 0;
    if (!children.empty()) {
        const auto n = to_int(children);
        if (!n || *n < 0 || *n > 1'000'000) e.push_back({"children_heard", "Enter the number of children and young people heard as a whole number, like 1808"});
        else a.children_heard = static_cast<int>(*n);
    }
    a.how_heard = trim(in.how_heard);
    a.summary = trim(in.summary);
    a.points.clear();
    std::vector<std::size_t> slots;  // the form's slot (from 1) of each point kept
    for (std::size_t i = 0; i < in.points.size(); ++i) {
        const auto& raw = in.points[i];
        const std::string n = std::to_string(i + 1);
        ActivityPoint p{trim(raw.point), trim(raw.response), std::nullopt, std::nullopt};
        const std::string action = trim(raw.action);
        const std::string responded = trim(raw.responded_on);
        if (!raw.sent && p.point.empty() && p.response.empty() && action.empty() && responded.empty()) continue;  // a form's unused slot
        if (!action.empty()) {
            const auto id = to_int(action);
            if (!id || *id <= 0) e.push_back({"action" + n, "Enter the number of an action in the action plan, like 12"});
            else p.action = ImprovementId{*id};
        }
        p.responded_on = date_field(e, "responded_on" + n, responded, "the date the response was given", false);
        a.points.push_back(std::move(p));
        slots.push_back(i + 1);
    }
    if (!e.empty()) throw Failure::invalid(std::move(e));
    e = validate_activity(a, today);
    // Core names a point by its place among those kept; the form's errors name the slot typed in.
    for (auto& error : e) {
        for (const std::string prefix : {"point", "responded_on", "response"}) {
            if (error.field.rfind(prefix, 0) != 0 || error.field.size() == prefix.size()) continue;
            const auto k = to_int(std::string_view(error.field).substr(prefix.size()));
            if (k && *k >= 1 && static_cast<std::size_t>(*k) <= slots.size()) {
                error.field = prefix + std::to_string(slots[static_cast<std::size_t>(*k) - 1]);
            }
        }
    }
    if (!e.empty()) throw Failure::invalid(std::move(e));
    return a;
}

// Every linked action must be the partnership's: asked in the write transaction.
void check_actions(Transaction& tx, const Activity& a) {
    FieldErrors e;
    for (std::size_t i = 0; i < a.points.size(); ++i) {
        const auto& action = a.points[i].action;
        if (action && !tx.learning().find_improvement(a.partnership, *action)) {
            e.push_back({"action" + std::to_string(i + 1), "There is no action " + action->str() + " in the partnership's action plan"});
        }
    }
    if (!e.empty()) throw Failure::invalid(std::move(e));
}

Activity load(Transaction& tx, const Actor& actor, Strand strand, ActivityId id) {
    auto a = tx.registers().find_activity(actor.partnership, strand, id);
    if (!a) throw Failure::not_found(register_name(strand) + " " + id.str());
    return *a;
}

}  // namespace

Activity record_activity(Services& s, const Actor& actor, Strand strand, const ActivityInput& input) {
    require(actor, Permission::manage_registers);
    Activity a;
    a.partnership = actor.partnership;
    a.strand = strand;
    a.created_at = s.clock.now();
    a = activity_from(input, london_today(s), a);
    s.store.write([&](Transaction& tx) {
        check_actions(tx, a);
        a.id = tx.registers().insert_activity(a);
        record_audit(tx, actor, a.created_at, "activity.create", kType, a.id.str(), "", activity_audit_json(a));
    });
    return a;
}

Activity update_activity(Services& s, const Actor& actor, Strand strand, ActivityId id, int expected_version, const ActivityInput& input) {
    require(actor, Permission::manage_registers);
    Activity after;
    s.store.write([&](Transaction& tx) {
        const Activity before = load(tx, actor, strand, id);
        if (before.version != expected_version) throw Failure::stale(register_name(strand));
        after = activity_from(input, london_today(s), before);
        check_actions(tx, after);
        if (!tx.registers().update_activity(after)) throw Failure::stale(register_name(strand));
        after.version = before.version + 1;
        record_audit(tx, actor, s.clock.now(), "activity.update", kType, id.str(), activity_audit_json(before), activity_audit_json(after));
    });
    return after;
}

Page<Activity> list_activities(Services& s, const Actor& actor, Strand strand, const RegisterFilter& filter, const PageRequest& page) {
    require(actor, Permission::view_voice);
    FieldErrors e;
    ActivityQuery q;
    q.partnership = actor.partnership;
    q.strand = strand;
    q.year = optional_year(e, filter.year);
    q.kind = enum_field(e, "kind", filter.kind, parse_activity_kind, "Select a kind of activity from the list", false);
    if (q.kind && !kind_in(*q.kind, strand)) e.push_back({"kind", "Select a kind of activity from the list"});
    const std::string awaiting = trim(filter.awaiting);
    if (!awaiting.empty() && awaiting != "yes") e.push_back({"awaiting", "Leave empty or choose yes"});
    q.awaiting = awaiting == "yes";
    q.text = trim(filter.text);
    q.page = page;
    if (!e.empty()) throw Failure::invalid(std::move(e));
    Page<Activity> out;
    s.store.read([&](Transaction& tx) { out = tx.registers().activities(q); });
    return out;
}

ActivityShown read_activity(Services& s, const Actor& actor, Strand strand, ActivityId id) {
    require(actor, Permission::view_voice);
    ActivityShown out;
    s.store.read([&](Transaction& tx) {
        out.activity = load(tx, actor, strand, id);
        // At most eight linked actions, one look-up each, on a record page only.
        for (const auto& p : out.activity.points) {
            if (!p.action || out.actions.count(*p.action)) continue;
            if (auto a = tx.learning().find_improvement(actor.partnership, *p.action)) out.actions[a->id] = a->text;
        }
    });
    return out;
}

ActivityFigures activity_year_figures(Services& s, const Actor& actor, Strand strand, FinancialYear year) {
    require(actor, Permission::view_voice);
    std::map<ActivityKind, KindCount> counts;
    s.store.read([&](Transaction& tx) { counts = tx.registers().count_activities(actor.partnership, strand, year); });
    return activity_figures(year, strand, counts);
}

}  // namespace assure
