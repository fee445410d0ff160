#pragma once
// No-shows followed up with their agency (issue 16 item 3; seed 000: no-shows and late
// cancellations may be charged to the agency). The register marks who did not come; the
// business unit tells each agency's leads of their staff who did not, once a booking, with the
// partnership's charge if it sets one. The charge is worked out here, never typed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/mail.hpp"
#include "core/training.hpp"

namespace assure {

// What the partnership charges an agency for a place not used; nothing when it charges nothing.
struct TrainingCharges {
    std::int64_t no_show_pence = 0;
    std::int64_t late_cancellation_pence = 0;
    int version = 0;  // 0: never set
};
// From the form's pounds ("25", "25.00", "" for none); field errors "no_show", "late_cancellation".
std::optional<TrainingCharges> check_training_charges(const std::string& no_show, const std::string& late_cancellation, FieldErrors& errors);

// One booking the register marked as not used, with what was told of it.
struct NoShow {
    BookingId booking;
    std::string name, email;
    AgencyId agency;          // not valid() when the booking named none
    std::string agency_name;  // "" when none
    std::string course;
    Date on;
    Attendance mark = Attendance::no_show;  // no_show or cancelled_late
    std::optional<Instant> told_at;         // when the agency was told
    std::int64_t charged_pence = 0;         // the charge told then
};
// What a no-show costs its agency: the charge told if told, else today's charge for its mark.
std::int64_t charge_of(const NoShow& n, const TrainingCharges& charges);

struct AgencyNoShows {
    AgencyId agency;
    std::string name;  // "No agency given" for bookings without one
    std::vector<NoShow> items;  // by date, then name
    int no_shows = 0, late = 0, untold = 0;
    std::int64_t charge_pence = 0;
};
// The year's no-shows by agency, most first; bookings without an agency last (they cannot be told).
std::vector<AgencyNoShows> no_shows_by_agency(const std::vector<NoShow>& all, const TrainingCharges& charges);
inline constexpr const char* kNoAgencyGiven = "No agency given";

// The message to an agency's leads: each person, course and day, and the charge if any.
MailText no_show_mail_text(const std::string& partnership_name, const std::string& agency_name, const std::vector<NoShow>& untold,
                           const TrainingCharges& charges);

}  // namespace assure
