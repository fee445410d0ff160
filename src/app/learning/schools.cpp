// The schools register and rounds of school audits (issue 20 item 3): core reads the sheet and
// decides each setting's phase and duty; the store keeps the register through the
// SchoolTransaction side interface; each setting, lead and round is audited in its transaction.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "app/learning/internal.hpp"
#include "app/partnership.hpp"
#include "app/ports/schools.hpp"
#include "app/schools.hpp"
#include "core/text.hpp"

namespace assure {

using namespace learning_detail;

namespace {

SchoolRepo& schools_of(Transaction& tx) {
    auto* with = dynamic_cast<SchoolTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "The schools register is not kept by this store", {}, "no SchoolTransaction");
    return with->schools();
}

std::string school_json(const School& s) {
    return nlohmann::json{{"urn", s.urn},
                          {"name", s.name},
                          {"phase", school_phase_key(s.phase)},
                          {"type", s.establishment_type},
                          {"duty", school_duty_key(s.duty)},
                          {"lead_person_id", s.lead.valid() ? nlohmann::json(s.lead.value) : nlohmann::json()}}
        .dump();
}

// The lead in the directory: the person with that email if there is one (a lead may serve a
// federation of schools), otherwise a new person of the setting.
PersonId lead_of(Services& s, Transaction& tx, const Actor& actor, const School& school) {
    if (school.lead_email.empty()) return PersonId{};
    if (const auto known = tx.people().find_by_email(actor.partnership, school.lead_email)) return known->id;
    Person p;
    p.partnership = actor.partnership;
    p.name = school.lead_name;
    p.job_title = "Designated safeguarding lead";
    p.agency = school.agency;
    p.email = school.lead_email;
    if (char_count(p.name) > kMaxNameLength) throw Failure::invalid({{"file", school.urn + ": the lead's name must be 200 characters or fewer"}});
    p.id = tx.people().insert(p);
    record_audit(tx, actor, s.clock.now(), "person.create", "person", p.id.str(), "", to_json(p).dump());
    return p.id;
}

Agency new_agency_for(const School& school, PartnershipId partnership) {
    Agency a;
    a.partnership = partnership;
    a.name = school.name;
    a.kind = AgencyKind::relevant_agency;
    a.statutory_role = StatutoryRole::none;
    a.sector = school.phase == SchoolPhase::early_years ? "early_years" : "education";
    a.organisation_code = school.urn;
    return a;
}

// Adds `school` to the register, or (when `existing`) brings that setting up to date; answers
// whether anything changed.
bool keep(Services& s, Transaction& tx, const Actor& actor, School school, const std::optional<School>& existing,
          const std::vector<Agency>& agencies) {
    SchoolRepo& repo = schools_of(tx);
    school.partnership = actor.partnership;
    if (existing) {
        school.agency = existing->agency;
        school.lead = school.lead_email.empty() ? existing->lead : lead_of(s, tx, actor, school);  // a sheet without leads keeps them
        bool changed = false;
        if (school.name != existing->name) {
            auto agency = tx.agencies().find(actor.partnership, existing->agency);
            if (!agency) throw Failure::not_found("agency " + existing->agency.str());
            const std::string before = to_json(*agency).dump();
            agency->name = school.name;
            if (!tx.agencies().update(*agency)) throw Failure::stale("agency");
            record_audit(tx, actor, s.clock.now(), "agency.update", "agency", agency->id.str(), before, to_json(*agency).dump());
            changed = true;
        }
        if (school.phase != existing->phase || school.establishment_type != existing->establishment_type || school.duty != existing->duty ||
            school.lead != existing->lead) {
            if (!repo.save(school, existing->version)) throw Failure::stale("school " + school.urn);
            record_audit(tx, actor, s.clock.now(), "school.update", "school", school.agency.str(), school_json(*existing), school_json(school));
            changed = true;
        }
        return changed;
    }
    // An agency already carrying the URN, or of the same name and carrying no code (entered in
    // the directory by hand before the register), becomes the setting, and takes the URN.
    auto carrying = std::find_if(agencies.begin(), agencies.end(), [&](const Agency& a) { return a.organisation_code == school.urn; });
    if (carrying == agencies.end()) {
        carrying = std::find_if(agencies.begin(), agencies.end(),
                                [&](const Agency& a) { return a.organisation_code.empty() && lower(a.name) == lower(school.name); });
    }
    if (carrying != agencies.end()) {
        school.agency = carrying->id;
        if (carrying->organisation_code.empty()) {
            Agency coded = *carrying;
            coded.organisation_code = school.urn;
            if (!tx.agencies().update(coded)) throw Failure::stale("agency");
            record_audit(tx, actor, s.clock.now(), "agency.update", "agency", coded.id.str(), to_json(*carrying).dump(), to_json(coded).dump());
        }
    } else {
        Agency a = new_agency_for(school, actor.partnership);
        a.id = tx.agencies().insert(a);
        record_audit(tx, actor, s.clock.now(), "agency.create", "agency", a.id.str(), "", to_json(a).dump());
        school.agency = a.id;
    }
    school.lead = lead_of(s, tx, actor, school);
    if (!repo.save(school, 0)) throw Failure::invalid({{"urn", "URN " + school.urn + " is in the register already"}});
    record_audit(tx, actor, s.clock.now(), "school.create", "school", school.agency.str(), "", school_json(school));
    return true;
}

// A setting the download says has closed: its agency made inactive, audited, as the directory's
// own "deactivate" does.
void close_agency(Services& s, Transaction& tx, const Actor& actor, AgencyId id) {
    auto agency = tx.agencies().find(actor.partnership, id);
    if (!agency) throw Failure::not_found("agency " + id.str());
    const std::string before = to_json(*agency).dump();
    agency->active = false;
    if (!tx.agencies().update(*agency)) throw Failure::stale("agency");
    record_audit(tx, actor, s.clock.now(), "agency.deactivate", "agency", id.str(), before, to_json(*agency).dump());
}

std::vector<SchoolPhase> phases_from(const std::vector<std::string>& keys, FieldErrors& errors) {
    std::vector<SchoolPhase> out;
    for (const auto& k : keys) {
        const auto p = parse_school_phase_key(trim(k));
        if (!p) {
            errors.push_back({"phases", "Select phases from the list"});
            return {};
        }
        if (std::find(out.begin(), out.end(), *p) == out.end()) out.push_back(*p);
    }
    return out;
}

}  // namespace

