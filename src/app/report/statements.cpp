// Agencies' assurance statements (issue 18 item 3): core decides what may change; the store keeps
// them through the AgencyStatementTransaction side interface; each change and its note are
// audited in one transaction, refused (stale) when another change came first.
#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include "app/actor_agency.hpp"
#include "app/agency_statements.hpp"
#include "app/ports/agency_statements.hpp"

namespace assure {
namespace {

AgencyStatementRepo& statements_of(Transaction& tx) {
    auto* with = dynamic_cast<AgencyStatementTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Agency statements are not kept by this store", {}, "no AgencyStatementTransaction");
    return with->agency_statements();
}

FinancialYear year_of(const Services& s, const std::string& text) { return report_year(text, london_today(s)); }

ReportState report_state_in(Transaction& tx, PartnershipId partnership, FinancialYear year) {
    std::vector<AgencyId> partners;
    for (const auto& a : tx.agencies().list(partnership, false)) {
        if (a.kind == AgencyKind::statutory_partner) partners.push_back(a.id);
    }
    return report_state(partners, tx.report().sign_offs(partnership, year));
}

bool may_write(Transaction& tx, const Actor& actor, AgencyId agency) {
    if (actor.can(Permission::manage_report)) return true;
    const auto own = agency_spoken_for(tx, actor);
    return own && *own == agency;
}

StatementLine line_in(Transaction& tx, const Actor& actor, FinancialYear year, AgencyId agency) {
    const auto a = tx.agencies().find(actor.partnership, agency);
    if (!a) throw Failure::not_found("agency " + agency.str());
    StatementLine line;
    line.agency = *a;
    if (auto found = statements_of(tx).find(actor.partnership, year, agency)) {
        line.statement = std::move(*found);
    } else {
        line.statement.partnership = actor.partnership;
        line.statement.year = year;
        line.statement.agency = agency;
    }
    line.may_write = may_write(tx, actor, agency);
    return line;
}

std::string audit_json(const StatementLine& line, const AgencyStatement& s, const std::string& note = {}) {
    nlohmann::json j{{"year", s.year.key()}, {"agency", line.agency.name}, {"state", statement_state_key(s.state)}, {"text", s.text}};
    if (!note.empty()) j["comment"] = note;
    return j.dump();
}

// Loads the statement for a change by someone allowed (`deciding`: the business unit's decision),
// at the version the person saw; runs `change` on it, stores it with its note and audit row.
AgencyStatement change(Services& s, const Actor& actor, const std::string& year_text, AgencyId agency, int expected_version,
                       bool deciding, const char* action,
                       const std::function<std::optional<StatementNote>(AgencyStatement&, ReportState)>& work) {
    require(actor, Permission::view_report);
    if (deciding) require(actor, Permission::manage_report);
    const FinancialYear year = year_of(s, year_text);
    AgencyStatement out;
    s.store.write([&](Transaction& tx) {
        const StatementLine line = line_in(tx, actor, year, agency);
        if (!line.may_write && !deciding) throw Failure::forbidden("writes no statement for agency " + agency.str());
        if (line.statement.version != expected_version) throw Failure::stale("the statement of agency " + agency.str());
        AgencyStatement after = line.statement;
        const auto note = work(after, report_state_in(tx, actor.partnership, year));
        auto& repo = statements_of(tx);
        if (!repo.save(after, expected_version)) throw Failure::stale("the statement of agency " + agency.str());
        after.version = expected_version + 1;
        if (note) repo.add_note(actor.partnership, year, agency, *note);
        record_audit(tx, actor, s.clock.now(), action, "agency_statement", year.key() + "/" + agency.str(),
                     line.statement.version == 0 ? "" : audit_json(line, line.statement), audit_json(line, after, note ? note->text : ""));
        out = after;
    });
    return out;
}

void throw_if(const FieldErrors& errors) {
    if (!errors.empty()) throw Failure::invalid(errors);
}

}  // namespace

StatementsOfYear list_statements(Services& s, const Actor& actor, const std::string& year_text) {
    require(actor, Permission::view_report);
    StatementsOfYear out;
    out.year = year_of(s, year_text);
    out.may_decide = actor.can(Permission::manage_report);
    s.store.read([&](Transaction& tx) {
        out.report = report_state_in(tx, actor.partnership, out.year);
        const auto saved = statements_of(tx).statements(actor.partnership, out.year);
        const auto own = agency_spoken_for(tx, actor);
        for (const auto& a : tx.agencies().list(actor.partnership, true)) {
            const auto found = std::find_if(saved.begin(), saved.end(), [&](const AgencyStatement& st) { return st.agency == a.id; });
            if (!a.active && found == saved.end()) continue;
            StatementLine line;
            line.agency = a;
            if (found != saved.end()) {
                line.statement = *found;
            } else {
                line.statement.partnership = actor.partnership;
                line.statement.year = out.year;
                line.statement.agency = a.id;
            }
            line.may_write = out.may_decide || (own && *own == a.id);
            out.lines.push_back(std::move(line));
        }
    });
    std::sort(out.lines.begin(), out.lines.end(), [](const StatementLine& a, const StatementLine& b) { return a.agency.name < b.agency.name; });
    return out;
}

StatementView read_statement(Services& s, const Actor& actor, const std::string& year_text, AgencyId agency) {
    require(actor, Permission::view_report);
    StatementView out;
    out.year = year_of(s, year_text);
    out.may_decide = actor.can(Permission::manage_report);
    s.store.read([&](Transaction& tx) {
        out.report = report_state_in(tx, actor.partnership, out.year);
        out.line = line_in(tx, actor, out.year, agency);
        out.notes = statements_of(tx).notes(actor.partnership, out.year, agency);
    });
    return out;
}

AgencyStatement save_statement(Services& s, const Actor& actor, const std::string& year, AgencyId agency, int expected_version,
                               const std::string& text) {
    return change(s, actor, year, agency, expected_version, false, "statement.save",
                  [&](AgencyStatement& st, ReportState report) -> std::optional<StatementNote> {
                      st.text = checked_statement_text(text, st, report);
                      st.state = StatementState::draft;
                      st.updated_by = actor.name();
                      st.updated_at = s.clock.now();
                      return std::nullopt;
                  });
}

AgencyStatement submit_statement(Services& s, const Actor& actor, const std::string& year, AgencyId agency, int expected_version) {
    return change(s, actor, year, agency, expected_version, false, "statement.submit",
                  [&](AgencyStatement& st, ReportState report) -> std::optional<StatementNote> {
                      throw_if(submit_refusals(st, report));
                      st.state = StatementState::submitted;
                      st.submitted_by = actor.name();
                      st.submitted_at = s.clock.now();
                      return StatementNote{0, StatementNoteKind::submitted, "", actor.name(), s.clock.now()};
                  });
}

AgencyStatement return_statement(Services& s, const Actor& actor, const std::string& year, AgencyId agency, int expected_version,
                                 const std::string& comment) {
    return change(s, actor, year, agency, expected_version, true, "statement.return",
                  [&](AgencyStatement& st, ReportState report) -> std::optional<StatementNote> {
                      throw_if(return_refusals(st, comment, report));
                      st.state = StatementState::returned;
                      st.decided_by = actor.name();
                      st.decided_at = s.clock.now();
                      return StatementNote{0, StatementNoteKind::returned, checked_comment(comment), actor.name(), s.clock.now()};
                  });
}

AgencyStatement accept_statement(Services& s, const Actor& actor, const std::string& year, AgencyId agency, int expected_version) {
    return change(s, actor, year, agency, expected_version, true, "statement.accept",
                  [&](AgencyStatement& st, ReportState report) -> std::optional<StatementNote> {
                      throw_if(accept_refusals(st, report));
                      st.state = StatementState::accepted;
                      st.decided_by = actor.name();
                      st.decided_at = s.clock.now();
                      return StatementNote{0, StatementNoteKind::accepted, "", actor.name(), s.clock.now()};
                  });
}

StatementNote comment_on_statement(Services& s, const Actor& actor, const std::string& year_text, AgencyId agency, const std::string& comment) {
    require(actor, Permission::view_report);
    const FinancialYear year = year_of(s, year_text);
    const std::string text = checked_comment(comment);
    StatementNote out{0, StatementNoteKind::comment, text, actor.name(), s.clock.now()};
    s.store.write([&](Transaction& tx) {
        const StatementLine line = line_in(tx, actor, year, agency);
        if (!line.may_write) throw Failure::forbidden("comments on no statement of agency " + agency.str());
        statements_of(tx).add_note(actor.partnership, year, agency, out);
        record_audit(tx, actor, out.at, "statement.comment", "agency_statement", year.key() + "/" + agency.str(), "",
                     nlohmann::json{{"year", year.key()}, {"agency", line.agency.name}, {"comment", text}}.dump());
    });
    return out;
}

std::vector<AcceptedStatement> accepted_statements(Transaction& tx, PartnershipId partnership, FinancialYear year) {
    std::vector<AcceptedStatement> out;
    for (auto& st : statements_of(tx).statements(partnership, year)) {
        if (st.state != StatementState::accepted) continue;
        const auto a = tx.agencies().find(partnership, st.agency);
        out.push_back({a ? a->name : "Agency " + st.agency.str(), std::move(st)});
    }
    std::sort(out.begin(), out.end(), [](const AcceptedStatement& a, const AcceptedStatement& b) { return a.agency < b.agency; });
    return out;
}

}  // namespace assure
