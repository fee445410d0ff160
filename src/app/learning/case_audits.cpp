// The per-case multi-agency audit tool (issue 20 item 5): core checks cases and grades and draws
// the findings; the store keeps cases, agencies' audits and moderation through the
// CaseAuditTransaction side interface; each change is audited in its transaction, refused
// (stale) when another change came first.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/case_audits.hpp"
#include "app/learning/internal.hpp"
#include "app/ports/case_audits.hpp"
#include "core/text.hpp"

namespace assure {

using namespace learning_detail;

namespace {

CaseAuditRepo& repo_of(Transaction& tx) {
    auto* with = dynamic_cast<CaseAuditTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Case audits are not kept by this store", {}, "no CaseAuditTransaction");
    return with->case_audits();
}

// Learning that audits cases: a multi-agency thematic audit, a deep dive, a single agency's audit.
LearningSource load_case_audit(Transaction& tx, const Actor& actor, LearningSourceId id) {
    LearningSource src = load_source(tx, actor, id);
    if (src.kind != SourceKind::thematic_audit && src.kind != SourceKind::deep_dive && src.kind != SourceKind::single_agency_audit) {
        throw Failure::not_found("case audit of learning " + id.str());
    }
    return src;
}

AuditedCase load_case(Transaction& tx, const Actor& actor, LearningSourceId audit, std::int64_t id) {
    auto c = repo_of(tx).find_case(actor.partnership, id);
    if (!c || c->audit != audit) throw Failure::not_found("audited case " + std::to_string(id));
    return *c;
}

std::vector<CaseAuditQuestion> questions_of(Transaction& tx, const Actor& actor, LearningSourceId audit) {
    auto q = repo_of(tx).questions(actor.partnership, audit);
    return q ? *q : default_case_audit_questions();
}

std::string answers_record(const std::vector<CaseAnswer>& answers) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& a : answers) j.push_back({{"code", a.code}, {"grade", a.grade}, {"comment", a.comment}});
    return j.dump();
}

std::map<AgencyId, std::string> names_in(Transaction& tx, const Actor& actor) {
    std::map<AgencyId, std::string> out;
    for (const auto& a : tx.agencies().list(actor.partnership, true)) out.emplace(a.id, a.name);
    return out;
}

}  // namespace

CaseAuditView read_case_audit(Services& s, const Actor& actor, LearningSourceId id) {
    require(actor, Permission::view_learning);
    CaseAuditView v;
    s.store.read([&](Transaction& tx) {
        v.audit = load_case_audit(tx, actor, id);
        v.questions = questions_of(tx, actor, id);
        CaseAuditRepo& repo = repo_of(tx);
        const auto cases = repo.cases(actor.partnership, id);
        const auto audits = repo.agency_audits(actor.partnership, id);
        const auto moderations = repo.moderations(actor.partnership, id);
        for (const auto& c : cases) {
            CaseAuditLine line{c, static_cast<int>(c.agencies.size()), 0, std::nullopt};
            for (const auto& a : audits) line.submitted += a.case_id == c.id && a.submitted ? 1 : 0;
            for (const auto& m : moderations) {
                if (m.case_id == c.id) line.moderated_on = m.met_on;
            }
            v.lines.push_back(std::move(line));
        }
        v.results = case_audit_results(v.questions, cases, audits, moderations);
        v.agency_names = names_in(tx, actor);
    });
    v.drawn = draw_findings(v.results);
    v.may_manage = actor.can(Permission::manage_learning);
    return v;
}

