#pragma once
// Online modules and their enrolments, over sql::Connection (app/ports/training_modules.hpp).
#include "app/ports/training_modules.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlModules final : public ModuleRepo {
public:
    explicit SqlModules(Connection& db) : db_(db) {}
    std::vector<OnlineModule> list(PartnershipId partnership) override;
    std::optional<OnlineModule> find(PartnershipId partnership, ModuleId id) override;
    std::optional<ModuleId> add(const OnlineModule& m) override;
    bool save(const OnlineModule& m, int expected_version) override;
    Put put_enrolment(PartnershipId partnership, const ModuleEnrolment& e) override;
    std::vector<ModuleEnrolment> applied_between(PartnershipId partnership, Date from, Date to, std::optional<ModuleId> module) override;
    Page<ModuleEnrolment> enrolments(PartnershipId partnership, ModuleId module, const PageRequest& page) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
