// Training places not used, followed up with their agency (issue 16 item 3): charges typed in
// pounds; a no-show's charge is today's until told and the one told after; the year's places by
// agency, most first, those without an agency last; the message lists each person with the
// charge; and the use case tells each agency's leads once, leaving an agency without a lead
// untold, with names for the business unit only.
#include <gtest/gtest.h>

#include "app/mail.hpp"
#include "app/training.hpp"
#include "app/training_no_shows.hpp"
#include "core/training_no_shows.hpp"
#include "fakes/fakes.hpp"
#include "fakes/refusal.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

NoShow no_show(std::int64_t agency, const char* agency_name, const char* name, const char* on, Attendance mark = Attendance::no_show) {
    NoShow n;
    n.agency = AgencyId{agency};
    n.agency_name = agency_name;
    n.name = name;
    n.course = "Exploring Neglect";
    n.on = d(on);
    n.mark = mark;
    return n;
}

}  // namespace

TEST(TrainingChargesRules, PoundsAreReadToPenceAndEmptyIsNone) {
    FieldErrors e;
    const auto c = check_training_charges("£25", "7.50", e);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->no_show_pence, 2500);
    EXPECT_EQ(c->late_cancellation_pence, 750);
    const auto none = check_training_charges("", " ", e);
    ASSERT_TRUE(none);
    EXPECT_EQ(none->no_show_pence, 0);
    FieldErrors wrong;
    EXPECT_FALSE(check_training_charges("twenty", "-3", wrong));
    ASSERT_EQ(wrong.size(), 2u);
    EXPECT_EQ(wrong[0].field, "no_show");
    EXPECT_EQ(wrong[1].field, "late_cancellation");
}

TEST(NoShowRules, ByAgencyMostFirstChargedAtTodaysRateUntilTold) {
    const TrainingCharges charges{2500, 1000, 1};
    NoShow told = no_show(1, "Knowsley Council", "Sam Carter", "2016-05-10");
    told.told_at = 1'000'000;
    told.charged_pence = 2000;  // the rate when told
    const std::vector<NoShow> all{
        no_show(2, "Mersey Care", "Jo Bloggs", "2016-06-01"),
        told,
        no_show(1, "Knowsley Council", "ali Khan", "2016-05-10", Attendance::cancelled_late),
        no_show(1, "Knowsley Council", "Lee Hunt", "2016-04-20"),
        no_show(0, "", "No Agency", "2016-04-20"),
        no_show(3, "Police", "Kim Lowe", "2016-07-01"),
    };
    const auto by = no_shows_by_agency(all, charges);
    ASSERT_EQ(by.size(), 4u);
    EXPECT_EQ(by[0].name, "Knowsley Council");
    EXPECT_EQ(by[0].no_shows, 2);
    EXPECT_EQ(by[0].late, 1);
    EXPECT_EQ(by[0].untold, 2);
    EXPECT_EQ(by[0].charge_pence, 2000 + 1000 + 2500) << "the told one at its charge told";
    ASSERT_EQ(by[0].items.size(), 3u);
    EXPECT_EQ(by[0].items[0].name, "Lee Hunt") << "by date";
    EXPECT_EQ(by[0].items[1].name, "ali Khan") << "then name, in any case";
    EXPECT_EQ(by[1].name, "Mersey Care") << "ties by name";
    EXPECT_EQ(by[2].name, "Police");
    EXPECT_EQ(by[3].name, kNoAgencyGiven) << "last";
}

TEST(NoShowRules, TheMessageNamesEachPersonAndTheCharge) {
    const TrainingCharges charges{2500, 1000, 1};
    const MailText m = no_show_mail_text("Knowsley Safeguarding Children Partnership", "Mersey Care",
                                         {no_show(2, "Mersey Care", "Jo Bloggs", "2016-06-01"),
                                          no_show(2, "Mersey Care", "Sam Carter", "2016-06-02", Attendance::cancelled_late)},
                                         charges);
    EXPECT_EQ(m.subject, "Training places not used: Mersey Care");
    EXPECT_NE(m.body.find("- Jo Bloggs, Exploring Neglect on 1 June 2016: did not come (£25)"), std::string::npos) << m.body;
    EXPECT_NE(m.body.find("- Sam Carter, Exploring Neglect on 2 June 2016: cancelled too late"), std::string::npos) << m.body;
    EXPECT_NE(m.body.find("£35 in all"), std::string::npos) << m.body;
    const MailText free = no_show_mail_text("P", "Mersey Care", {no_show(2, "Mersey Care", "Jo Bloggs", "2016-06-01")}, TrainingCharges{});
    EXPECT_EQ(free.body.find("£"), std::string::npos) << "no charge, no money";
}

