// The schools register and rounds of school audits through their use cases on an SQLite file
// (issue 20 item 3): an import makes each setting an agency and its lead a person, once, and a
// new download brings them up to date; a wrong sheet or a URN already there saves nothing; a
// round invites its duty's settings in one step and those added later on request; its results
// are counted by phase; only the business unit changes any of it.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/learning.hpp"
#include "app/schools.hpp"
#include "fakes/fakes.hpp"
#include "fakes/refusal.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

const std::string kSheet =
    "URN,Name,Phase,Type,Designated safeguarding lead,Lead's email\n"
    "104478,Halewood Primary,Primary,Community school,Jo Shaw,jo.shaw@halewood.sch.uk\n"
    "104479,Halewood Nursery,Nursery,Local authority nursery school,Jo Shaw,jo.shaw@halewood.sch.uk\n"
    "137000,All Saints High,Secondary,Academy converter,Sam Hughes,sam.hughes@allsaints.sch.uk\n"
    "130498,Knowsley College,16 plus,Further education,,\n"
    "EY500101,Little Acorns,Early years,Day nursery,Pat Lunt,pat@acorns.example\n";

struct SchoolsWorld {
    World w;
    Actor bu;
    SchoolsWorld() {
        w.clock.at = 1'796'256'000;  // 2026-12-03 00:00 UTC
        bu = w.as(Role::business_unit);
    }
    std::size_t agencies() {
        return w.read([&](Transaction& tx) { return tx.agencies().list(w.partnership, true).size(); });
    }
    std::size_t people() {
        return w.read([&](Transaction& tx) { return tx.people().list(w.partnership, PersonFilter{}).size(); });
    }
    School find(const std::string& urn) {
        const auto r = list_schools(w.services, bu);
        const auto at = std::find_if(r.schools.begin(), r.schools.end(), [&](const School& s) { return s.urn == urn; });
        if (at == r.schools.end()) throw std::runtime_error("no school " + urn);
        return *at;
    }
    SchoolRoundInput round(const char* duty, std::vector<std::string> phases = {}) {
        return {"Section 175 audit 2026", duty, "2026-12-01", "2027-02-26", "rag", std::move(phases)};
    }
};


}  // namespace

TEST(SchoolUseCases, AnImportMakesEachSettingAnAgencyAndEachLeadAPersonOnce) {
    SchoolsWorld t;
    const std::size_t agencies = t.agencies(), people = t.people(), audit = t.w.audit_count();
    const SchoolImport done = import_schools(t.w.services, t.bu, kSheet);
    EXPECT_EQ(done.added, 5);
    EXPECT_EQ(t.agencies(), agencies + 5);
    EXPECT_EQ(t.people(), people + 3) << "Jo Shaw leads the federation's two schools and is one person";
    const School halewood = t.find("104478"), nursery = t.find("104479");
    EXPECT_EQ(halewood.lead_name, "Jo Shaw");
    EXPECT_EQ(halewood.lead, nursery.lead);
    EXPECT_EQ(t.find("130498").lead, PersonId{}) << "no lead given";
    EXPECT_EQ(t.find("EY500101").duty, SchoolDuty::early_years);
    const auto agency = t.w.read([&](Transaction& tx) { return tx.agencies().find(t.w.partnership, halewood.agency); });
    ASSERT_TRUE(agency);
    EXPECT_EQ(agency->organisation_code, "104478");
    EXPECT_EQ(agency->sector, "education");
    // Five settings, five agencies and three people, each audited.
    EXPECT_EQ(t.w.audit_count(), audit + 13);
    const auto actions = t.w.audit_actions();
    EXPECT_EQ(std::count(actions.begin(), actions.end(), "school.create"), 5);
}

TEST(SchoolUseCases, ANewDownloadBringsTheRegisterUpToDateAndKeepsLeadsItDoesNotName) {
    SchoolsWorld t;
    import_schools(t.w.services, t.bu, kSheet);
    const std::size_t agencies = t.agencies();
    const SchoolImport again = import_schools(t.w.services, t.bu,
                                              "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name)\n"
                                              "104478,Halewood Primary,Community school,Primary\n"
                                              "137000,All Saints Catholic High,Academy converter,Secondary\n"
                                              "104480,Whiston Primary,Community school,Primary\n");
    EXPECT_EQ(again.added, 1);
    EXPECT_EQ(again.updated, 1);
    EXPECT_EQ(again.unchanged, 1);
    EXPECT_EQ(t.agencies(), agencies + 1);
    EXPECT_EQ(t.find("137000").name, "All Saints Catholic High") << "the agency renamed";
    EXPECT_EQ(t.find("137000").lead_name, "Sam Hughes") << "a download without leads keeps them";
}

