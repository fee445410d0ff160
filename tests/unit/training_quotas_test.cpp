// Agency quotas on training sessions (issue 16 item 2): a quota is a whole number within the
// session's places, or none; a booking that would pass it is refused naming the agency and
// saving nothing, whether one person or a group; waiting places count; a booking without an
// agency and another agency's are not held to it; lowering it keeps the places held.
#include <gtest/gtest.h>

#include "app/training.hpp"
#include "app/training_group.hpp"
#include "app/training_quotas.hpp"
#include "core/training_quotas.hpp"
#include "fakes/fakes.hpp"
#include "fakes/refusal.hpp"

using namespace assure;
using namespace assure::testing;

TEST(TrainingQuotaRules, AQuotaIsAWholeNumberWithinThePlacesOrNone) {
    FieldErrors e;
    EXPECT_EQ(check_quota(" 4 ", 20, e), 4);
    EXPECT_EQ(check_quota("", 20, e), std::nullopt);
    EXPECT_TRUE(e.empty());
    for (const char* wrong : {"0", "21", "two", "2.5"}) {
        FieldErrors one;
        EXPECT_EQ(check_quota(wrong, 20, one), std::nullopt) << wrong;
        ASSERT_EQ(one.size(), 1u) << wrong;
        EXPECT_EQ(one[0].field, "quota");
    }
    EXPECT_EQ(quota_refusal(std::nullopt, 30, 1, "Mersey Care"), "");
    EXPECT_EQ(quota_refusal(3, 2, 1, "Mersey Care"), "");
    EXPECT_EQ(quota_refusal(3, 3, 1, "Mersey Care"), "Mersey Care may hold 3 places on this session and holds 3: book another session, or ask the training team");
    EXPECT_EQ(quota_refusal(3, 1, 4, "Mersey Care"), "Mersey Care may hold 3 places on this session and holds 1: 2 more places at most");
}

class AgencyQuotas : public ::testing::Test {
protected:
    World w;
    Actor bu = w.as(Role::business_unit);
    AgencyId care = w.add_agency({AgencyId{}, w.partnership, "Mersey Care", AgencyKind::relevant_agency, StatutoryRole::none, "health"});
    AgencyId police = w.add_agency({AgencyId{}, w.partnership, "Merseyside Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
    TrainingSessionId session;
    void SetUp() override {
        w.clock.at = 1'796'342'400;  // 4 December 2026
        const Course c = add_course(w.services, bu, {"Exploring Neglect", "multi_agency_core", "Recognise neglect", "Everyone", "360", {}});
        session = add_session(w.services, bu, {c.id.str(), "2026-12-15", "09:30", "16:00", "Kirkby Suite", "", "3", "Lisa Moran"}).id;
    }
    Booking book(const std::string& who, AgencyId agency) { return book_place(w.services, bu, session, {who, who + "@example.org", agency.valid() ? agency.str() : ""}); }
    int bookings() { return static_cast<int>(list_bookings(w.services, bu, session, "", {}).items.size()); }
};

TEST_F(AgencyQuotas, ABookingPastTheQuotaIsRefusedNamingTheAgencyAndWaitingPlacesCount) {
    EXPECT_EQ(set_session_quota(w.services, bu, session, "2"), 2);
    EXPECT_EQ(session_quota(w.services, w.as(Role::member), session), 2);
    book("sam", care);
    book("jo", police);
    book("kim", police);  // the session is now full
    EXPECT_EQ(book("ali", care).status, BookingStatus::waiting) << "within the quota, on the waiting list";
    try {
        book("lee", care);
        ADD_FAILURE() << "a third of Mersey Care's";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        ASSERT_EQ(f.fields().size(), 1u);
        EXPECT_EQ(f.fields()[0].field, "agency_id");
        EXPECT_EQ(f.fields()[0].message, "Mersey Care may hold 2 places on this session and holds 2: book another session, or ask the training team");
    }
    EXPECT_EQ(book("nobody", AgencyId{}).status, BookingStatus::waiting) << "no agency, no quota";
    EXPECT_EQ(bookings(), 5) << "the refused booking saved nothing";
}

TEST_F(AgencyQuotas, AGroupPastTheQuotaIsRefusedWholeAndLoweringItKeepsThePlacesHeld) {
    set_session_quota(w.services, bu, session, "3");
    book("sam", care);
    EXPECT_EQ(refusal_of([&] { book_group(w.services, bu, session, "Jo Bloggs, jo@example.org\nKim Lowe, kim@example.org\nAli Khan, ali@example.org", care.str()); }),
              FailureCode::invalid);
    EXPECT_EQ(bookings(), 1) << "all or none";
    book_group(w.services, bu, session, "Jo Bloggs, jo@example.org\nKim Lowe, kim@example.org", care.str());
    EXPECT_EQ(set_session_quota(w.services, bu, session, "1"), 1);
    EXPECT_EQ(bookings(), 3) << "kept";
    EXPECT_EQ(refusal_of([&] { set_session_quota(w.services, bu, session, "4"); }), FailureCode::invalid) << "more than the places";
    EXPECT_EQ(refusal_of([&] { set_session_quota(w.services, w.as(Role::member), session, "2"); }), FailureCode::forbidden);
    EXPECT_EQ(set_session_quota(w.services, bu, session, ""), std::nullopt);
    book("lee", care);
}
