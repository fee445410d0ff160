#include "store/sql/case_audits.hpp"

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

using J = nlohmann::json;

std::string answers_json(const std::vector<CaseAnswer>& answers) {
    J out = J::array();
    for (const auto& a : answers) out.push_back({{"code", a.code}, {"grade", a.grade}, {"comment", a.comment}});
    return out.dump();
}

std::vector<CaseAnswer> answers_from(const std::string& text) {
    std::vector<CaseAnswer> out;
    for (const auto& a : J::parse(text)) out.push_back({a.at("code"), a.at("grade"), a.at("comment")});
    return out;
}

std::string agencies_text(const std::vector<AgencyId>& agencies) {
    std::string out;
    for (const auto a : agencies) out += (out.empty() ? "" : ",") + a.str();
    return out;
}

std::vector<AgencyId> agencies_from(const std::string& text) {
    std::vector<AgencyId> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t comma = std::min(text.find(',', at), text.size());
        out.push_back(AgencyId{std::stoll(text.substr(at, comma - at))});
        at = comma + 1;
    }
    return out;
}

constexpr const char* kCaseColumns = "SELECT id, partnership_id, source_id, pseudonym, summary, agencies, version FROM audited_cases ";

AuditedCase read_case(const Statement& q) {
    AuditedCase c;
    c.id = q.int64(0);
    c.partnership = PartnershipId{q.int64(1)};
    c.audit = LearningSourceId{q.int64(2)};
    c.pseudonym = q.text(3);
    c.summary = q.text(4);
    c.agencies = agencies_from(q.text(5));
    c.version = static_cast<int>(q.int64(6));
    return c;
}

}  // namespace

std::optional<std::vector<CaseAuditQuestion>> SqlCaseAudits::questions(PartnershipId partnership, LearningSourceId audit) {
    auto& q = db_.cached("SELECT questions_json FROM case_audit_questions WHERE partnership_id = ? AND source_id = ?");
    q.bind(1, partnership.value).bind(2, audit.value);
    if (!q.step()) return std::nullopt;
    const std::string text = q.text(0);
    q.reset();
    std::vector<CaseAuditQuestion> out;
    for (const auto& x : J::parse(text)) out.push_back({x.at("code"), x.at("text")});
    return out;
}

void SqlCaseAudits::set_questions(PartnershipId partnership, LearningSourceId audit, const std::vector<CaseAuditQuestion>& questions) {
    J list = J::array();
    for (const auto& x : questions) list.push_back({{"code", x.code}, {"text", x.text}});
    auto& q = db_.cached(
        "INSERT INTO case_audit_questions(partnership_id, source_id, questions_json) VALUES (?, ?, ?) "
        "ON CONFLICT (partnership_id, source_id) DO UPDATE SET questions_json = excluded.questions_json");
    q.bind(1, partnership.value).bind(2, audit.value).bind(3, list.dump()).run();
}

std::vector<AuditedCase> SqlCaseAudits::cases(PartnershipId partnership, LearningSourceId audit) {
    auto& q = db_.cached(std::string(kCaseColumns) + "WHERE partnership_id = ? AND source_id = ? ORDER BY id");
    q.bind(1, partnership.value).bind(2, audit.value);
    std::vector<AuditedCase> out;
    while (q.step()) out.push_back(read_case(q));
    return out;
}

std::optional<AuditedCase> SqlCaseAudits::find_case(PartnershipId partnership, std::int64_t id) {
    auto& q = db_.cached(std::string(kCaseColumns) + "WHERE partnership_id = ? AND id = ?");
    q.bind(1, partnership.value).bind(2, id);
    if (!q.step()) return std::nullopt;
    auto c = read_case(q);
    q.reset();
    return c;
}

std::int64_t SqlCaseAudits::insert_case(const AuditedCase& c) {
    auto& q = db_.cached(
        "INSERT INTO audited_cases(partnership_id, source_id, pseudonym, pseudonym_key, summary, agencies, version) "
        "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING");
    q.bind(1, c.partnership.value).bind(2, c.audit.value).bind(3, c.pseudonym).bind(4, lower(c.pseudonym)).bind(5, c.summary);
    q.bind(6, agencies_text(c.agencies)).run();
    return db_.changes() == 1 ? db_.last_insert_id() : 0;
}

