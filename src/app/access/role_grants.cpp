// Role approvals (docs/decisions/0029-role-approvals.md): requests, the partner lead's decision,
// and the messages that tell both sides. Each change writes its audit row in its transaction.
#include <nlohmann/json.hpp>

#include "app/access.hpp"
#include "app/mail.hpp"
#include "app/role_grants.hpp"

namespace assure {
namespace {

RoleGrantRepo& grants_of(Transaction& tx) {
    auto* with = dynamic_cast<RoleGrantTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Role approvals are not kept by this store", {}, "no RoleGrantTransaction");
    return with->role_grants();
}

std::string grant_json(const RoleGrant& g) {
    return nlohmann::json{{"id", g.id.value},
                          {"user_id", g.user.value},
                          {"role", role_key(g.role)},
                          {"role_before", role_key(g.role_before)},
                          {"status", grant_status_key(g.status)},
                          {"reason", g.reason}}
        .dump();
}

std::string partnership_name(Transaction& tx, PartnershipId id) {
    const auto p = tx.partnerships().find(id);
    return p ? p->name : std::string("The safeguarding children partnership");
}

// Queued in the same transaction as the change, so a message goes only if the change commits.
// An account whose stored address a mail server would refuse is skipped rather than failing
// the change: the page still shows the request.
void tell(Transaction& tx, Instant now, PartnershipId partnership, const std::string& to, const MailText& text) {
    if (!plausible_address(to)) return;
    queue_mail(tx, now, OutgoingMail{partnership, MailKind::role_approval, to, text.subject, text.body});
}

RoleRequest with_account(Transaction& tx, RoleGrant grant) {
    const auto account = tx.users().find(grant.user);
    return RoleRequest{std::move(grant), account ? account->display_name : std::string(), account ? account->email : std::string()};
}

}  // namespace

std::optional<RoleGrant> waiting_role_request(Transaction& tx, UserId account) { return grants_of(tx).waiting_for(account); }

void withdraw_role_request(Transaction& tx, const Actor& actor, Instant now, UserId account, const char* why) {
    auto& grants = grants_of(tx);
    auto waiting = grants.waiting_for(account);
    if (!waiting) return;
    RoleGrant after = *waiting;
    after.status = GrantStatus::withdrawn;
    after.decided_by = actor.user;
    after.decided_by_label = actor.label;
    after.decided_at = now;
    after.reason = why;
    if (!grants.decide(after)) throw Failure::stale("role request");
    record_audit(tx, actor, now, "role_grant.withdraw", "user", account.str(), grant_json(*waiting), grant_json(after));
}

RoleGrant ask_for_role(Transaction& tx, const Actor& actor, Instant now, const User& account, Role role) {
    withdraw_role_request(tx, actor, now, account.id, "another role chosen");
    RoleGrant g;
    g.partnership = account.partnership;
    g.user = account.id;
    g.role = role;
    g.role_before = account.role;
    g.asked_by = actor.user;
    g.asked_by_label = actor.label;
    g.asked_at = now;
    g.id = grants_of(tx).insert(g);
    record_audit(tx, actor, now, "role_grant.ask", "user", account.id.str(), "", grant_json(g));
    const std::string name = partnership_name(tx, account.partnership);
    for (const auto& lead : tx.users().list(account.partnership)) {
        if (!lead.active || lead.role != Role::partner_lead) continue;
        if (why_may_not_decide(g, lead.id, lead.role)) continue;  // not the one asking, nor the account itself
        tell(tx, now, account.partnership, lead.email, role_grant_asked_text(name, account.display_name, g));
    }
    return g;
}

RoleRequests list_role_requests(Services& s, const Actor& actor) {
    if (!actor.can(Permission::approve_roles)) require(actor, Permission::manage_users);
    RoleRequests out;
    s.store.read([&](Transaction& tx) {
        for (auto& g : grants_of(tx).waiting(actor.partnership)) out.waiting.push_back(with_account(tx, std::move(g)));
        for (auto& g : grants_of(tx).decided(actor.partnership, 20)) out.decided.push_back(with_account(tx, std::move(g)));
    });
    return out;
}

RoleRequest get_role_request(Services& s, const Actor& actor, RoleGrantId id) {
    if (!actor.can(Permission::approve_roles)) require(actor, Permission::manage_users);
    std::optional<RoleRequest> found;
    s.store.read([&](Transaction& tx) {
        if (auto g = grants_of(tx).find(actor.partnership, id)) found = with_account(tx, std::move(*g));
    });
    if (!found) throw Failure::not_found("role request " + id.str());
    return *found;
}

RoleGrant decide_role_request(Services& s, const Actor& actor, RoleGrantId id, bool approve, const std::string& reason) {
    require(actor, Permission::approve_roles);
    RoleGrant after;
    s.store.write([&](Transaction& tx) {
        auto& grants = grants_of(tx);
        const auto before = grants.find(actor.partnership, id);
        if (!before) throw Failure::not_found("role request " + id.str());
        if (before->status != GrantStatus::waiting) throw Failure::stale("role request");
        if (const auto why = why_may_not_decide(*before, actor.user, actor.role)) throw Failure(FailureCode::forbidden, *why, {}, "may not decide");
        if (auto errors = validate_decision(approve, reason); !errors.empty()) throw Failure::invalid(std::move(errors));
        const auto account = tx.users().find(before->user);
        if (!account || account->partnership != actor.partnership) throw Failure::not_found("user " + before->user.str());
        // Approving an account deactivated since is refused: reactivating it is the administrator's step.
        if (approve && !account->active) {
            throw Failure::invalid({{"reason", "This account has been deactivated since the role was asked for; refuse the request"}});
        }
        const Instant now = s.clock.now();
        after = *before;
        after.status = approve ? GrantStatus::approved : GrantStatus::refused;
        after.decided_by = actor.user;
        after.decided_by_label = actor.label;
        after.decided_at = now;
        after.reason = reason;
        if (!grants.decide(after)) throw Failure::stale("role request");
        record_audit(tx, actor, now, approve ? "role_grant.approve" : "role_grant.refuse", "user", account->id.str(),
                     grant_json(*before), grant_json(after));
        if (approve) {
            User changed = *account;
            changed.role = after.role;
            if (!tx.users().update(changed)) throw Failure::stale("user account");
            changed.version = account->version + 1;
            record_audit(tx, actor, now, "user.update", "user", changed.id.str(), user_audit_json(*account), user_audit_json(changed));
        }
        const std::string name = partnership_name(tx, actor.partnership);
        const MailText text = role_grant_decided_text(name, account->display_name, after);
        if (after.asked_by.valid()) {
            if (const auto asker = tx.users().find(after.asked_by); asker && asker->active) tell(tx, now, actor.partnership, asker->email, text);
        }
        if (account->id != after.asked_by) tell(tx, now, actor.partnership, account->email, text);
    });
    return after;
}

}  // namespace assure
