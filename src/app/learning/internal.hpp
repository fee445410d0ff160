#pragma once
// Helpers shared by the learning use cases; not part of the app's interface.
#include <map>
#include <string>

#include "app/learning.hpp"

namespace assure::learning_detail {

Date today_of(const Services& s);
LearningSource load_source(Transaction& tx, const Actor& actor, LearningSourceId id);
// Saves a changed source (optimistic on before.version) and audits before and after.
void save_source(Services& s, Transaction& tx, const Actor& actor, const LearningSource& before, LearningSource& after,
                 const char* action);

// The names a list of actions needs, read once per transaction.
struct Names {
    std::map<AgencyId, std::string> agencies;
    std::map<PersonId, std::string> people;
    std::map<GroupId, std::string> groups;
    std::map<LearningSourceId, LearningSource> sources;
    std::map<AuditReturnId, AuditReturn> returns;
    std::map<AuditCycleId, AuditCycle> cycles;
};
Names names_of(Transaction& tx, PartnershipId partnership);
ImprovementLine line_of(const Services& s, const ImprovementAction& a, const Names& names);
// nullopt for everyone who sees all agencies; the agency for an agency lead (none if unlinked).
std::optional<AgencyId> agency_scope(Transaction& tx, const Actor& actor);

}  // namespace assure::learning_detail
