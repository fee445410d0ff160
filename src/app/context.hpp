#pragma once
// What every use case receives: the ports, the policy, and who is acting.
#include <string>

#include "app/ports.hpp"
#include "core/access.hpp"
#include "core/settings.hpp"

namespace assure {

class AuditTrailWatch;

struct Services {
    Store& store;
    const Clock& clock;
    const PasswordHasher& hasher;
    const TokenSource& tokens;
    SessionPolicy sessions;
    const Sealer* sealer = nullptr;     // no key configured: identifiable details are refused
    WorkingCalendar calendar = WorkingCalendar();
    // The rules a new partnership starts with (the configuration file). Each partnership's own
    // are in the store: rules_of().
    PartnershipRules defaults = PartnershipRules();
    // The latest check of the audit trail's hash chain, for the audit page's warning; none in
    // tools that do not serve pages.
    const AuditTrailWatch* audit_watch = nullptr;
    // Reads uploaded XML (the CIN census); none: XML imports are refused as unavailable.
    const XmlReader* xml = nullptr;
};

// The date in England now: what "today" means to every use case, page and statutory clock.
// Instants that are stored (created_at, audit rows) stay the clock's UTC seconds.
Date london_today(const Services& s);

// The rule set the partnership's records are judged under, read in the caller's transaction.
// Throws Failure (unavailable) for a partnership with none, which start-up prevents.
PartnershipRules rules_of(Transaction& tx, PartnershipId partnership);

struct Actor {
    UserId user;
    PartnershipId partnership;
    Role role = Role::read_only;
    std::string label;  // "Name <email>", frozen into audit rows

    [[nodiscard]] bool can(Permission p) const { return role_allows(role, p); }
    // The name without the email, as histories show who did what.
    [[nodiscard]] std::string name() const { return label.substr(0, label.find(" <")); }
    static Actor system(PartnershipId partnership) { return Actor{UserId{}, partnership, Role::administrator, "system"}; }
};

// Throws Failure::forbidden unless the actor holds the permission. Use cases call it first,
// so a route that forgot its declaration still cannot do what the role may not.
void require(const Actor& actor, Permission permission);

// Appends an audit row inside the caller's transaction.
void record_audit(Transaction& tx, const Actor& actor, Instant at, std::string action, std::string entity_type,
                  std::string entity_id, std::string before_json, std::string after_json);

// Logs that the actor was shown these restricted records. Returns at once: the entry is stored
// by the access log's writer, never under the caller's transaction (docs/decisions/0008).
void log_access(Services& s, const Actor& actor, AccessKind kind, std::string record_type, std::vector<std::string> ids);

}  // namespace assure