SchoolRegister list_schools(Services& s, const Actor& actor) {
    require(actor, Permission::view_learning);
    SchoolRegister r;
    s.store.read([&](Transaction& tx) { r.schools = schools_of(tx).list(actor.partnership); });
    for (const auto phase : all_school_phases()) {
        const auto n = std::count_if(r.schools.begin(), r.schools.end(), [&](const School& x) { return x.active && x.phase == phase; });
        if (n > 0) r.by_phase.emplace_back(phase, static_cast<int>(n));
    }
    r.may_manage = actor.can(Permission::manage_learning) && actor.can(Permission::edit_directory);
    return r;
}

SchoolImport import_schools(Services& s, const Actor& actor, std::string_view csv) {
    require(actor, Permission::manage_learning);
    require(actor, Permission::edit_directory);
    FieldErrors errors;
    const std::vector<School> rows = read_school_sheet(csv, "file", errors);
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    SchoolImport done;
    s.store.write([&](Transaction& tx) {
        std::map<std::string, School> known;
        for (auto& x : schools_of(tx).list(actor.partnership)) known.emplace(x.urn, std::move(x));
        const std::vector<Agency> agencies = tx.agencies().list(actor.partnership, true);
        for (const auto& row : rows) {
            const auto found = known.find(row.urn);
            const std::optional<School> existing = found == known.end() ? std::nullopt : std::optional<School>(found->second);
            if (!row.active) {
                if (existing && existing->active) close_agency(s, tx, actor, existing->agency);
                ++done.closed;
                continue;
            }
            const bool changed = keep(s, tx, actor, row, existing, agencies);
            (existing ? (changed ? done.updated : done.unchanged) : done.added) += 1;
        }
    });
    return done;
}

