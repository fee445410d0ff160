// A review's multi-agency chronology (issue 18 item 2): core checks, merges and anonymises; the
// store keeps the rows through the ChronologyTransaction side interface; need-to-know is the
// case's own (load_visible), and every reading is logged as the case's are.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/chronology.hpp"
#include "app/ports/chronology.hpp"
#include "app/reviews/internal.hpp"
#include "core/text.hpp"

namespace assure {

using namespace reviews_detail;

std::string ChronologyView::agency_name(AgencyId id) const {
    for (const auto& [agency, name] : agencies) {
        if (agency == id) return name;
    }
    return "Agency " + id.str();
}

namespace {

ChronologyRepo& chronology_of(Transaction& tx) {
    auto* with = dynamic_cast<ChronologyTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Chronologies are not kept by this store", {}, "no ChronologyTransaction");
    return with->chronology();
}

std::vector<std::pair<AgencyId, std::string>> agencies_of(Transaction& tx, const Case& c) {
    std::vector<std::pair<AgencyId, std::string>> out;
    for (const AgencyId id : c.agencies) {
        if (const auto a = tx.agencies().find(c.partnership, id)) out.emplace_back(id, a->name);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return out;
}

bool on_panel(const Case& c, UserId user) {
    return std::any_of(c.panel.begin(), c.panel.end(), [&](const PanelMember& m) { return m.user == user; });
}

// The case's agencies the person may add rows for: all of them for the business unit (who
// receives chronologies by email too); a panel member's own agency, if it is involved.
std::vector<std::pair<AgencyId, std::string>> writable_for(Transaction& tx, const Actor& actor, const Case& c,
                                                           const std::vector<std::pair<AgencyId, std::string>>& agencies) {
    if (actor.can(Permission::manage_reviews)) return agencies;
    if (!on_panel(c, actor.user)) return {};
    const auto user = tx.users().find(actor.user);
    if (!user) return {};
    const auto person = tx.people().find(actor.partnership, user->person);
    if (!person || !person->agency.valid()) return {};
    std::vector<std::pair<AgencyId, std::string>> out;
    for (const auto& a : agencies) {
        if (a.first == person->agency) out.push_back(a);
    }
    return out;
}

AgencyId writable_agency(Transaction& tx, const Actor& actor, const Case& c, const std::string& agency_id) {
    const auto agencies = agencies_of(tx, c);
    const auto writable = writable_for(tx, actor, c, agencies);
    if (writable.empty()) throw Failure::forbidden("adds no chronology rows to case " + c.id.str());
    for (const auto& [id, name] : writable) {
        if (id.str() == trim(agency_id)) return id;
    }
    throw Failure::invalid({{"agency_id", writable.size() == 1 ? "Select " + writable.front().second
                                                               : "Select the agency whose chronology this is, one of those involved in the case"}});
}

// The agency a row is added for, or its field error added to `errors` (every error of the form
// is named at once); forbidden when the person may add rows for no agency of the case.
std::optional<AgencyId> agency_for(Transaction& tx, const Actor& actor, const Case& c, const std::string& agency_id, FieldErrors& errors) {
    try {
        return writable_agency(tx, actor, c, agency_id);
    } catch (const Failure& f) {
        if (f.code() != FailureCode::invalid) throw;
        errors.insert(errors.end(), f.fields().begin(), f.fields().end());
        return std::nullopt;
    }
}

// The names the anonymised view replaces: those the business unit listed, and each child's
// name (when the case holds it and this server can open it) by the child's pseudonym.
std::vector<ChronologyAlias> replacements(const Services& s, Case c, std::vector<ChronologyAlias> listed) {
    if (!c.sealed_identities.empty() && s.sealer != nullptr) {
        try {
            open_identities(s, c);
        } catch (const Failure&) {
            return listed;  // sealed with another key: the listed names still apply
        }
        for (const auto& child : c.children) {
            if (!trim(child.name).empty()) listed.push_back({0, trim(child.name), child.pseudonym});
        }
    }
    return listed;
}

nlohmann::json entry_json(const ChronologyEntry& e, const std::string& reference, const std::string& agency) {
    return {{"case", reference}, {"agency", agency},     {"date", e.on.iso()},         {"time", clock_time(e.minute)},
            {"event", e.event},  {"source", e.source},   {"analysis", e.analysis}};
}

Case visible_case(Transaction& tx, const Actor& actor, CaseId id) { return load_visible(tx, actor, id); }

}  // namespace

ChronologyView read_chronology(Services& s, const Actor& actor, CaseId id, bool named, int gap_days) {
    require(actor, Permission::view_reviews);
    ChronologyView v;
    v.case_id = id;
    v.gap_days = std::clamp(gap_days, 1, 3650);
    s.store.read([&](Transaction& tx) {
        const Case c = visible_case(tx, actor, id);
        v.reference = c.reference;
        v.may_see_named = may_see_identities(c, replay(c), actor.user, actor.role);
        if (named && !v.may_see_named) throw Failure::forbidden("may not read case " + id.str() + "'s chronology with names");
        v.named = named;
        v.may_manage = actor.can(Permission::manage_reviews) && v.may_see_named;
        v.agencies = agencies_of(tx, c);
        v.writable = writable_for(tx, actor, c, v.agencies);
        auto& repo = chronology_of(tx);
        v.timeline = repo.entries(actor.partnership, id);
        // The children's names are opened once, for the anonymising and for the list alike.
        const auto names = replacements(s, c, repo.aliases(actor.partnership, id));
        if (!named) {
            for (auto& e : v.timeline) {
                e.event = anonymise(e.event, names);
                e.source = anonymise(e.source, names);
                e.analysis = anonymise(e.analysis, names);
                e.added_by = "";  // who typed it is a name too; the agency column says whose row it is
            }
        }
        if (v.may_see_named) v.aliases = names;
    });
    sort_timeline(v.timeline, v.agencies);
    v.gaps = timeline_gaps(v.timeline, v.gap_days);
    v.overlaps = timeline_overlaps(v.timeline);
    log_access(s, actor, named ? AccessKind::identities : AccessKind::record, "review_chronology", {id.str()});
    return v;
}

ChronologyForm chronology_form(Services& s, const Actor& actor, CaseId id) {
    require(actor, Permission::view_reviews);
    ChronologyForm out;
    s.store.read([&](Transaction& tx) {
        const Case c = visible_case(tx, actor, id);
        out.reference = c.reference;
        out.writable = writable_for(tx, actor, c, agencies_of(tx, c));
    });
    if (out.writable.empty()) throw Failure::forbidden("adds no chronology rows to case " + id.str());
    return out;
}

AddedChronologyEntry add_chronology_entry(Services& s, const Actor& actor, CaseId id, const std::string& agency_id,
                                          const ChronologyRowInput& in) {
    require(actor, Permission::view_reviews);
    AddedChronologyEntry out;
    s.store.write([&](Transaction& tx) {
        const Case c = visible_case(tx, actor, id);
        FieldErrors errors;
        const auto agency = agency_for(tx, actor, c, agency_id, errors);
        auto entry = check_chronology_row(in, london_today(s), errors);
        if (!errors.empty()) throw Failure::invalid(errors);
        entry->partnership = actor.partnership;
        entry->case_id = id;
        entry->agency = *agency;
        entry->added_by = actor.name();
        entry->added_at = s.clock.now();
        entry->id = chronology_of(tx).insert_entry(*entry);
        out.entry = *entry;
        if (const auto a = tx.agencies().find(actor.partnership, *agency)) out.agency = a->name;
        record_audit(tx, actor, s.clock.now(), "chronology.add", "review_chronology", std::to_string(entry->id), "",
                     entry_json(out.entry, c.reference, out.agency).dump());
    });
    return out;
}

void remove_chronology_entry(Services& s, const Actor& actor, CaseId id, std::int64_t entry) {
    require(actor, Permission::view_reviews);
    s.store.write([&](Transaction& tx) {
        const Case c = visible_case(tx, actor, id);
        auto& repo = chronology_of(tx);
        const auto e = repo.find_entry(actor.partnership, id, entry);
        if (!e) throw Failure::not_found("chronology entry " + std::to_string(entry));
        const auto writable = writable_for(tx, actor, c, agencies_of(tx, c));
        const auto may = std::find_if(writable.begin(), writable.end(), [&](const auto& a) { return a.first == e->agency; });
        if (may == writable.end()) throw Failure::forbidden("may not remove another agency's chronology row");
        if (!repo.remove_entry(actor.partnership, id, entry)) throw Failure::stale("chronology entry " + std::to_string(entry));
        record_audit(tx, actor, s.clock.now(), "chronology.remove", "review_chronology", std::to_string(entry),
                     entry_json(*e, c.reference, may->second).dump(), "");
    });
}

ChronologyUpload upload_chronology(Services& s, const Actor& actor, CaseId id, const std::string& agency_id, std::string_view csv) {
    require(actor, Permission::view_reviews);
    ChronologyUpload out;
    s.store.write([&](Transaction& tx) {
        const Case c = visible_case(tx, actor, id);
        FieldErrors errors;
        const auto agency = agency_for(tx, actor, c, agency_id, errors);
        auto rows = read_chronology_sheet(csv, london_today(s), "file", errors);
        if (!errors.empty()) throw Failure::invalid(errors);
        if (const auto a = tx.agencies().find(actor.partnership, *agency)) out.agency = a->name;
        auto& repo = chronology_of(tx);
        nlohmann::json before = nlohmann::json::array(), after = nlohmann::json::array();
        for (const auto& e : repo.entries(actor.partnership, id)) {
            if (e.agency == *agency) before.push_back(entry_json(e, c.reference, out.agency));
        }
        out.replaced = repo.remove_agency_entries(actor.partnership, id, *agency);
        const Instant now = s.clock.now();
        for (auto& e : rows) {
            e.partnership = actor.partnership;
            e.case_id = id;
            e.agency = *agency;
            e.added_by = actor.name();
            e.added_at = now;
            e.id = repo.insert_entry(e);
            after.push_back(entry_json(e, c.reference, out.agency));
        }
        out.added = static_cast<int>(rows.size());
        record_audit(tx, actor, now, "chronology.upload", "review_case", id.str(),
                     nlohmann::json{{"agency", out.agency}, {"rows", before}}.dump(),
                     nlohmann::json{{"agency", out.agency}, {"rows", after}}.dump());
    });
    return out;
}

ChronologyAlias add_chronology_alias(Services& s, const Actor& actor, CaseId id, const ChronologyAlias& alias) {
    require(actor, Permission::manage_reviews);
    ChronologyAlias out{0, trim(alias.name), trim(alias.stands_for)};
    s.store.write([&](Transaction& tx) {
        const Case c = visible_case(tx, actor, id);
        if (!may_see_identities(c, replay(c), actor.user, actor.role)) throw Failure::forbidden("may not see case " + id.str() + "'s names");
        auto& repo = chronology_of(tx);
        const FieldErrors errors = check_alias(out, replacements(s, c, repo.aliases(actor.partnership, id)));
        if (!errors.empty()) throw Failure::invalid(errors);
        out.id = repo.insert_alias(actor.partnership, id, out);
        record_audit(tx, actor, s.clock.now(), "chronology.alias_add", "review_case", id.str(), "",
                     nlohmann::json{{"name", out.name}, {"stands_for", out.stands_for}}.dump());
    });
    return out;
}

void remove_chronology_alias(Services& s, const Actor& actor, CaseId id, std::int64_t alias) {
    require(actor, Permission::manage_reviews);
    s.store.write([&](Transaction& tx) {
        const Case c = visible_case(tx, actor, id);
        if (!may_see_identities(c, replay(c), actor.user, actor.role)) throw Failure::forbidden("may not see case " + id.str() + "'s names");
        auto& repo = chronology_of(tx);
        const auto listed = repo.aliases(actor.partnership, id);
        const auto found = std::find_if(listed.begin(), listed.end(), [&](const ChronologyAlias& a) { return a.id == alias; });
        if (found == listed.end() || !repo.remove_alias(actor.partnership, id, alias)) throw Failure::not_found("chronology name " + std::to_string(alias));
        record_audit(tx, actor, s.clock.now(), "chronology.alias_remove", "review_case", id.str(),
                     nlohmann::json{{"name", found->name}, {"stands_for", found->stands_for}}.dump(), "");
    });
}

}  // namespace assure
