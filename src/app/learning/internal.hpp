#pragma once
// Helpers shared by the learning use cases; not part of the app's interface.
#include <map>
#include <string>

#include "app/learning.hpp"

namespace assure::learning_detail {

LearningSource load_source(Transaction& tx, const Actor& actor, LearningSourceId id);
// Saves a changed source (optimistic on before.version) and audits before and after.
void save_source(Services& s, Transaction& tx, const Actor& actor, const LearningSource& before, LearningSource& after,
                 const char* action);

// The names a list of actions needs, read once per list.
struct Names {
    std::map<AgencyId, std::string> agencies;
    std::map<PersonId, std::string> people;
    std::map<GroupId, std::string> groups;
    std::map<LearningSourceId, std::string> sources;  // titles
    std::map<AuditReturnId, ReturnOrigin> returns;
    LearningRules rules;  // the partnership's, which judge each line (e.g. "no recent update")
};
// The names a page of `actions` shows — their agencies, leads, sources and audit returns, and
// the agencies in `also_agencies` — each kind asked for by id in one query; and the groups.
Names names_of(Transaction& tx, PartnershipId partnership, const std::vector<ImprovementAction>& actions,
               std::vector<AgencyId> also_agencies = {});
// The query for what `filter` selects and the actor may see (an agency lead: their own agency),
// or nullopt when nothing can match (another agency's actions, a closed state among open ones).
std::optional<ImprovementQuery> improvement_query(const Services& s, Transaction& tx, const Actor& actor, const ImprovementFilter& filter);

// ---- the audit trail's own record of each kind (not the API's, not the store's) ----
std::string audit_record(const LearningSource& s);
std::string audit_record(const ImprovementAction& a);
std::string audit_record(const AuditCycle& c);
std::string audit_record(const AuditReturn& r);
std::string audit_record(const Briefing& b);
ImprovementLine line_of(const Services& s, const ImprovementAction& a, const Names& names);
// nullopt for everyone who sees all agencies; the agency for an agency lead (none if unlinked).
std::optional<AgencyId> agency_scope(Transaction& tx, const Actor& actor);

// ---- audits ----
AuditCycle load_cycle(Transaction& tx, const Actor& actor, AuditCycleId id);
// The cycle, the invited agency and its return if saved; not found for an agency the actor may not see.
struct Loaded {
    AuditCycle cycle;
    Agency agency;
    std::optional<AuditReturn> ret;
};
Loaded load_for_agency(Transaction& tx, const Actor& actor, AuditCycleId cycle, AgencyId agency);
// The agency's own lead, or the business unit.
bool may_edit(Transaction& tx, const Actor& actor, AgencyId agency);
// Inserts or updates (optimistic) the return and audits before and after in the actor's partnership.
void save_return_record(Services& s, Transaction& tx, const Actor& actor, const std::optional<AuditReturn>& before,
                        AuditReturn& after, const char* action);

// Where this organisation's return could go: each other partnership on the server with an agency
// of the same organisation code and a cycle of the same kind not yet closed; refusal "" = can.
std::vector<ShareTarget> share_targets_of(Transaction& tx, const AuditCycle& cycle, const AuditReturn& ret, const Agency& agency,
                                          Date today);
// Puts a copy of the submitted `ret` into every target that can take it, audited in each
// partnership's own trail, and records where it went on `ret` (saved by the caller). Refuses,
// changing nothing, when no partnership can take it.
void share_into(Services& s, Transaction& tx, const Actor& actor, const AuditCycle& cycle, const Agency& agency, AuditReturn& ret);

}  // namespace assure::learning_detail