TEST(SchoolUseCases, ADownloadsClosedSettingsAreLeftOutOrMadeInactive) {
    SchoolsWorld t;
    import_schools(t.w.services, t.bu, kSheet);
    const std::size_t agencies = t.agencies();
    const SchoolImport again = import_schools(t.w.services, t.bu,
                                              "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),EstablishmentStatus (name)\n"
                                              "104478,Halewood Primary,Community school,Primary,Closed\n"
                                              "104479,Halewood Nursery,Local authority nursery school,Nursery,\"Open, but proposed to close\"\n"
                                              "104499,Old Roby Primary,Community school,Primary,Closed\n");
    EXPECT_EQ(again.closed, 2);
    EXPECT_EQ(again.added, 0) << "a closed setting is not added";
    EXPECT_EQ(t.agencies(), agencies);
    EXPECT_FALSE(t.find("104478").active);
    EXPECT_TRUE(t.find("104479").active) << "proposed to close is still open";
    EXPECT_EQ(t.w.last_audit().action, "agency.deactivate");
}

TEST(SchoolUseCases, AnAgencyAlreadyCarryingTheUrnBecomesTheSetting) {
    SchoolsWorld t;
    Agency college{AgencyId{}, {}, "Knowsley Community College", AgencyKind::relevant_agency, StatutoryRole::none, "education"};
    college.organisation_code = "130498";
    const AgencyId id = t.w.add_agency(college);
    const std::size_t agencies = t.agencies();
    import_schools(t.w.services, t.bu, kSheet);
    EXPECT_EQ(t.agencies(), agencies + 4);
    EXPECT_EQ(t.find("130498").agency, id);
}

TEST(SchoolUseCases, AnAgencyOfTheSameNameWithNoCodeBecomesTheSettingAndTakesTheUrn) {
    SchoolsWorld t;
    const AgencyId id = t.w.add_agency({AgencyId{}, {}, "knowsley college", AgencyKind::relevant_agency, StatutoryRole::none, "education"});
    const std::size_t agencies = t.agencies();
    import_schools(t.w.services, t.bu, kSheet);
    EXPECT_EQ(t.agencies(), agencies + 4);
    EXPECT_EQ(t.find("130498").agency, id);
    const auto agency = t.w.read([&](Transaction& tx) { return tx.agencies().find(t.w.partnership, id); });
    EXPECT_EQ(agency->organisation_code, "130498");
}

TEST(SchoolUseCases, AWrongSheetOrAUrnAlreadyThereSavesNothing) {
    SchoolsWorld t;
    const std::size_t agencies = t.agencies(), audit = t.w.audit_count();
    EXPECT_EQ(refusal_of([&] { import_schools(t.w.services, t.bu, kSheet + "12,Bad URN,Primary,,,\n"); }), FailureCode::invalid);
    EXPECT_EQ(t.agencies(), agencies);
    EXPECT_EQ(t.w.audit_count(), audit);

    import_schools(t.w.services, t.bu, kSheet);
    const std::size_t after = t.agencies();
    try {
        add_school(t.w.services, t.bu, {"104478", "Another Halewood", "Primary", "", "", ""});
        ADD_FAILURE() << "a URN twice was saved";
    } catch (const Failure& f) {
        ASSERT_EQ(f.fields().size(), 1u);
        EXPECT_EQ(f.fields()[0].field, "urn");
        EXPECT_NE(f.fields()[0].message.find("Halewood Primary"), std::string::npos) << "names the setting that has it";
    }
    EXPECT_EQ(t.agencies(), after);
    const School added = add_school(t.w.services, t.bu, {"104481", "Prescot Primary", "Primary", "Community school", "", ""});
    EXPECT_EQ(added.name, "Prescot Primary");
    EXPECT_EQ(t.agencies(), after + 1);
}

