#pragma once
// Lead and delegated safeguarding partners, over sql::Connection (app/ports/partners.hpp).
#include "app/ports/partners.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlPartners final : public PartnerRepo {
public:
    explicit SqlPartners(Connection& db) : db_(db) {}
    std::vector<PartnerAppointment> appointments(PartnershipId partnership) override;
    std::optional<PartnerAppointment> find_appointment(PartnershipId partnership, std::int64_t id) override;
    std::int64_t insert_appointment(const PartnerAppointment& a) override;
    bool end_appointment(PartnershipId partnership, std::int64_t id, Date to) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
