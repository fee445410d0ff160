// The review group's panel choice and the commissioned reviewer's invitation (decision 0041).
#include "core/review_panels.hpp"

#include <algorithm>
#include <map>

#include "core/date_words.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

int rank(MemberRole role) {
    if (role == MemberRole::chair) return 0;
    if (role == MemberRole::deputy) return 1;
    return 2;
}

}  // namespace

bool may_sit_on_panels(const User& user) {
    return user.active && user.role != Role::administrator && user.role != Role::commissioned_reviewer;
}

std::vector<PanelCandidate> panel_candidates_of(const std::vector<Membership>& memberships, const std::map<PersonId, std::string>& names,
                                                const std::vector<User>& users, const std::vector<Interest>& interests,
                                                const Case& c, Date today) {
    std::map<PersonId, const User*> account_of;
    for (const auto& u : users) {
        if (may_sit_on_panels(u)) account_of[u.person] = &u;
    }
    std::vector<PanelCandidate> out;
    for (const auto& m : memberships) {
        const auto name = names.find(m.person);
        if (!member_on(m, today) || name == names.end()) continue;
        // One line a person: a member who is also the group's chair is shown as its chair.
        const auto same = std::find_if(out.begin(), out.end(), [&](const PanelCandidate& x) { return x.person == m.person; });
        if (same != out.end()) {
            if (rank(m.role) < rank(same->role_in_group)) same->role_in_group = m.role;
            continue;
        }
        PanelCandidate one;
        one.person = m.person;
        one.name = name->second;
        one.role_in_group = m.role;
        if (const auto a = account_of.find(m.person); a != account_of.end()) one.user = a->second->id;
        for (const auto& i : interests) {
            if (i.person == m.person) one.interests.push_back(i);
        }
        if (one.user.valid()) {
            for (const auto& x : c.conflicts) {
                if (x.user == one.user) one.case_interest = x;
            }
            one.on_panel = std::any_of(c.panel.begin(), c.panel.end(), [&](const PanelMember& p) { return p.user == one.user; });
        }
        out.push_back(std::move(one));
    }
    std::stable_sort(out.begin(), out.end(), [](const PanelCandidate& a, const PanelCandidate& b) {
        if (rank(a.role_in_group) != rank(b.role_in_group)) return rank(a.role_in_group) < rank(b.role_in_group);
        return a.name < b.name;
    });
    return out;
}

std::optional<std::string> why_not_on_panel(const PanelCandidate& candidate) {
    if (!candidate.user.valid()) return candidate.name + " has no account in Assure: an administrator adds one first";
    if (candidate.on_panel) return candidate.name + " is already on the case's panel";
    if (candidate.case_interest && candidate.case_interest->excludes()) {
        return candidate.name + " declared an interest in this case on " + date_in_words(candidate.case_interest->declared_on) +
               ": decide it before adding them to the panel";
    }
    return std::nullopt;
}

FieldErrors validate_reviewer_invitation(const ReviewerInvitationInput& in) {
    FieldErrors errors;
    const std::string name = trim(in.reviewer_name);
    const std::string email = trim(in.email);
    if (name.empty()) {
        errors.push_back({"reviewer_name", "Enter the name of the reviewer"});
    } else if (name.size() > 200) {
        errors.push_back({"reviewer_name", "Name must be 200 characters or fewer"});
    }
    if (email.empty()) {
        errors.push_back({"email", "Enter the reviewer's email address"});
    } else if (!looks_like_email(email) || email.size() > 254) {
        errors.push_back({"email", "Enter an email address in the correct format, like name@example.org"});
    }
    if (trim(in.organisation).size() > 200) errors.push_back({"organisation", "Organisation must be 200 characters or fewer"});
    return errors;
}

InvitationState invitation_state(const AccountInvitation& invitation, Instant now) {
    if (invitation.accepted_at) return InvitationState::accepted;
    return now < invitation.expires_at ? InvitationState::waiting : InvitationState::expired;
}

std::string_view invitation_state_key(InvitationState s) {
    switch (s) {
        case InvitationState::waiting: return "waiting";
        case InvitationState::accepted: return "accepted";
        case InvitationState::expired: return "expired";
    }
    return "";
}

MailText reviewer_invitation_text(const std::string& partnership_name, const std::string& reviewer_name,
                                  const std::string& case_reference, const std::string& link, Date expires_on) {
    MailText t;
    t.subject = partnership_name + ": your account for review " + case_reference;
    t.body = "Dear " + reviewer_name + ",\n\n" + partnership_name + " has commissioned you to carry out review " + case_reference +
             ".\n\nSet the password of your account in Assure, the partnership's system, here:\n\n" + link +
             "\n\nThe link works once, until " + date_in_words(expires_on) +
             ". Your account shows you this review and nothing else, and it closes when the review is published.\n\n"
             "If you were not expecting this message, you can ignore it.\n";
    return t;
}

std::string hide_invitation_links(std::string_view body) {
    const std::string_view path = kInvitationPath;
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = body.find(path); at != std::string_view::npos; at = body.find(path, from)) {
        out.append(body.substr(from, at + path.size() - from));
        from = at + path.size();
        while (from < body.size() && body[from] != '\n' && body[from] != ' ' && body[from] != '\r') ++from;
        out += "\u2026";
    }
    out.append(body.substr(from));
    return out;
}

bool ends_reviewer_accounts(EventKind kind) { return kind == EventKind::publish || kind == EventKind::commission_reviewer; }

}  // namespace assure
