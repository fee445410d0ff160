#include "app/context.hpp"

namespace assure {

Date london_today(const Services& s) { return london_date(s.clock.now()); }

PartnershipRules rules_of(Transaction& tx, PartnershipId partnership) {
    auto rules = tx.partnerships().rules(partnership);
    if (!rules) {
        throw Failure(FailureCode::unavailable, "partnership " + partnership.str() +
                                                    " has no settings yet: start the server once to give it the defaults");
    }
    return std::move(*rules);
}

void require(const Actor& actor, Permission permission) {
    if (!actor.can(permission)) {
        throw Failure::forbidden(std::string(role_key(actor.role)) + " lacks " + std::string(permission_key(permission)));
    }
}

void record_audit(Transaction& tx, const Actor& actor, Instant at, std::string action, std::string entity_type,
                  std::string entity_id, std::string before_json, std::string after_json) {
    AuditEntry entry;
    entry.partnership = actor.partnership;
    entry.at = at;
    entry.actor = actor.user;
    entry.actor_label = actor.label;
    entry.action = std::move(action);
    entry.entity_type = std::move(entity_type);
    entry.entity_id = std::move(entity_id);
    entry.before_json = std::move(before_json);
    entry.after_json = std::move(after_json);
    tx.audit().append(entry);
}

void log_access(Services& s, const Actor& actor, AccessKind kind, std::string record_type, std::vector<std::string> ids) {
    AccessEntry entry;
    entry.partnership = actor.partnership;
    entry.at = s.clock.now();
    entry.actor = actor.user;
    entry.actor_label = actor.label;
    entry.kind = kind;
    entry.record_type = std::move(record_type);
    entry.record_ids = std::move(ids);
    s.store.access_log().record(std::move(entry));
}

}  // namespace assure
