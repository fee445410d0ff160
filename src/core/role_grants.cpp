#include "core/role_grants.hpp"
#include "core/labels.hpp"

#include <cctype>

namespace assure {

std::string_view grant_status_key(GrantStatus s) {
    switch (s) {
        case GrantStatus::waiting: return "waiting";
        case GrantStatus::approved: return "approved";
        case GrantStatus::refused: return "refused";
        case GrantStatus::withdrawn: return "withdrawn";
    }
    return "waiting";
}

std::string_view grant_status_label(GrantStatus s) {
    switch (s) {
        case GrantStatus::waiting: return "Waiting for approval";
        case GrantStatus::approved: return "Approved";
        case GrantStatus::refused: return "Refused";
        case GrantStatus::withdrawn: return "Withdrawn";
    }
    return "Waiting for approval";
}

std::optional<GrantStatus> parse_grant_status(std::string_view key) {
    for (const auto s : {GrantStatus::waiting, GrantStatus::approved, GrantStatus::refused, GrantStatus::withdrawn}) {
        if (grant_status_key(s) == key) return s;
    }
    return std::nullopt;
}

bool role_sees_identities(Role role) { return role == Role::business_unit || role == Role::partner_lead; }

bool grant_needs_approval(Role from, Role to, bool set_by_a_person) {
    return set_by_a_person && to != from && role_sees_identities(to);
}

std::optional<std::string> why_may_not_decide(const RoleGrant& grant, UserId decider, Role decider_role) {
    if (decider_role != Role::partner_lead) return "Only a partner lead approves a role";
    if (grant.status != GrantStatus::waiting) return "This request has already been " + std::string(grant_status_key(grant.status));
    if (decider == grant.asked_by) return "You asked for this role, so another partner lead must decide";
    if (decider == grant.user) return "This is your own account, so another partner lead must decide";
    return std::nullopt;
}

FieldErrors validate_decision(bool approve, const std::string& reason) {
    FieldErrors errors;
    if (!approve && reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        errors.push_back({"reason", "Enter why you are refusing this role; the administrator is told"});
    } else if (reason.size() > kMaxDecisionReason) {
        errors.push_back({"reason", "Reason must be 1,000 characters or fewer"});
    }
    return errors;
}

namespace {
std::string role_words(Role role) {
    std::string out(role_label(role));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
    return out;
}
std::string signed_off(const std::string& partnership_name) { return "\n\n" + partnership_name + "\n"; }
}  // namespace

MailText role_grant_asked_text(const std::string& partnership_name, const std::string& account_name, const RoleGrant& grant) {
    const std::string asker = name_in_label(grant.asked_by_label);
    return {"Approve a role: " + account_name + " as " + role_words(grant.role),
            "Dear partner lead,\n\n" + asker + " has asked for " + account_name + " to have the " + role_words(grant.role) +
                " role. It lets them see children's identities in case records and the registers, so it needs a partner "
                "lead's approval before it takes effect.\n\nSign in to Assure and choose Role approvals to approve or "
                "refuse it. If you did not expect this request, refuse it and tell the partnership's business manager." +
                signed_off(partnership_name)};
}

MailText role_grant_decided_text(const std::string& partnership_name, const std::string& account_name, const RoleGrant& grant) {
    const std::string decider = name_in_label(grant.decided_by_label);
    const bool approved = grant.status == GrantStatus::approved;
    std::string body = "The request for " + account_name + " to have the " + role_words(grant.role) + " role was " +
                       (approved ? "approved" : "refused") + " by " + decider + " on " + date_in_words(london_date(grant.decided_at)) + ".";
    if (!grant.reason.empty()) body += "\n\nTheir reason: " + grant.reason;
    body += approved ? "\n\nThe role applies from the next page " + account_name + " opens."
                     : "\n\nThe account keeps the " + role_words(grant.role_before) + " role.";
    return {std::string("Role ") + (approved ? "approved" : "refused") + ": " + account_name + " as " + role_words(grant.role),
            "Hello,\n\n" + body + signed_off(partnership_name)};
}

}  // namespace assure
