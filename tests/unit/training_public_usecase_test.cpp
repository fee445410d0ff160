// Booking from the public calendar through its use cases on an SQLite file (issue 16 item 2): the
// form shows the session and the partnership's active agencies; the booking follows the same
// rules as any other and is audited as the public form's, naming the person; an unknown
// partnership, another partnership's session and a session already held are all not found.
#include <gtest/gtest.h>

#include "app/training_public.hpp"
#include "fakes/fakes.hpp"
#include "fakes/refusal.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct PublicWorld {
    World w;
    AgencyId council;
    TrainingSessionId next, held;
    PublicWorld() {
        w.clock.at = 1'796'342'400;  // 2026-12-04 00:00 UTC
        council = w.add_agency({AgencyId{}, {}, "Knowsley Council", AgencyKind::statutory_partner, StatutoryRole::local_authority, "local_authority"});
        w.add_agency({AgencyId{}, {}, "Closed Trust", AgencyKind::relevant_agency, StatutoryRole::none, "health", "", "", false});
        const Actor bu = w.as(Role::business_unit);
        const Course c = add_course(w.services, bu, {"Working Together", "multi_agency_core", "Know each agency's role", "Everyone", "360", {}});
        next = add_session(w.services, bu, {c.id.str(), "2026-12-14", "09:30", "12:30", "Town hall", "", "1", "Helen Price"}).id;
        w.clock.at -= 30 * 86'400;
        held = add_session(w.services, bu, {c.id.str(), "2026-11-20", "09:30", "12:30", "Town hall", "", "20", "Helen Price"}).id;
        w.clock.at += 30 * 86'400;
    }
};

}  // namespace

TEST(TrainingPublicUseCase, TheFormShowsTheSessionAndTheActiveAgencies) {
    PublicWorld p;
    const PublicBookingForm form = public_booking_form(p.w.services, "test", p.next);
    EXPECT_EQ(form.session.course_title, "Working Together");
    EXPECT_EQ(form.partnership.slug, "test");
    ASSERT_EQ(form.agencies.size(), 1u) << "not a closed agency";
    EXPECT_EQ(form.agencies[0].second, "Knowsley Council");
}

TEST(TrainingPublicUseCase, ABookingFollowsTheRulesAndIsAuditedAsThePublicForms) {
    PublicWorld p;
    const Booking first = book_place_publicly(p.w.services, "test", p.next, {" Sam Carter ", "Sam@Example.org", p.council.str()});
    EXPECT_EQ(first.status, BookingStatus::booked);
    EXPECT_EQ(first.email, "sam@example.org");
    EXPECT_EQ(p.w.last_audit().action, "training_booking.create");
    EXPECT_EQ(p.w.last_audit().actor_label, "Public booking form: Sam Carter <sam@example.org>");
    const Booking second = book_place_publicly(p.w.services, "test", p.next, {"Jo Bloggs", "jo@example.org", "none"});
    EXPECT_EQ(second.status, BookingStatus::waiting) << "one place: the next waits";
    EXPECT_EQ(refusal_of([&] { book_place_publicly(p.w.services, "test", p.next, {"Sam Carter", "sam@example.org", ""}); }),
              FailureCode::conflict)
        << "the same email twice";
    EXPECT_EQ(refusal_of([&] { book_place_publicly(p.w.services, "test", p.next, {"", "x@example.org", ""}); }), FailureCode::invalid);
}

TEST(TrainingPublicUseCase, WhatIsNotOnTheCalendarIsNotFound) {
    PublicWorld p;
    EXPECT_EQ(refusal_of([&] { public_booking_form(p.w.services, "nowhere", p.next); }), FailureCode::not_found);
    EXPECT_EQ(refusal_of([&] { public_booking_form(p.w.services, "test", p.held); }), FailureCode::not_found);
    EXPECT_EQ(refusal_of([&] { book_place_publicly(p.w.services, "test", p.held, {"Sam", "sam@example.org", ""}); }), FailureCode::not_found);
    p.w.add_partnership("other", "Other Partnership");
    EXPECT_EQ(refusal_of([&] { book_place_publicly(p.w.services, "other", p.next, {"Sam", "sam@example.org", ""}); }), FailureCode::not_found);
}
