// The yearly report's changes: a section written, a statutory partner's sign-off, a dispatch.
// Each checks core's rules inside the write transaction (so two partners signing at once, or a
// section changed while a partner signs, cannot both pass on a stale view) and writes its audit
// row there.
#include <nlohmann/json.hpp>

#include "app/governance.hpp"
#include "app/report.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

using nlohmann::json;

struct Standing {
    std::vector<SectionText> sections;
    std::vector<SignOff> sign_offs;
    std::vector<AgencyId> partners;
    ReportState state = ReportState::draft;
};

Standing standing_of(Transaction& tx, PartnershipId partnership, FinancialYear year) {
    Standing out;
    out.sections = all_sections(tx.report().sections(partnership, year));
    out.sign_offs = tx.report().sign_offs(partnership, year);
    for (const auto& a : tx.agencies().list(partnership, false)) {
        if (a.kind == AgencyKind::statutory_partner) out.partners.push_back(a.id);
    }
    out.state = report_state(out.partners, out.sign_offs);
    return out;
}

std::string entity(FinancialYear year) { return year.key(); }

}  // namespace

SectionText save_report_section(Services& s, const Actor& actor, const std::string& year_text, const std::string& section_key,
                                int expected_version, const std::string& typed) {
    require(actor, Permission::manage_report);
    const FinancialYear year = report_year(year_text, london_today(s));
    const auto section = parse_report_section(trim(section_key));
    if (!section) throw Failure::not_found("report section " + section_key);
    SectionText after;
    s.store.write([&](Transaction& tx) {
        const Standing st = standing_of(tx, actor.partnership, year);
        const SectionText before = st.sections[static_cast<std::size_t>(*section)];
        if (before.version != expected_version) throw Failure::stale("report section");
        after.section = *section;
        after.text = checked_section_text(typed, st.state);
        after.updated_at = s.clock.now();
        after.updated_by = actor.name();
        if (!tx.report().put_section(actor.partnership, year, after, expected_version)) throw Failure::stale("report section");
        after.version = expected_version + 1;
        json audit_after = json::parse(report_section_audit_json(year, after));
        // The partners signed the words before this change: their sign-offs no longer stand.
        if (after.text != before.text && !st.sign_offs.empty()) {
            audit_after["sign_offs_withdrawn"] = tx.report().clear_sign_offs(actor.partnership, year);
        }
        record_audit(tx, actor, after.updated_at, "report.section", "report", entity(year),
                     before.version == 0 ? std::string() : report_section_audit_json(year, before), audit_after.dump());
    });
    return after;
}

SignOff sign_off_report(Services& s, const Actor& actor, const std::string& year_text) {
    require(actor, Permission::sign_off_report);
    const FinancialYear year = report_year(year_text, london_today(s));
    const auto person = person_of(s, actor);
    SignOff out;
    s.store.write([&](Transaction& tx) {
        std::optional<Agency> agency;
        if (person) {
            if (auto p = tx.people().find(actor.partnership, *person); p && p->agency.valid()) {
                agency = tx.agencies().find(actor.partnership, p->agency);
            }
        }
        const Standing st = standing_of(tx, actor.partnership, year);
        const bool statutory = agency && agency->active && agency->kind == AgencyKind::statutory_partner;
        FieldErrors refusals = sign_off_refusals(st.sections, agency ? agency->id : AgencyId{}, statutory, st.sign_offs);
        if (!refusals.empty()) throw Failure::invalid(std::move(refusals));
        out = SignOff{agency->id, agency->name, actor.name(), s.clock.now()};
        tx.report().insert_sign_off(actor.partnership, year, out);
        auto signs = st.sign_offs;
        signs.push_back(out);
        record_audit(tx, actor, out.signed_at, "report.sign_off", "report", entity(year), "",
                     report_sign_off_audit_json(year, out, report_state(st.partners, signs)));
    });
    return out;
}

Dispatch record_report_dispatch(Services& s, const Actor& actor, const std::string& year_text, const std::string& recipient,
                                const std::string& sent_on) {
    require(actor, Permission::manage_report);
    const Date today = london_today(s);
    const FinancialYear year = report_year(year_text, today);
    FieldErrors errors;
    Dispatch d;
    if (auto r = parse_report_recipient(trim(recipient))) d.recipient = *r;
    else errors.push_back({"recipient", "Select where the report was sent"});
    if (auto on = Date::parse(trim(sent_on))) d.sent_on = *on;
    else errors.push_back({"sent_on", "Enter the date the report was sent, for example 30 9 2017"});
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    d.recorded_by = actor.name();
    d.recorded_at = s.clock.now();
    s.store.write([&](Transaction& tx) {
        check_dispatch(d, standing_of(tx, actor.partnership, year).state, today);
        tx.report().insert_dispatch(actor.partnership, year, d);
        record_audit(tx, actor, d.recorded_at, "report.dispatch", "report", entity(year), "", report_dispatch_audit_json(year, d));
    });
    return d;
}

std::string report_section_audit_json(FinancialYear year, const SectionText& t) {
    return json{{"year", year.key()}, {"section", std::string(report_section_key(t.section))}, {"text", t.text}, {"version", t.version}}.dump();
}

std::string report_sign_off_audit_json(FinancialYear year, const SignOff& s, ReportState state) {
    return json{{"year", year.key()}, {"agency_id", s.agency.value}, {"agency", s.agency_name}, {"signed_by", s.signed_by},
                {"report_state", std::string(report_state_key(state))}}
        .dump();
}

std::string report_dispatch_audit_json(FinancialYear year, const Dispatch& d) {
    return json{{"year", year.key()}, {"recipient", std::string(report_recipient_key(d.recipient))}, {"sent_on", d.sent_on.iso()}}.dump();
}

}  // namespace assure
