// The public booking form's use cases: the session and the agencies to choose from, and the
// booking itself, made through book_place as the visitor (app/training_public.hpp).
#include <algorithm>

#include "app/training_public.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

struct Found {
    Partnership partnership;
    TrainingSession session;
};

Found session_to_come(Services& s, Transaction& tx, const std::string& slug, TrainingSessionId id) {
    const auto p = tx.partnerships().find_by_slug(slug);
    const auto t = p ? tx.training().find_session(p->id, id) : std::nullopt;
    if (!t || t->on < london_today(s)) throw Failure::not_found("training session " + id.str());
    return {*p, *t};
}

}  // namespace

PublicBookingForm public_booking_form(Services& s, const std::string& slug, TrainingSessionId session) {
    PublicBookingForm out;
    s.store.read([&](Transaction& tx) {
        Found f = session_to_come(s, tx, slug, session);
        out.partnership = std::move(f.partnership);
        out.session = std::move(f.session);
        for (const auto& a : tx.agencies().list(out.partnership.id, false)) out.agencies.emplace_back(a.id, a.name);
    });
    std::sort(out.agencies.begin(), out.agencies.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return out;
}

Booking book_place_publicly(Services& s, const std::string& slug, TrainingSessionId session, const BookingInput& input) {
    PartnershipId partnership;
    s.store.read([&](Transaction& tx) { partnership = session_to_come(s, tx, slug, session).partnership.id; });
    // The visitor holds no account: the least role there is, which may book, named as they gave it.
    const Actor visitor{UserId{}, partnership, Role::read_only,
                        "Public booking form: " + trim(input.name) + " <" + lower(trim(input.email)) + ">"};
    return book_place(s, visitor, session, input);
}

}  // namespace assure