TEST(SchoolUseCases, OnlyTheBusinessUnitChangesTheRegisterOrStartsARound) {
    SchoolsWorld t;
    const Actor lead = t.w.as(Role::agency_lead), member = t.w.as(Role::member);
    EXPECT_EQ(refusal_of([&] { import_schools(t.w.services, lead, kSheet); }), FailureCode::forbidden);
    EXPECT_EQ(refusal_of([&] { start_school_round(t.w.services, member, t.round("section_175")); }), FailureCode::forbidden);
    EXPECT_NO_THROW(list_schools(t.w.services, lead));
}

TEST(SchoolUseCases, ARoundInvitesItsDutysSettingsInOneStepAndThoseAddedLater) {
    SchoolsWorld t;
    import_schools(t.w.services, t.bu, kSheet);
    const AuditCycle round = start_school_round(t.w.services, t.bu, t.round("section_175"));
    EXPECT_EQ(round.kind, AuditKind::section_175);
    EXPECT_EQ(round.invited.size(), 3u) << "the primary, the nursery school and the college; not the academy or the nursery";
    EXPECT_EQ(t.w.last_audit().action, "audit_cycle.create");

    const AuditCycle academies = start_school_round(t.w.services, t.bu, t.round("section_157"));
    ASSERT_EQ(academies.invited.size(), 1u);
    EXPECT_EQ(academies.standards.at(0).title, "Proprietor's leadership") << "section 157's questions";

    const AuditCycle primaries = start_school_round(t.w.services, t.bu, t.round("section_175", {"primary"}));
    EXPECT_EQ(primaries.invited.size(), 1u);

    try {
        start_school_round(t.w.services, t.bu, t.round("section_175", {"special"}));
        ADD_FAILURE() << "a round with no one to invite was opened";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().at(0).field, "phases");
    }

    add_school(t.w.services, t.bu, {"104490", "Roby Primary", "Primary", "Community school", "", ""});
    const auto view = read_school_round(t.w.services, t.bu, round.id);
    ASSERT_TRUE(view);
    EXPECT_EQ(view->not_invited, 1);
    EXPECT_EQ(invite_new_schools(t.w.services, t.bu, round.id, round.version), 1);
    EXPECT_EQ(t.w.last_audit().action, "audit_cycle.invite");
    EXPECT_EQ(refusal_of([&] { invite_new_schools(t.w.services, t.bu, round.id, round.version); }), FailureCode::conflict);
    EXPECT_EQ(refusal_of([&] { invite_new_schools(t.w.services, t.bu, round.id, round.version + 1); }), FailureCode::invalid)
        << "every setting is invited already";
    EXPECT_EQ(read_school_round(t.w.services, t.bu, round.id)->not_invited, 0);
}

TEST(SchoolUseCases, ARoundsResultsAreByPhaseAndAnOrdinaryCycleHasNone) {
    SchoolsWorld t;
    import_schools(t.w.services, t.bu, kSheet);
    const AuditCycle round = start_school_round(t.w.services, t.bu, t.round("section_175"));
    std::vector<AnswerInput> answers;
    for (const auto& st : round.standards) answers.push_back({st.code, st.code == "5" ? "amber" : "green", "What we do.", "Our records."});
    const School halewood = t.find("104478");
    save_return(t.w.services, t.bu, round.id, halewood.agency, 0, answers, true);
    const auto view = read_school_round(t.w.services, t.bu, round.id);
    ASSERT_TRUE(view);
    ASSERT_EQ(view->phases.size(), 3u);
    EXPECT_EQ(view->phases[0].phase, SchoolPhase::nursery);
    EXPECT_EQ(view->phases[0].submitted, 0);
    EXPECT_EQ(view->phases[1].phase, SchoolPhase::primary);
    EXPECT_EQ(view->phases[1].submitted, 1);
    EXPECT_EQ(view->phases[1].with_gaps, 1);
    EXPECT_EQ(view->phases[2].phase, SchoolPhase::college);

    const AgencyId police = t.w.add_agency({AgencyId{}, {}, "Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
    const AuditCycle s11 = create_cycle(t.w.services, t.bu, {"section_11", "Section 11 audit 2026", "2026-12-01", "2027-02-26", "four_point", {police.str()}});
    EXPECT_FALSE(read_school_round(t.w.services, t.bu, s11.id));
}
