// Child deaths (the panel's summary): record, amend, list and read (need-to-know, every read
// logged), and a year's figures by sex, age band and category.
#include <algorithm>

#include "app/registers.hpp"
#include "app/registers/internal.hpp"
#include "core/fields.hpp"

namespace assure {

using namespace registers_detail;

namespace {

constexpr const char* kType = "child_death";

std::optional<bool> yes_no(FieldErrors& e, const std::string& field, const std::string& raw, const std::string& message, bool required) {
    const std::string t = trim(raw);
    if (t == "yes" || t == "true") return true;
    if (t == "no" || t == "false") return false;
    if (!t.empty() || required) e.push_back({field, message});
    return std::nullopt;
}

ChildDeath death_from(const ChildDeathInput& in, Date today, ChildDeath d) {
    FieldErrors e;
    d.reference = trim(in.reference);
    if (auto v = date_field(e, "died_on", in.died_on, "the date of death", true)) d.died_on = *v;
    if (auto v = enum_field(e, "sex", in.sex, parse_sex, "Select the child's sex", true)) d.sex = *v;
    if (auto v = enum_field(e, "age_band", in.age_band, parse_age_band, "Select the child's age at death", true)) d.age_band = *v;
    if (auto v = yes_no(e, "expected", in.expected, "Select whether the death was expected", true)) d.expected = *v;
    if (auto v = enum_field(e, "status", in.status, parse_review_status, "Select whether the review is complete", true)) d.status = *v;
    d.category = enum_field(e, "category", in.category, parse_death_category, "Select one of the ten categories of death", false);
    d.modifiable = yes_no(e, "modifiable", in.modifiable, "Select whether modifiable factors were found", false);
    d.reviewed_on = date_field(e, "reviewed_on", in.reviewed_on, "the date the review was completed", false);
    if (e.empty()) e = validate_child_death(d, today);
    if (!e.empty()) throw Failure::invalid(std::move(e));
    return d;
}

ChildDeath load(Transaction& tx, const Actor& actor, ChildDeathId id) {
    auto d = tx.registers().find_child_death(actor.partnership, id);
    if (!d) throw Failure::not_found("child death " + id.str());
    return *d;
}

// The reference is unique in the partnership (and the table says so too); asked inside the
// write transaction, so no other writer can take it between the check and the write.
void check_reference(Transaction& tx, const ChildDeath& d) {
    if (tx.registers().child_death_reference_taken(d.partnership, d.reference, d.id)) {
        throw Failure::invalid({{"reference", "A death with this reference is already recorded: check the reference"}});
    }
}

}  // namespace

ChildDeath record_child_death(Services& s, const Actor& actor, const ChildDeathInput& input) {
    require(actor, Permission::manage_registers);
    ChildDeath d;
    d.partnership = actor.partnership;
    d.created_at = s.clock.now();
    d = death_from(input, london_today(s), d);
    s.store.write([&](Transaction& tx) {
        check_reference(tx, d);
        d.id = tx.registers().insert_child_death(d);
        record_audit(tx, actor, d.created_at, "child_death.create", kType, d.id.str(), "", child_death_audit_json(d));
    });
    return d;
}

ChildDeath update_child_death(Services& s, const Actor& actor, ChildDeathId id, int expected_version, const ChildDeathInput& input) {
    require(actor, Permission::manage_registers);
    ChildDeath after;
    s.store.write([&](Transaction& tx) {
        const ChildDeath before = load(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("record");
        after = death_from(input, london_today(s), before);
        check_reference(tx, after);
        if (!tx.registers().update_child_death(after)) throw Failure::stale("record");
        after.version = before.version + 1;
        record_audit(tx, actor, s.clock.now(), "child_death.update", kType, id.str(), child_death_audit_json(before),
                     child_death_audit_json(after));
    });
    return after;
}

Page<ChildDeath> list_child_deaths(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page) {
    require(actor, Permission::view_registers);
    FieldErrors e;
    ChildDeathQuery q;
    q.partnership = actor.partnership;
    q.year = optional_year(e, filter.year);
    q.status = enum_field(e, "status", filter.status, parse_review_status, "Select a review status from the list", false);
    q.category = enum_field(e, "category", filter.category, parse_death_category, "Select a category from the list", false);
    q.sex = enum_field(e, "sex", filter.sex, parse_sex, "Select a sex from the list", false);
    q.text = trim(filter.text);
    q.page = page;
    if (!e.empty()) throw Failure::invalid(std::move(e));
    Page<ChildDeath> out;
    s.store.read([&](Transaction& tx) { out = tx.registers().child_deaths(q); });
    if (!out.items.empty()) log_access(s, actor, AccessKind::register_list, kType, ids_of(out.items));
    return out;
}

ChildDeath read_child_death(Services& s, const Actor& actor, ChildDeathId id) {
    require(actor, Permission::view_registers);
    ChildDeath d;
    s.store.read([&](Transaction& tx) { d = load(tx, actor, id); });
    log_access(s, actor, AccessKind::register_record, kType, {id.str()});
    return d;
}

ChildDeathFigures child_death_year_figures(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_registers);
    ChildDeathCounts counts;
    s.store.read([&](Transaction& tx) { counts = tx.registers().count_child_deaths(actor.partnership, year); });
    return child_death_figures(year, counts);
}

// ---- the panel shared by several partnerships --------------------------------------------------

namespace {

DeathPanelShown shown_panel(Transaction& tx, const DeathPanel& p) {
    DeathPanelShown out{p, {}};
    for (const auto member : p.members) {
        const auto partnership = tx.partnerships().find(member);
        out.members.emplace_back(member, partnership ? partnership->name : "Partnership " + member.str());
    }
    return out;
}

}  // namespace

std::optional<DeathPanelShown> read_death_panel(Services& s, const Actor& actor) {
    if (!actor.can(Permission::view_registers)) require(actor, Permission::manage_partnerships);
    std::optional<DeathPanelShown> out;
    s.store.read([&](Transaction& tx) {
        if (auto p = tx.registers().death_panel_of(actor.partnership)) out = shown_panel(tx, *p);
    });
    return out;
}

std::optional<PanelFigures> panel_death_figures(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_registers);
    std::optional<PanelFigures> out;
    s.store.read([&](Transaction& tx) {
        const auto p = tx.registers().death_panel_of(actor.partnership);
        if (!p) return;
        // Counts only: no other partnership's record is read or shown, so nothing is logged.
        out = PanelFigures{shown_panel(tx, *p), child_death_figures(year, tx.registers().count_panel_deaths(p->id, year))};
    });
    return out;
}

