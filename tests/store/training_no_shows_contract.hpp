#pragma once
// The store contract for training places not used (issue 16 item 3): the charges round-trip
// with their version, a stale save writing nothing; the places the register marks as not used
// come within the dates asked with their agency, course and day; a booking's agency is told once.
#include "app/ports/training_no_shows.hpp"
#include "fakes/training_records.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class TrainingNoShowsContract : public StoreContract<Factory> {
protected:
    template <class F>
    auto with(F f) {
        decltype(f(std::declval<NoShowRepo&>())) out{};
        this->store->write([&](Transaction& tx) { out = f(dynamic_cast<NoShowTransaction&>(tx).training_no_shows()); });
        return out;
    }
    // A session on `on` with one booking a mark (none: booked, register not taken).
    std::vector<BookingId> held(Date on, const std::vector<std::optional<Attendance>>& marks, std::optional<AgencyId> agency = {}) {
        std::vector<BookingId> out;
        this->store->write([&](Transaction& tx) {
            const auto session = store_session(tx, this->partnership, "Exploring Neglect " + on.iso(), on);
            for (std::size_t i = 0; i < marks.size(); ++i) {
                Booking b;
                b.partnership = this->partnership;
                b.session = session;
                b.name = "Delegate " + std::to_string(i);
                b.email = "d" + std::to_string(i) + "-" + on.iso() + "@example.org";
                b.agency = agency;
                const auto id = tx.training().insert_booking(b);
                if (marks[i]) tx.training().set_attendance(id, *marks[i]);
                out.push_back(id);
            }
        });
        return out;
    }
};

TYPED_TEST_SUITE_P(TrainingNoShowsContract);

TYPED_TEST_P(TrainingNoShowsContract, TheChargesRoundTripWithTheirVersion) {
    EXPECT_EQ(this->with([&](NoShowRepo& r) { return r.charges(this->partnership); }).version, 0) << "never set";
    EXPECT_TRUE(this->with([&](NoShowRepo& r) { return r.save_charges(this->partnership, TrainingCharges{2500, 1000, 0}, 0); }));
    EXPECT_FALSE(this->with([&](NoShowRepo& r) { return r.save_charges(this->partnership, TrainingCharges{1, 1, 0}, 0); })) << "set already";
    EXPECT_TRUE(this->with([&](NoShowRepo& r) { return r.save_charges(this->partnership, TrainingCharges{3000, 0, 0}, 1); }));
    EXPECT_FALSE(this->with([&](NoShowRepo& r) { return r.save_charges(this->partnership, TrainingCharges{1, 1, 0}, 1); })) << "stale";
    const TrainingCharges c = this->with([&](NoShowRepo& r) { return r.charges(this->partnership); });
    EXPECT_EQ(c.no_show_pence, 3000);
    EXPECT_EQ(c.late_cancellation_pence, 0);
    EXPECT_EQ(c.version, 2);
}

TYPED_TEST_P(TrainingNoShowsContract, PlacesNotUsedComeWithinTheDatesAndAreToldOnce) {
    const Agency care = this->agency("Mersey Care");
    const auto ids = this->held(Date{2016, 5, 10}, {Attendance::no_show, Attendance::attended, Attendance::cancelled_late, std::nullopt}, care.id);
    this->held(Date{2017, 4, 2}, {Attendance::no_show});  // the next year
    auto year = this->with([&](NoShowRepo& r) { return r.no_shows(this->partnership, Date{2016, 4, 1}, Date{2017, 3, 31}); });
    ASSERT_EQ(year.size(), 2u) << "the one who came and the one not yet marked are not";
    EXPECT_EQ(year[0].booking, ids[0]);
    EXPECT_EQ(year[0].mark, Attendance::no_show);
    EXPECT_EQ(year[0].agency, care.id);
    EXPECT_EQ(year[0].agency_name, "Mersey Care");
    EXPECT_EQ(year[0].course, "Exploring Neglect 2016-05-10");
    EXPECT_EQ(year[0].on, (Date{2016, 5, 10}));
    EXPECT_FALSE(year[0].told_at);
    EXPECT_EQ(year[1].mark, Attendance::cancelled_late);
    EXPECT_TRUE(this->with([&](NoShowRepo& r) { return r.mark_told(this->partnership, ids[0], 5000, 2500); }));
    EXPECT_FALSE(this->with([&](NoShowRepo& r) { return r.mark_told(this->partnership, ids[0], 6000, 9999); })) << "once";
    year = this->with([&](NoShowRepo& r) { return r.no_shows(this->partnership, Date{2016, 4, 1}, Date{2017, 3, 31}); });
    EXPECT_EQ(year[0].told_at, Instant{5000});
    EXPECT_EQ(year[0].charged_pence, 2500);
    const auto next = this->with([&](NoShowRepo& r) { return r.no_shows(this->partnership, Date{2017, 4, 1}, Date{2018, 3, 31}); });
    ASSERT_EQ(next.size(), 1u);
    EXPECT_FALSE(next[0].agency.valid());
}

TYPED_TEST_P(TrainingNoShowsContract, AnAgencysLeadsAreItsActiveAgencyLeadAccounts) {
    const Agency care = this->agency("Mersey Care"), police = this->agency("Merseyside Police");
    const auto account = [&](const char* email, AgencyId agency, Role role, bool active) {
        this->store->write([&](Transaction& tx) {
            Person p;
            p.partnership = this->partnership;
            p.name = email;
            p.agency = agency;
            p.email = email;
            User u;
            u.partnership = this->partnership;
            u.person = tx.people().insert(p);
            u.email = email;
            u.password_hash = "x";
            u.role = role;
            u.active = active;
            tx.users().insert(u);
        });
    };
    account("rita@care.example", care.id, Role::agency_lead, true);
    account("sam@care.example", care.id, Role::agency_lead, true);
    account("gone@care.example", care.id, Role::agency_lead, false);
    account("member@care.example", care.id, Role::member, true);
    account("pat@police.example", police.id, Role::partner_lead, true);
    const auto leads = this->with([&](NoShowRepo& r) { return r.agency_lead_emails(this->partnership); });
    ASSERT_EQ(leads.size(), 1u) << "the police's is a partner lead, not an agency lead";
    EXPECT_EQ(leads.at(care.id), (std::vector<std::string>{"rita@care.example", "sam@care.example"}));
}

REGISTER_TYPED_TEST_SUITE_P(TrainingNoShowsContract, TheChargesRoundTripWithTheirVersion, PlacesNotUsedComeWithinTheDatesAndAreToldOnce,
                            AnAgencysLeadsAreItsActiveAgencyLeadAccounts);

}  // namespace assure::testing
