#pragma once
// Port: lead and delegated safeguarding partners (issue 20 item 2). A side interface of the SQL
// store's transaction, as documents and search are, so that the widely included Transaction is
// unchanged.
#include <optional>
#include <vector>

#include "core/partners.hpp"

namespace assure {

struct PartnerRepo {
    virtual ~PartnerRepo() = default;
    // The partnership's appointments, by agency, then lead before delegate, then first day, then id.
    virtual std::vector<PartnerAppointment> appointments(PartnershipId partnership) = 0;
    virtual std::optional<PartnerAppointment> find_appointment(PartnershipId partnership, std::int64_t id) = 0;
    virtual std::int64_t insert_appointment(const PartnerAppointment& a) = 0;
    // Sets the last day of one still held; false if it had ended meanwhile (or is not the partnership's).
    virtual bool end_appointment(PartnershipId partnership, std::int64_t id, Date to) = 0;
};

struct PartnerTransaction {
    virtual ~PartnerTransaction() = default;
    virtual PartnerRepo& partners() = 0;
};

}  // namespace assure