AuditedCase add_audited_case(Services& s, const Actor& actor, LearningSourceId id, const AuditedCaseInput& input) {
    require(actor, Permission::manage_learning);
    AuditedCase c;
    s.store.write([&](Transaction& tx) {
        load_case_audit(tx, actor, id);
        CaseAuditRepo& repo = repo_of(tx);
        std::vector<AgencyId> agencies;
        for (const auto& a : tx.agencies().list(actor.partnership, false)) agencies.push_back(a.id);
        if (auto errors = check_audited_case(input, agencies, repo.cases(actor.partnership, id), c); !errors.empty()) {
            throw Failure::invalid(std::move(errors));
        }
        if (!repo.questions(actor.partnership, id)) repo.set_questions(actor.partnership, id, default_case_audit_questions());
        c.partnership = actor.partnership;
        c.audit = id;
        c.id = repo.insert_case(c);
        if (c.id == 0) throw Failure::invalid({{"pseudonym", c.pseudonym + " is already a case of this audit: give each case its own pseudonym"}});
        const nlohmann::json after{{"audit", id.value}, {"pseudonym", c.pseudonym}, {"summary", c.summary}, {"agencies", c.agencies.size()}};
        record_audit(tx, actor, s.clock.now(), "case_audit.add_case", "audited_case", std::to_string(c.id), "", after.dump());
    });
    return c;
}

AuditedCaseView read_audited_case(Services& s, const Actor& actor, LearningSourceId id, std::int64_t case_id) {
    require(actor, Permission::view_learning);
    AuditedCaseView v;
    s.store.read([&](Transaction& tx) {
        v.audit = load_case_audit(tx, actor, id);
        v.questions = questions_of(tx, actor, id);
        v.audited = load_case(tx, actor, id, case_id);
        CaseAuditRepo& repo = repo_of(tx);
        const auto audits = repo.agency_audits(actor.partnership, id);
        for (const auto agency : v.audited.agencies) {
            const auto found = std::find_if(audits.begin(), audits.end(), [&](const AgencyCaseAudit& a) { return a.case_id == case_id && a.agency == agency; });
            AgencyCaseAudit a = found != audits.end() ? *found : AgencyCaseAudit{case_id, agency, {}, false, {}, 0, 0};
            if (a.version == 0) {
                for (const auto& q : v.questions) a.answers.push_back({q.code, "", ""});
            }
            if (may_edit(tx, actor, agency)) v.may_edit.push_back(agency);
            v.audits.push_back(std::move(a));
        }
        for (auto& m : repo.moderations(actor.partnership, id)) {
            if (m.case_id == case_id) v.moderation = std::move(m);
        }
        if (v.moderation.version == 0) {
            v.moderation.case_id = case_id;
            for (const auto& q : v.questions) v.moderation.agreed.push_back({q.code, "", ""});
        }
        v.agency_names = names_in(tx, actor);
    });
    v.may_moderate = actor.can(Permission::manage_learning);
    return v;
}

AgencyCaseAudit save_agency_case_audit(Services& s, const Actor& actor, LearningSourceId id, std::int64_t case_id, AgencyId agency,
                                       int expected_version, const std::vector<CaseAnswer>& answers, bool submit) {
    require(actor, Permission::view_learning);
    AgencyCaseAudit out;
    s.store.write([&](Transaction& tx) {
        load_case_audit(tx, actor, id);
        const AuditedCase c = load_case(tx, actor, id, case_id);
        if (std::find(c.agencies.begin(), c.agencies.end(), agency) == c.agencies.end()) {
            throw Failure::not_found("audit of agency " + agency.str() + " for case " + std::to_string(case_id));
        }
        if (!may_edit(tx, actor, agency)) throw Failure::forbidden("audits cases for its own agency only");
        CaseAuditRepo& repo = repo_of(tx);
        std::optional<AgencyCaseAudit> before;
        for (auto& a : repo.agency_audits(actor.partnership, id)) {
            if (a.case_id == case_id && a.agency == agency) before = std::move(a);
        }
        if ((before ? before->version : 0) != expected_version) throw Failure::stale("case audit");
        if (before && before->submitted) {
            throw Failure::invalid({{"answers", "This audit was submitted: it is closed, and the moderation meeting takes it from here"}});
        }
        out.case_id = case_id;
        out.agency = agency;
        if (auto errors = check_case_answers(questions_of(tx, actor, id), answers, submit, out.answers); !errors.empty()) {
            throw Failure::invalid(std::move(errors));
        }
        out.submitted = submit;
        out.by = actor.name();
        out.at = s.clock.now();
        if (!repo.save_agency_audit(actor.partnership, out, expected_version)) throw Failure::stale("case audit");
        out.version = expected_version + 1;
        record_audit(tx, actor, out.at, submit ? "case_audit.submit" : "case_audit.save", "audited_case", std::to_string(case_id),
                     before ? answers_record(before->answers) : "",
                     nlohmann::json{{"agency", agency.value}, {"submitted", submit}, {"answers", nlohmann::json::parse(answers_record(out.answers))}}.dump());
    });
    return out;
}

