// The per-case audit tool through its use cases on an SQLite file (issue 20 item 5): the
// business unit adds cases by pseudonym; each agency's lead grades their own agency's audit and
// no other, and a submitted audit is closed; the moderation meeting's grades stand for the case;
// the findings the grades support are added to the audit once; a stale change and learning that
// audits no cases are refused; every change is audited.
#include <gtest/gtest.h>

#include "app/case_audits.hpp"
#include "app/learning.hpp"
#include "fakes/fakes.hpp"
#include "fakes/refusal.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct CaseAuditWorld {
    World w;
    AgencyId council, police;
    Actor bu, lead;  // lead: the police's safeguarding lead
    LearningSourceId audit;

    CaseAuditWorld() {
        w.clock.at = 1'796'256'000;  // 2026-12-03 00:00 UTC
        council = w.add_agency({AgencyId{}, {}, "Knowsley Council", AgencyKind::statutory_partner, StatutoryRole::local_authority, "local_authority"});
        police = w.add_agency({AgencyId{}, {}, "Merseyside Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
        bu = w.as(Role::business_unit);
        lead = w.add_user(w.add_person({PersonId{}, {}, "Steven Rigby", "Detective Inspector", police, "steven@example.org"}), Role::agency_lead);
        audit = create_source(w.services, bu, {"thematic_audit", "Neglect audit", "2026-11-01", "in_progress", "", {"Neglect"}}).id;
    }
    std::vector<CaseAnswer> grades(const char* g) {
        std::vector<CaseAnswer> out;
        for (const auto& q : default_case_audit_questions()) out.push_back({q.code, g, "From the records."});
        return out;
    }
    std::int64_t add_case(const char* pseudonym) {
        return add_audited_case(w.services, bu, audit, {pseudonym, "Two children under five; home conditions", {council.str(), police.str()}}).id;
    }
};


}  // namespace

TEST(CaseAuditUseCases, TheUnitAddsCasesAndEachLeadAuditsTheirOwnAgencysPart) {
    CaseAuditWorld t;
    const auto a = t.add_case("Case A");
    EXPECT_EQ(t.w.last_audit().action, "case_audit.add_case");
    EXPECT_EQ(refusal_of([&] { t.add_case("case a"); }), FailureCode::invalid) << "a pseudonym once";
    EXPECT_EQ(refusal_of([&] { add_audited_case(t.w.services, t.lead, t.audit, {"Case B", "x", {t.police.str()}}); }), FailureCode::forbidden);

    const AuditedCaseView seen = read_audited_case(t.w.services, t.lead, t.audit, a);
    EXPECT_EQ(seen.may_edit, (std::vector<AgencyId>{t.police})) << "the lead's own agency only";
    EXPECT_EQ(seen.audits.size(), 2u);
    EXPECT_EQ(refusal_of([&] { save_agency_case_audit(t.w.services, t.lead, t.audit, a, t.council, 0, t.grades("2"), false); }), FailureCode::forbidden);

    auto draft = t.grades("3");
    draft[5].grade = "";
    const auto saved = save_agency_case_audit(t.w.services, t.lead, t.audit, a, t.police, 0, draft, false);
    EXPECT_EQ(saved.version, 1);
    EXPECT_EQ(refusal_of([&] { save_agency_case_audit(t.w.services, t.lead, t.audit, a, t.police, 1, draft, true); }), FailureCode::invalid)
        << "submitting needs every question graded";
    EXPECT_EQ(refusal_of([&] { save_agency_case_audit(t.w.services, t.lead, t.audit, a, t.police, 0, t.grades("3"), true); }), FailureCode::conflict)
        << "stale";
    save_agency_case_audit(t.w.services, t.lead, t.audit, a, t.police, 1, t.grades("3"), true);
    EXPECT_EQ(t.w.last_audit().action, "case_audit.submit");
    EXPECT_EQ(refusal_of([&] { save_agency_case_audit(t.w.services, t.lead, t.audit, a, t.police, 2, t.grades("1"), true); }), FailureCode::invalid)
        << "a submitted audit is closed";

    const CaseAuditView v = read_case_audit(t.w.services, t.bu, t.audit);
    ASSERT_EQ(v.lines.size(), 1u);
    EXPECT_EQ(v.lines[0].submitted, 1);
    EXPECT_EQ(v.lines[0].asked, 2);
    EXPECT_EQ(v.results.at(0).graded, 1);
    EXPECT_EQ(v.results.at(0).counts[2], 1);
}

TEST(CaseAuditUseCases, ModerationStandsForTheCaseAndItsFindingsAreAddedOnce) {
    CaseAuditWorld t;
    const auto a = t.add_case("Case A"), b = t.add_case("Case B");
    save_agency_case_audit(t.w.services, t.bu, t.audit, a, t.council, 0, t.grades("2"), true);
    save_agency_case_audit(t.w.services, t.bu, t.audit, a, t.police, 0, t.grades("4"), true);
    save_agency_case_audit(t.w.services, t.bu, t.audit, b, t.council, 0, t.grades("3"), true);
    EXPECT_EQ(refusal_of([&] { moderate_audited_case(t.w.services, t.bu, t.audit, a, 0, "2027-01-10", t.grades("3"), ""); }), FailureCode::invalid)
        << "a meeting in the future";
    EXPECT_EQ(refusal_of([&] { moderate_audited_case(t.w.services, t.lead, t.audit, a, 0, "2026-11-20", t.grades("3"), ""); }), FailureCode::forbidden);
    moderate_audited_case(t.w.services, t.bu, t.audit, a, 0, "2026-11-20", t.grades("3"), "Agreed after discussion");
    EXPECT_EQ(t.w.last_audit().action, "case_audit.moderate");

    const CaseAuditView v = read_case_audit(t.w.services, t.bu, t.audit);
    EXPECT_EQ(v.results.at(0).graded, 2) << "case A's agreed grade and case B's one submitted audit";
    EXPECT_EQ(v.results.at(0).counts[2], 2);
    ASSERT_EQ(v.drawn.size(), 6u) << "every question graded requires improvement in both";
    EXPECT_TRUE(v.drawn[0].development);

    const int version = v.audit.version;
    EXPECT_EQ(add_drawn_findings(t.w.services, t.bu, t.audit, version), 6);
    const auto source = read_source(t.w.services, t.bu, t.audit).source;
    ASSERT_EQ(source.findings.size(), 6u);
    EXPECT_EQ(source.findings[0].kind, FindingKind::development);
    EXPECT_EQ(t.w.last_audit().action, "learning.add_drawn_findings");
    EXPECT_EQ(refusal_of([&] { add_drawn_findings(t.w.services, t.bu, t.audit, version + 1); }), FailureCode::invalid) << "nothing new to add";
}

TEST(CaseAuditUseCases, LearningThatAuditsNoCasesHasNoTool) {
    CaseAuditWorld t;
    const auto inspection = create_source(t.w.services, t.bu, {"inspection", "JTAI", "2026-10-01", "complete", "", {}, "", "", "Ofsted"}).id;
    EXPECT_EQ(refusal_of([&] { read_case_audit(t.w.services, t.bu, inspection); }), FailureCode::not_found);
    EXPECT_EQ(refusal_of([&] { add_audited_case(t.w.services, t.bu, inspection, {"Case A", "x", {t.police.str()}}); }), FailureCode::not_found);
}