class NoShowFollowUp : public ::testing::Test {
protected:
    World w;
    Actor bu = w.as(Role::business_unit);
    AgencyId care = w.add_agency({AgencyId{}, w.partnership, "Mersey Care", AgencyKind::relevant_agency, StatutoryRole::none, "health"});
    AgencyId youth = w.add_agency({AgencyId{}, w.partnership, "Youth Mutual", AgencyKind::relevant_agency, StatutoryRole::none, "voluntary"});
    Actor lead = w.add_user(w.add_person({PersonId{}, {}, "Rita Lead", "Safeguarding Lead", care, "rita@care.example"}), Role::agency_lead);

    // A session on 10 November 2026 whose register marks one of each agency's staff as not coming.
    void held() {
        w.clock.at = london_midnight(d("2026-11-01"));
        const Course c = add_course(w.services, bu, {"Exploring Neglect", "multi_agency_core", "Recognise neglect", "Everyone", "360", {}});
        const auto t = add_session(w.services, bu, {c.id.str(), "2026-11-10", "09:30", "16:00", "Kirkby Suite", "", "20", "Lisa Moran"}).id;
        const Booking sam = book_place(w.services, bu, t, {"Sam Carter", "sam@care.example", care.str()});
        const Booking jo = book_place(w.services, bu, t, {"Jo Bloggs", "jo@care.example", care.str()});
        const Booking kim = book_place(w.services, bu, t, {"Kim Lowe", "kim@youth.example", youth.str()});
        const Booking came = book_place(w.services, bu, t, {"Ali Khan", "ali@care.example", care.str()});
        w.clock.at = london_midnight(d("2026-11-10")) + 3600 * 17;
        take_register(w.services, bu, t,
                      {{sam.id.str(), "no_show"}, {jo.id.str(), "cancelled_late"}, {kim.id.str(), "no_show"}, {came.id.str(), "attended"}});
    }
    int notices_to(const std::string& email) {
        int n = 0;
        for (const auto& m : list_outbox(w.services, bu, "", {}).items) n += m.kind == MailKind::no_show_notice && m.to == email ? 1 : 0;
        return n;
    }
};

TEST_F(NoShowFollowUp, EachAgencysLeadsAreToldOnceWithTheChargeAndOthersReadCounts) {
    held();
    const TrainingCharges charges = set_training_charges(w.services, bu, "25", "10", 0);
    EXPECT_EQ(charges.version, 1);
    const NoShowReport before = read_no_shows(w.services, bu, FinancialYear{2026});
    ASSERT_EQ(before.agencies.size(), 2u);
    EXPECT_EQ(before.agencies[0].name, "Mersey Care");
    EXPECT_EQ(before.agencies[0].charge_pence, 3500);
    EXPECT_EQ(before.without_lead, (std::vector<AgencyId>{youth})) << "no one to tell at Youth Mutual";

    const NoShowsTold told = tell_agencies_of_no_shows(w.services, bu, FinancialYear{2026});
    EXPECT_EQ(told.agencies, 1);
    EXPECT_EQ(told.bookings, 2);
    EXPECT_EQ(told.messages, 1);
    EXPECT_EQ(notices_to("rita@care.example"), 1);
    EXPECT_EQ(tell_agencies_of_no_shows(w.services, bu, FinancialYear{2026}).bookings, 0) << "once a booking";
    EXPECT_EQ(notices_to("rita@care.example"), 1);

    set_training_charges(w.services, bu, "40", "", 1);
    const NoShowReport after = read_no_shows(w.services, w.as(Role::member), FinancialYear{2026});
    EXPECT_EQ(after.agencies[0].charge_pence, 3500) << "the charge told stays";
    EXPECT_EQ(after.agencies[1].charge_pence, 4000) << "Youth Mutual's untold place at today's charge";
    EXPECT_TRUE(after.agencies[0].items.empty()) << "names are for the business unit";
    EXPECT_EQ(after.agencies[0].no_shows, 1);
}

TEST_F(NoShowFollowUp, BadChargesAStaleVersionAndOthersChangingAreRefused) {
    EXPECT_EQ(refusal_of([&] { set_training_charges(w.services, bu, "lots", "", 0); }), FailureCode::invalid);
    set_training_charges(w.services, bu, "25", "", 0);
    EXPECT_EQ(refusal_of([&] { set_training_charges(w.services, bu, "30", "", 0); }), FailureCode::conflict);
    EXPECT_EQ(refusal_of([&] { set_training_charges(w.services, lead, "0", "", 1); }), FailureCode::forbidden);
    EXPECT_EQ(refusal_of([&] { tell_agencies_of_no_shows(w.services, lead, FinancialYear{2026}); }), FailureCode::forbidden);
    EXPECT_EQ(read_no_shows(w.services, bu, FinancialYear{2026}).charges.no_show_pence, 2500);
}
