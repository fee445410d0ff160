#pragma once
// Use cases: training no-shows followed up with their agency, and the partnership's charges
// (issue 16 item 3). Everyone who sees training reads the year's no-shows by agency (names only
// to the business unit); the business unit sets the charges and tells each agency's leads, by
// email, of their staff who did not use their places, once a booking. Every change is audited.
#include "app/context.hpp"
#include "core/training_no_shows.hpp"

namespace assure {

struct NoShowReport {
    FinancialYear year;
    TrainingCharges charges;
    std::vector<AgencyNoShows> agencies;  // most first; names and emails left out unless may_manage
    std::vector<AgencyId> without_lead;   // agencies with no-shows untold and no lead with an account
    bool may_manage = false;
};
NoShowReport read_no_shows(Services& s, const Actor& actor, FinancialYear year);

// From the form's pounds; stale when `expected_version` is not the charges' (0 before any).
TrainingCharges set_training_charges(Services& s, const Actor& actor, const std::string& no_show, const std::string& late_cancellation,
                                     int expected_version);

struct NoShowsTold {
    int agencies = 0;  // agencies whose leads were sent a message
    int bookings = 0;  // no-shows told
    int messages = 0;  // messages queued, one a lead
};
// Tells each agency with no-shows of the year not yet told: one message to each of its
// agency leads with an account, listing them with the charge; each booking then told, with its
// charge, so it is never told or charged twice. Agencies without a lead are left untold.
NoShowsTold tell_agencies_of_no_shows(Services& s, const Actor& actor, FinancialYear year);

}  // namespace assure
