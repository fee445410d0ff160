#pragma once
// Port: online modules and their enrolments (issue 16 item 1). A side interface of the SQL
// store's transaction, so that the widely included Transaction is unchanged.
#include <optional>
#include <vector>

#include "app/paging.hpp"
#include "core/training_modules.hpp"

namespace assure {

struct ModuleRepo {
    virtual ~ModuleRepo() = default;
    // Every module of the partnership, by title: a partnership buys a handful.
    virtual std::vector<OnlineModule> list(PartnershipId partnership) = 0;
    virtual std::optional<OnlineModule> find(PartnershipId partnership, ModuleId id) = 0;
    // Adds a module with version 1; nullopt when the partnership has one of that title already.
    virtual std::optional<ModuleId> add(const OnlineModule& m) = 0;
    // Replaces a module whose version is `expected_version`, raising it; false when stale.
    virtual bool save(const OnlineModule& m, int expected_version) = 0;

    enum class Put { added, updated, unchanged };
    // Keeps one practitioner's enrolment on a module: a new one is added, one already there
    // (the same module and email) takes the report's name, organisation and dates.
    virtual Put put_enrolment(PartnershipId partnership, const ModuleEnrolment& e) = 0;
    // The enrolments applied for from `from` to `to` inclusive, of one module or every one, with
    // their module's title and agency's name, for the year's figures.
    virtual std::vector<ModuleEnrolment> applied_between(PartnershipId partnership, Date from, Date to, std::optional<ModuleId> module) = 0;
    // One module's enrolments by the practitioner's name, paged.
    virtual Page<ModuleEnrolment> enrolments(PartnershipId partnership, ModuleId module, const PageRequest& page) = 0;
};

struct ModuleTransaction {
    virtual ~ModuleTransaction() = default;
    virtual ModuleRepo& online_modules() = 0;
};

}  // namespace assure