DeathPanelShown set_death_panel(Services& s, const Actor& actor, const std::string& name, const std::vector<std::string>& partnerships) {
    require(actor, Permission::manage_partnerships);
    FieldErrors e;
    DeathPanel panel;
    panel.name = trim(name);
    panel.created_at = s.clock.now();
    for (const auto& raw : partnerships) {
        const auto id = to_int(trim(raw));
        if (!id || *id <= 0) {
            e.push_back({"partnerships", "Select the partnerships from the list"});
            break;
        }
        panel.members.push_back(PartnershipId{*id});
    }
    std::sort(panel.members.begin(), panel.members.end());
    if (e.empty()) e = validate_death_panel(panel);
    if (!e.empty()) throw Failure::invalid(std::move(e));
    DeathPanelShown out;
    s.store.write([&](Transaction& tx) {
        for (const auto member : panel.members) {
            if (!tx.partnerships().find(member)) throw Failure::invalid(FieldErrors{FieldError{"partnerships", "Select partnerships of this server"}});
        }
        const auto before = tx.registers().find_death_panel(panel.name);
        if (before) {
            panel.id = before->id;
            panel.created_at = before->created_at;
        }
        panel.id = tx.registers().put_death_panel(panel);
        record_audit(tx, actor, s.clock.now(), before ? "death_panel.update" : "death_panel.create", "death_panel", panel.id.str(),
                     before ? death_panel_audit_json(*before) : "", death_panel_audit_json(panel));
        out = shown_panel(tx, panel);
    });
    return out;
}

}  // namespace assure
