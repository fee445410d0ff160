#pragma once
// The store contract for lead and delegated safeguarding partners (issue 20 item 2): an
// appointment is stored and read back whole, in the list's order (agency, lead first, first
// day); a last day is set once, and only on the partnership's own.
#include "app/ports/partners.hpp"
#include "store/directory_contract.hpp"

namespace assure::testing {

template <class Factory>
class PartnersContract : public DirectoryContract<Factory> {
protected:
    PartnerAppointment appointment(AgencyId agency, PersonId person, PartnerRole role, const char* from) {
        PartnerAppointment a;
        a.partnership = this->partnership;
        a.agency = agency;
        a.person = person;
        a.role = role;
        a.from = *Date::parse(from);
        this->store->write([&](Transaction& tx) { a.id = dynamic_cast<PartnerTransaction&>(tx).partners().insert_appointment(a); });
        return a;
    }
    template <class Work>
    void in_read(Work work) {
        this->store->read([&](Transaction& tx) { work(dynamic_cast<PartnerTransaction&>(tx).partners()); });
    }
    bool end(std::int64_t id, const char* to, PartnershipId in = {}) {
        bool ended = false;
        this->store->write([&](Transaction& tx) {
            ended = dynamic_cast<PartnerTransaction&>(tx).partners().end_appointment(in.valid() ? in : this->partnership, id, *Date::parse(to));
        });
        return ended;
    }
};

TYPED_TEST_SUITE_P(PartnersContract);

TYPED_TEST_P(PartnersContract, AppointmentsComeBackWholeInOrder) {
    const AgencyId council = this->agency_of("Knowsley Council", AgencyKind::statutory_partner).id;
    const AgencyId police = this->agency_of("Merseyside Police", AgencyKind::statutory_partner).id;
    const PersonId mike = this->person("Mike Harden", council, "mike@x.org").id;
    const PersonId rachel = this->person("Rachel Ainsworth", council, "rachel@x.org").id;
    const PersonId andy = this->person("Andy Cooke", police, "andy@x.org").id;
    const auto delegate = this->appointment(council, rachel, PartnerRole::delegate, "2019-09-29");
    const auto lead = this->appointment(council, mike, PartnerRole::lead, "2020-04-01");
    const auto chief = this->appointment(police, andy, PartnerRole::lead, "2016-03-01");
    this->in_read([&](PartnerRepo& r) {
        const auto all = r.appointments(this->partnership);
        ASSERT_EQ(all.size(), 3U);
        const std::int64_t council_first = council.value < police.value ? 0 : 1;
        EXPECT_EQ(all[council_first].id, lead.id) << "the lead before the delegate";
        EXPECT_EQ(all[council_first + 1].id, delegate.id);
        EXPECT_EQ(all[council_first == 0 ? 2 : 0].id, chief.id);
        const auto found = r.find_appointment(this->partnership, delegate.id);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->agency, council);
        EXPECT_EQ(found->person, rachel);
        EXPECT_EQ(found->role, PartnerRole::delegate);
        EXPECT_EQ(found->from.iso(), "2019-09-29");
        EXPECT_FALSE(found->to);
        EXPECT_FALSE(r.find_appointment(PartnershipId{this->partnership.value + 99}, delegate.id)) << "another partnership's";
    });
}

TYPED_TEST_P(PartnersContract, ALastDayIsSetOnceOnTheOwnPartnershipsOnly) {
    const AgencyId council = this->agency_of("Knowsley Council", AgencyKind::statutory_partner).id;
    const auto a = this->appointment(council, this->person("Mike Harden", council, "mike@x.org").id, PartnerRole::lead, "2020-04-01");
    EXPECT_FALSE(this->end(a.id, "2025-03-31", PartnershipId{this->partnership.value + 99}));
    EXPECT_TRUE(this->end(a.id, "2025-03-31"));
    EXPECT_FALSE(this->end(a.id, "2025-06-30")) << "already ended";
    this->in_read([&](PartnerRepo& r) { EXPECT_EQ(r.find_appointment(this->partnership, a.id)->to->iso(), "2025-03-31"); });
}

REGISTER_TYPED_TEST_SUITE_P(PartnersContract, AppointmentsComeBackWholeInOrder, ALastDayIsSetOnceOnTheOwnPartnershipsOnly);

}  // namespace assure::testing
