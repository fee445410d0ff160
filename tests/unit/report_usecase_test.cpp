// The yearly report's use cases on the real store (a SQLite file per test) with the clock frozen
// on 18 November 2026: sections written by the business unit only, each change audited in its
// transaction; a sign-off refused while a section is empty, saving nothing; each statutory
// partner's lead signing for their own organisation; approval once all have signed; a change
// withdrawing the sign-offs; dispatches only once approved; and a figure counted from a register.
#include <gtest/gtest.h>

#include "app/governance.hpp"
#include "app/registers.hpp"
#include "app/report.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct Partners {
    Actor council_lead, police_lead, school_lead;
};

Actor lead_of(World& w, const char* agency_name, AgencyKind kind, const char* person_name) {
    Agency a;
    a.name = agency_name;
    a.kind = kind;
    a.sector = "other";
    const AgencyId agency = w.add_agency(a);
    Person p;
    p.name = person_name;
    p.job_title = "Director";
    p.agency = agency;
    p.email = std::string(person_name).substr(0, 3) + "@example.org";
    return w.add_user(w.add_person(p), Role::partner_lead);
}

Partners partners(World& w) {
    return {lead_of(w, "Knowsley Council", AgencyKind::statutory_partner, "Ann Council"),
            lead_of(w, "Merseyside Police", AgencyKind::statutory_partner, "Bob Police"),
            lead_of(w, "Halewood Academy", AgencyKind::relevant_agency, "Cat School")};
}

void write_all(World& w) {
    for (const auto s : all_report_sections()) {
        save_report_section(w.services, w.as(Role::business_unit), "2026-27", std::string(report_section_key(s)), 0, "Words");
    }
}

int sign_offs(World& w) { return w.read([&](Transaction& tx) { return static_cast<int>(tx.report().sign_offs(w.partnership, FinancialYear{2026}).size()); }); }

}  // namespace

TEST(ReportUseCases, TheBusinessUnitWritesASectionAuditedWithItsVersion) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const std::size_t before = w.audit_count();
    const SectionText t = save_report_section(w.services, bu, "2026-27", "foreword", 0, "  I am pleased to present the report.  ");
    EXPECT_EQ(t.version, 1);
    EXPECT_EQ(t.text, "I am pleased to present the report.");
    EXPECT_EQ(w.audit_count(), before + 1);
    EXPECT_EQ(w.last_audit().action, "report.section");
    EXPECT_NE(w.last_audit().after_json.find("\"foreword\""), std::string::npos);
    EXPECT_EQ(save_report_section(w.services, bu, "2026-27", "foreword", 1, "Second draft").version, 2);
    EXPECT_THROW(save_report_section(w.services, bu, "2026-27", "foreword", 1, "Stale"), Failure);
    EXPECT_THROW(save_report_section(w.services, w.as(Role::member), "2026-27", "foreword", 2, "Not mine"), Failure);
    EXPECT_THROW(save_report_section(w.services, bu, "2027-28", "foreword", 0, "Next year"), Failure) << "begins 1 April 2027";
    const YearReport r = report_records(w.services, w.as(Role::read_only), "2026-27");
    EXPECT_EQ(r.sections[0].text, "Second draft");
    EXPECT_EQ(r.sections[0].updated_by, bu.name());
    EXPECT_EQ(w.audit_count(), before + 2) << "refusals audit nothing";
}

TEST(ReportUseCases, SignOffWithAnEmptySectionIsRefusedAndSavesNothing) {
    World w;
    const Partners p = partners(w);
    save_report_section(w.services, w.as(Role::business_unit), "2026-27", "foreword", 0, "Words");
    const std::size_t before = w.audit_count();
    try {
        sign_off_report(w.services, p.police_lead, "2026-27");
        FAIL() << "six sections are empty";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields().size(), all_report_sections().size() - 1);
        EXPECT_EQ(f.fields()[0].field, "introduction");
    }
    EXPECT_EQ(sign_offs(w), 0);
    EXPECT_EQ(w.audit_count(), before);
}

