#pragma once
// The store contract for agency quotas on training sessions (issue 16 item 2): a quota is set,
// replaced and removed; another partnership's session has none here; an agency's places count
// its live bookings, booked or waiting, and not those cancelled or another agency's.
#include "app/ports/training_quotas.hpp"
#include "fakes/training_records.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class TrainingQuotasContract : public StoreContract<Factory> {
protected:
    template <class F>
    auto with(F f) {
        decltype(f(std::declval<QuotaRepo&>())) out{};
        this->store->write([&](Transaction& tx) { out = f(dynamic_cast<QuotaTransaction&>(tx).training_quotas()); });
        return out;
    }
    TrainingSessionId session() {
        TrainingSessionId id;
        this->store->write([&](Transaction& tx) {
            id = store_session(tx, this->partnership, "Exploring Neglect " + std::to_string(++sessions_), Date{2026, 12, 15});
        });
        return id;
    }
    int sessions_ = 0;
    void booking(TrainingSessionId s, const char* email, std::optional<AgencyId> agency, BookingStatus status) {
        this->store->write([&](Transaction& tx) {
            Booking b;
            b.partnership = this->partnership;
            b.session = s;
            b.name = email;
            b.email = email;
            b.agency = agency;
            b.status = status;
            tx.training().insert_booking(b);
        });
    }
};

TYPED_TEST_SUITE_P(TrainingQuotasContract);

TYPED_TEST_P(TrainingQuotasContract, AQuotaIsSetReplacedAndRemoved) {
    const auto s = this->session();
    EXPECT_EQ(this->with([&](QuotaRepo& r) { return r.quota(this->partnership, s); }), std::nullopt);
    this->with([&](QuotaRepo& r) { r.set_quota(this->partnership, s, 4); return 0; });
    this->with([&](QuotaRepo& r) { r.set_quota(this->partnership, s, 2); return 0; });
    EXPECT_EQ(this->with([&](QuotaRepo& r) { return r.quota(this->partnership, s); }), 2);
    EXPECT_EQ(this->with([&](QuotaRepo& r) { return r.quota(PartnershipId{this->partnership.value + 1}, s); }), std::nullopt) << "not another's";
    this->with([&](QuotaRepo& r) { r.set_quota(this->partnership, s, std::nullopt); return 0; });
    EXPECT_EQ(this->with([&](QuotaRepo& r) { return r.quota(this->partnership, s); }), std::nullopt);
}

TYPED_TEST_P(TrainingQuotasContract, AnAgencysPlacesAreItsLiveBookings) {
    const Agency care = this->agency("Mersey Care"), police = this->agency("Merseyside Police");
    const auto s = this->session(), other = this->session();
    this->booking(s, "a@example.org", care.id, BookingStatus::booked);
    this->booking(s, "b@example.org", care.id, BookingStatus::waiting);
    this->booking(s, "c@example.org", care.id, BookingStatus::cancelled);
    this->booking(s, "d@example.org", police.id, BookingStatus::booked);
    this->booking(s, "e@example.org", std::nullopt, BookingStatus::booked);
    this->booking(other, "f@example.org", care.id, BookingStatus::booked);
    EXPECT_EQ(this->with([&](QuotaRepo& r) { return r.agency_places(s, care.id); }), 2);
    EXPECT_EQ(this->with([&](QuotaRepo& r) { return r.agency_places(s, police.id); }), 1);
    EXPECT_EQ(this->with([&](QuotaRepo& r) { return r.agency_places(other, police.id); }), 0);
}

REGISTER_TYPED_TEST_SUITE_P(TrainingQuotasContract, AQuotaIsSetReplacedAndRemoved, AnAgencysPlacesAreItsLiveBookings);

}  // namespace assure::testing