CaseModeration moderate_audited_case(Services& s, const Actor& actor, LearningSourceId id, std::int64_t case_id, int expected_version,
                                     const std::string& met_on, const std::vector<CaseAnswer>& agreed, const std::string& notes) {
    require(actor, Permission::manage_learning);
    CaseModeration out;
    s.store.write([&](Transaction& tx) {
        load_case_audit(tx, actor, id);
        load_case(tx, actor, id, case_id);
        CaseAuditRepo& repo = repo_of(tx);
        std::optional<CaseModeration> before;
        for (auto& m : repo.moderations(actor.partnership, id)) {
            if (m.case_id == case_id) before = std::move(m);
        }
        if ((before ? before->version : 0) != expected_version) throw Failure::stale("moderation");
        FieldErrors errors = check_case_answers(questions_of(tx, actor, id), agreed, true, out.agreed);
        const auto day = Date::parse(trim(met_on));
        if (!day) errors.insert(errors.begin(), {"met_on", "Enter the date the moderation meeting met, like 14 3 2017"});
        else if (london_today(s) < *day) errors.insert(errors.begin(), {"met_on", "The moderation meeting's date must be today or in the past"});
        out.notes = trim(notes);
        if (char_count(out.notes) > 5000) errors.push_back({"notes", "The notes must be 5000 characters or fewer"});
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        out.case_id = case_id;
        out.met_on = *day;
        out.by = actor.name();
        if (!repo.save_moderation(actor.partnership, out, expected_version)) throw Failure::stale("moderation");
        out.version = expected_version + 1;
        record_audit(tx, actor, s.clock.now(), "case_audit.moderate", "audited_case", std::to_string(case_id),
                     before ? answers_record(before->agreed) : "",
                     nlohmann::json{{"met_on", out.met_on.iso()}, {"agreed", nlohmann::json::parse(answers_record(out.agreed))}, {"notes", out.notes}}.dump());
    });
    return out;
}

int add_drawn_findings(Services& s, const Actor& actor, LearningSourceId id, int expected_version) {
    require(actor, Permission::manage_learning);
    int added = 0;
    s.store.write([&](Transaction& tx) {
        const LearningSource before = load_case_audit(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("learning record");
        CaseAuditRepo& repo = repo_of(tx);
        const auto drawn = draw_findings(case_audit_results(questions_of(tx, actor, id), repo.cases(actor.partnership, id),
                                                            repo.agency_audits(actor.partnership, id), repo.moderations(actor.partnership, id)));
        LearningSource after = before;
        for (const auto& d : drawn) {
            const bool there = std::any_of(after.findings.begin(), after.findings.end(), [&](const Finding& f) { return f.text == d.text; });
            if (there) continue;
            after.findings.push_back({static_cast<int>(after.findings.size()) + 1, d.development ? FindingKind::development : FindingKind::good_practice, d.text});
            ++added;
        }
        if (added == 0) {
            throw Failure::invalid({{"findings", drawn.empty() ? "The grades so far support no finding: submit and moderate more of the cases"
                                                                : "The audit has every finding the grades support already"}});
        }
        save_source(s, tx, actor, before, after, "learning.add_drawn_findings");
    });
    return added;
}

}  // namespace assure