TEST(ReportUseCases, EveryStatutoryPartnerSignsThenTheReportIsApprovedAndCanBeSent) {
    World w;
    const Partners p = partners(w);
    write_all(w);
    EXPECT_THROW(sign_off_report(w.services, p.school_lead, "2026-27"), Failure) << "a relevant agency does not sign";
    EXPECT_THROW(sign_off_report(w.services, w.as(Role::business_unit), "2026-27"), Failure);
    const SignOff first = sign_off_report(w.services, p.police_lead, "2026-27");
    EXPECT_EQ(first.agency_name, "Merseyside Police");
    EXPECT_EQ(first.signed_by, "Bob Police");
    EXPECT_EQ(first.signed_at, w.clock.at);
    EXPECT_THROW(sign_off_report(w.services, p.police_lead, "2026-27"), Failure) << "once per partner";
    EXPECT_THROW(record_report_dispatch(w.services, w.as(Role::business_unit), "2026-27", "practice_review_panel", "2026-11-18"), Failure)
        << "not approved yet";
    EXPECT_EQ(report_records(w.services, w.as(Role::member), "2026-27").state, ReportState::draft);
    sign_off_report(w.services, p.council_lead, "2026-27");
    const YearReport r = report_records(w.services, w.as(Role::member), "2026-27");
    EXPECT_EQ(r.state, ReportState::approved);
    EXPECT_TRUE(r.awaiting.empty());
    EXPECT_NE(w.last_audit().after_json.find("\"approved\""), std::string::npos);
    EXPECT_THROW(save_report_section(w.services, w.as(Role::business_unit), "2026-27", "foreword", 1, "Late change"), Failure);
    const Dispatch d = record_report_dispatch(w.services, w.as(Role::business_unit), "2026-27", "what_works_centre", "2026-11-18");
    EXPECT_EQ(d.recipient, ReportRecipient::what_works_centre);
    EXPECT_EQ(report_records(w.services, w.as(Role::member), "2026-27").dispatches.size(), 1u);
    EXPECT_THROW(record_report_dispatch(w.services, w.as(Role::business_unit), "2026-27", "the_moon", "2026-11-18"), Failure);
}

TEST(ReportUseCases, AChangedSectionWithdrawsTheSignOffsGiven) {
    World w;
    const Partners p = partners(w);
    write_all(w);
    sign_off_report(w.services, p.police_lead, "2026-27");
    ASSERT_EQ(sign_offs(w), 1);
    save_report_section(w.services, w.as(Role::business_unit), "2026-27", "conclusion", 1, "Words");
    EXPECT_EQ(sign_offs(w), 1) << "the same words change nothing the partners signed";
    save_report_section(w.services, w.as(Role::business_unit), "2026-27", "conclusion", 2, "Other words");
    EXPECT_EQ(sign_offs(w), 0);
    EXPECT_NE(w.last_audit().after_json.find("\"sign_offs_withdrawn\":1"), std::string::npos) << w.last_audit().after_json;
}

TEST(ReportUseCases, TheReportCountsTheRegistersOfItsYearForAnyReader) {
    World w;
    ChildDeathInput in;
    in.reference = "CD-1";
    in.died_on = "2026-05-02";
    in.sex = "female";
    in.age_band = "under_28_days";
    in.expected = "no";
    in.status = "under_enquiry";
    record_child_death(w.services, w.as(Role::business_unit), in);
    in.reference = "CD-0";
    in.died_on = "2026-03-30";  // the year before
    record_child_death(w.services, w.as(Role::business_unit), in);
    const YearReport r = compose_report(w.services, w.as(Role::member), "2026-27");
    EXPECT_EQ(r.figures.deaths.counts.deaths, 1);
    EXPECT_EQ(r.figures.deaths.counts.unexpected, 1);
    EXPECT_TRUE(r.figures.attendance.lines.empty()) << "no person's own rate is passed on";
    EXPECT_EQ(compose_report(w.services, w.as(Role::member), "2025-26").figures.deaths.counts.deaths, 1);
}

