#pragma once
// Use cases: lead and delegated safeguarding partners (issue 20 item 2). Read by anyone who reads
// the directory; recorded and ended by those who edit it, each change with an audit row in its
// transaction.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/partners.hpp"

namespace assure {

struct PartnerLine {
    PartnerAppointment appointment;
    std::string person_name;
    std::string job_title;
    std::string agency_name;
    bool current = false;  // holds the role today
};

// Every appointment of the partnership, in the store's order (agency, lead first, first day).
std::vector<PartnerLine> list_partners(Services& s, const Actor& actor);
PartnerLine appoint_partner(Services& s, const Actor& actor, const PartnerInput& in);
PartnerLine end_partner(Services& s, const Actor& actor, std::int64_t id, const std::string& to);
// One appointment, for the page that ends it; not_found when it is not the partnership's.
PartnerLine read_partner(Services& s, const Actor& actor, std::int64_t id);

}  // namespace assure