std::vector<AgencyCaseAudit> SqlCaseAudits::agency_audits(PartnershipId partnership, LearningSourceId audit) {
    auto& q = db_.cached(
        "SELECT a.case_id, a.agency_id, a.answers_json, a.submitted, a.by_name, a.saved_at, a.version FROM agency_case_audits a "
        "JOIN audited_cases c ON c.id = a.case_id WHERE a.partnership_id = ? AND c.source_id = ? ORDER BY a.case_id, a.agency_id");
    q.bind(1, partnership.value).bind(2, audit.value);
    std::vector<AgencyCaseAudit> out;
    while (q.step()) {
        out.push_back({q.int64(0), AgencyId{q.int64(1)}, answers_from(q.text(2)), q.int64(3) != 0, q.text(4), q.int64(5),
                       static_cast<int>(q.int64(6))});
    }
    return out;
}

bool SqlCaseAudits::save_agency_audit(PartnershipId partnership, const AgencyCaseAudit& a, int expected_version) {
    if (expected_version == 0) {
        auto& q = db_.cached(
            "INSERT INTO agency_case_audits(partnership_id, case_id, agency_id, answers_json, submitted, by_name, saved_at, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING");
        q.bind(1, partnership.value).bind(2, a.case_id).bind(3, a.agency.value).bind(4, answers_json(a.answers)).bind(5, a.submitted);
        q.bind(6, a.by).bind(7, a.at).run();
        return db_.changes() == 1;
    }
    auto& q = db_.cached(
        "UPDATE agency_case_audits SET answers_json = ?, submitted = ?, by_name = ?, saved_at = ?, version = version + 1 "
        "WHERE partnership_id = ? AND case_id = ? AND agency_id = ? AND version = ?");
    q.bind(1, answers_json(a.answers)).bind(2, a.submitted).bind(3, a.by).bind(4, a.at).bind(5, partnership.value).bind(6, a.case_id);
    q.bind(7, a.agency.value).bind(8, expected_version).run();
    return db_.changes() == 1;
}

std::vector<CaseModeration> SqlCaseAudits::moderations(PartnershipId partnership, LearningSourceId audit) {
    auto& q = db_.cached(
        "SELECT m.case_id, m.met_on, m.agreed_json, m.notes, m.by_name, m.version FROM case_audit_moderations m "
        "JOIN audited_cases c ON c.id = m.case_id WHERE m.partnership_id = ? AND c.source_id = ? ORDER BY m.case_id");
    q.bind(1, partnership.value).bind(2, audit.value);
    std::vector<CaseModeration> out;
    while (q.step()) {
        out.push_back({q.int64(0), strict_date("case_audit_moderations", "met_on", q.text(1)), answers_from(q.text(2)), q.text(3), q.text(4),
                       static_cast<int>(q.int64(5))});
    }
    return out;
}

bool SqlCaseAudits::save_moderation(PartnershipId partnership, const CaseModeration& m, int expected_version) {
    if (expected_version == 0) {
        auto& q = db_.cached(
            "INSERT INTO case_audit_moderations(partnership_id, case_id, met_on, agreed_json, notes, by_name, version) "
            "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING");
        q.bind(1, partnership.value).bind(2, m.case_id).bind(3, m.met_on.iso()).bind(4, answers_json(m.agreed)).bind(5, m.notes).bind(6, m.by).run();
        return db_.changes() == 1;
    }
    auto& q = db_.cached(
        "UPDATE case_audit_moderations SET met_on = ?, agreed_json = ?, notes = ?, by_name = ?, version = version + 1 "
        "WHERE partnership_id = ? AND case_id = ? AND version = ?");
    q.bind(1, m.met_on.iso()).bind(2, answers_json(m.agreed)).bind(3, m.notes).bind(4, m.by).bind(5, partnership.value).bind(6, m.case_id);
    q.bind(7, expected_version).run();
    return db_.changes() == 1;
}

}  // namespace assure::sql