School add_school(Services& s, const Actor& actor, const SchoolInput& input) {
    require(actor, Permission::manage_learning);
    require(actor, Permission::edit_directory);
    FieldErrors errors;
    auto school = check_school(input, errors);
    if (!school) throw Failure::invalid(std::move(errors));
    s.store.write([&](Transaction& tx) {
        if (const auto there = schools_of(tx).find_by_urn(actor.partnership, school->urn)) {
            throw Failure::invalid({{"urn", "URN " + school->urn + " is in the register already: " + there->name}});
        }
        keep(s, tx, actor, *school, std::nullopt, tx.agencies().list(actor.partnership, true));
        *school = *schools_of(tx).find_by_urn(actor.partnership, school->urn);
    });
    return *school;
}

AuditCycle start_school_round(Services& s, const Actor& actor, const SchoolRoundInput& input) {
    require(actor, Permission::manage_learning);
    FieldErrors errors;
    const auto duty = parse_school_duty(trim(input.duty));
    if (!duty) errors.push_back({"duty", "Select the questions the round asks"});
    const std::vector<SchoolPhase> phases = phases_from(input.phases, errors);
    AuditCycle c;
    s.store.write([&](Transaction& tx) {
        std::vector<std::string> invited;
        if (duty) {
            for (const auto a : schools_to_invite(*duty, phases, schools_of(tx).list(actor.partnership), {})) invited.push_back(a.str());
            if (invited.empty() && errors.empty()) {
                errors.push_back({"phases", "No active setting in the register answers these questions in the phases chosen: import the "
                                            "register, or choose other phases"});
            }
        }
        LearningRules rules = rules_of(tx, actor.partnership).learning;
        if (duty) rules.section_175 = standards_for(*duty, rules);
        const CycleInput cycle_input{"section_175", input.title, input.opens, input.closes, input.scale, invited};
        for (auto& e : validate_cycle(cycle_input, rules, tx.agencies().list(actor.partnership, false), c)) {
            if (e.field != "invited_ids") errors.push_back(std::move(e));
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        c.partnership = actor.partnership;
        c.id = tx.learning().insert_cycle(c);
        schools_of(tx).add_round(actor.partnership, SchoolRound{c.id, *duty, phases});
        record_audit(tx, actor, s.clock.now(), "audit_cycle.create", "audit_cycle", c.id.str(), "", audit_record(c));
    });
    return c;
}

int invite_new_schools(Services& s, const Actor& actor, AuditCycleId id, int expected_version) {
    require(actor, Permission::manage_learning);
    int added = 0;
    s.store.write([&](Transaction& tx) {
        const AuditCycle before = load_cycle(tx, actor, id);
        const auto round = schools_of(tx).round(actor.partnership, id);
        if (!round) throw Failure::not_found("round of school audits " + id.str());
        if (before.version != expected_version) throw Failure::stale("audit cycle");
        if (before.closed || before.closes < london_today(s)) {
            throw Failure::invalid({{"cycle", "The round has closed: open a new round to audit the settings added since"}});
        }
        const auto fresh = schools_to_invite(round->duty, round->phases, schools_of(tx).list(actor.partnership), before.invited);
        if (fresh.empty()) throw Failure::invalid({{"cycle", "Every setting the round asks about is invited already"}});
        AuditCycle after = before;
        after.invited.insert(after.invited.end(), fresh.begin(), fresh.end());
        if (!tx.learning().update_cycle(after)) throw Failure::stale("audit cycle");
        ++after.version;
        record_audit(tx, actor, s.clock.now(), "audit_cycle.invite", "audit_cycle", id.str(), audit_record(before), audit_record(after));
        added = static_cast<int>(fresh.size());
    });
    return added;
}

std::optional<SchoolRoundView> read_school_round(Services& s, const Actor& actor, AuditCycleId id) {
    require(actor, Permission::view_learning);
    std::optional<SchoolRoundView> v;
    s.store.read([&](Transaction& tx) {
        const AuditCycle cycle = load_cycle(tx, actor, id);
        auto round = schools_of(tx).round(actor.partnership, id);
        if (!round) return;
        const std::vector<School> register_ = schools_of(tx).list(actor.partnership);
        v = SchoolRoundView{*round, results_by_phase(cycle, tx.learning().returns_of(actor.partnership, id), register_),
                            static_cast<int>(schools_to_invite(round->duty, round->phases, register_, cycle.invited).size())};
    });
    return v;
}

}  // namespace assure