// The voice of children and scrutiny sections carry their registers' figures for the year, for
// any reader of the report (a member may not read the registers themselves).
TEST(ReportUseCases, TheVoiceAndScrutinySectionsCountTheirRegistersOfTheYear) {
    World w;
    ActivityInput in;
    in.kind = "survey";
    in.title = "Safeguarding survey";
    in.led_by = "Voice for Children";
    in.held_on = "2026-05-11";
    in.children_heard = "1808";
    in.how_heard = "Online questionnaire";
    in.points = {{"Online safety", "Briefings", "", false, "2026-06-01"}, {"Neglect", "", "", false, ""}};
    record_activity(w.services, w.as(Role::business_unit), Strand::voice, in);
    in.held_on = "2026-03-02";  // the year before
    record_activity(w.services, w.as(Role::business_unit), Strand::voice, in);
    ActivityInput visit;
    visit.kind = "frontline_visit";
    visit.title = "Visit to the front door";
    visit.led_by = "Independent scrutineer";
    visit.held_on = "2026-09-14";
    record_activity(w.services, w.as(Role::business_unit), Strand::scrutiny, visit);
    const YearReport r = compose_report(w.services, w.as(Role::member), "2026-27");
    EXPECT_EQ(r.figures.voice.strand, Strand::voice);
    EXPECT_EQ(r.figures.voice.total.activities, 1);
    EXPECT_EQ(r.figures.voice.total.children, 1808);
    EXPECT_EQ(r.figures.voice.total.points, 2);
    EXPECT_EQ(r.figures.voice.answered_percent, 50);
    EXPECT_EQ(r.figures.scrutiny.strand, Strand::scrutiny);
    EXPECT_EQ(r.figures.scrutiny.total.activities, 1);
    EXPECT_EQ(r.figures.scrutiny.total.points, 0);
}

TEST(ReportUseCases, BoardAttendanceIsTheYearsMeetingsByAgency) {
    World w;
    const Actor bu = w.as(Role::business_unit);
    const AgencyId council = w.add_agency({AgencyId{}, w.partnership, "Council", AgencyKind::statutory_partner, StatutoryRole::local_authority,
                                           "local_authority", "Chief Executive"});
    const AgencyId police = w.add_agency({AgencyId{}, w.partnership, "Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
    const PersonId morgan = w.add_person({PersonId{}, w.partnership, "Morgan Member", "Officer", council, "m@example.org"});
    const PersonId pat = w.add_person({PersonId{}, w.partnership, "Pat Police", "Inspector", police, "p@example.org"});
    const Group g = create_group(w.services, bu, {"Executive", "executive", "", "", "fixed", morgan.str(), "", "12", "", "3",
                                                  "all_statutory_partners", "", "2025-01-01", ""});
    add_member(w.services, bu, g.id, {morgan.str(), "SP", "member", "", "2025-01-01", "", ""});
    add_member(w.services, bu, g.id, {pat.str(), "SP", "member", "", "2025-01-01", "", ""});
    const auto held = [&](const char* on, const char* pat_presence) {
        const Meeting m = schedule_meeting(w.services, bu, g.id, {on, "10:00", "90", "Town hall", "", ""});
        record_attendance(w.services, bu, m.id, m.version, {{morgan.str(), "present", ""}, {pat.str(), pat_presence, ""}});
    };
    held("2025-03-20", "present");   // 2024-25
    held("2025-06-12", "apologies"); // 2025-26
    held("2025-09-11", "present");
    held("2025-12-11", "absent");
    held("2026-03-12", "present");
    held("2026-06-11", "present");   // 2026-27
    const YearReport r = compose_report(w.services, w.as(Role::read_only), "2025-26");
    std::map<std::string, std::pair<int, int>> by_agency;
    for (const auto& t : r.figures.attendance.by_agency) by_agency[t.label] = {t.held, t.attended};
    EXPECT_EQ(by_agency["Council"], (std::pair<int, int>{4, 4}));
    EXPECT_EQ(by_agency["Police"], (std::pair<int, int>{4, 2})) << "apologies and absence are not attendance";
    EXPECT_EQ(r.statutory_partners.size(), 2u);
}
