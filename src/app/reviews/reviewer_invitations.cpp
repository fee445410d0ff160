// A reviewer commissioned from outside the partnership, invited by email to an account that sees
// their review only (issue 20 item 4; decision 0041). The account is made with the
// "reviewer commissioned" step, in its transaction; the link's token is kept only as a digest and
// works once, until it expires or a newer link is sent; the account ends when the review is
// published or another reviewer is commissioned.
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "app/access/sign_in_steps.hpp"
#include "app/mail.hpp"
#include "app/partnership.hpp"
#include "app/review_panels.hpp"
#include "app/reviews/internal.hpp"
#include "core/text.hpp"

namespace assure {
namespace reviews_detail {

void end_reviewer_accounts(Services& s, Transaction& tx, const Actor& actor, CaseId id, UserId keep) {
    const Instant now = s.clock.now();
    std::set<std::int64_t> seen;
    for (const auto& invitation : review_panels_of(tx).invitations_for_case(actor.partnership, id)) {
        if (invitation.user == keep || !seen.insert(invitation.user.value).second) continue;
        const auto before = tx.users().find(invitation.user);
        if (!before || !before->active || before->role != Role::commissioned_reviewer) continue;
        User after = *before;
        after.active = false;
        if (!tx.users().update(after)) throw Failure::stale("user account");
        after.version = before->version + 1;
        tx.sessions().remove_for_user(after.id);
        (void)tx.api_tokens().revoke_for_user(after.id, now);
        record_audit(tx, actor, now, "user.expire", "user", after.id.str(), user_audit_json(*before), user_audit_json(after));
    }
}

}  // namespace reviews_detail

using namespace reviews_detail;

namespace {

std::string partnership_name_of(Transaction& tx, PartnershipId id) {
    const auto p = tx.partnerships().find(id);
    return p ? p->name : "The safeguarding children partnership";
}

// Sends the reviewer a link to set their password: a new token, its digest stored.
void send_link(Services& s, Transaction& tx, const Actor& actor, const Case& c, const User& reviewer, const std::string& site) {
    const Instant now = s.clock.now();
    const std::string token = s.tokens.random_token();
    AccountInvitation invitation;
    invitation.partnership = actor.partnership;
    invitation.user = reviewer.id;
    invitation.case_id = c.id;
    invitation.token_digest = s.tokens.digest(token);
    invitation.sent_at = now;
    invitation.expires_at = now + static_cast<Instant>(kInvitationDays) * 86400;
    invitation.invited_by = actor.user;
    invitation.id = review_panels_of(tx).insert_invitation(invitation);
    const Date expires_on = london_date(invitation.expires_at);
    record_audit(tx, actor, now, "case.reviewer_invite", "review_case", c.id.str(), "",
                 nlohmann::json{{"user_id", reviewer.id.value}, {"email", reviewer.email}, {"expires_on", expires_on.iso()}}.dump());
    const MailText text = reviewer_invitation_text(partnership_name_of(tx, actor.partnership), reviewer.display_name, c.reference,
                                                   site + kInvitationPath + token, expires_on);
    queue_mail(tx, now, OutgoingMail{actor.partnership, MailKind::account_invitation, reviewer.email, text.subject, text.body});
}

struct Opened {
    AccountInvitation invitation;
    User user;
};

// The invitation behind a link, while it may still be used: one answer for every refusal, so a
// link reveals nothing about accounts.
Opened opened(Services& s, Transaction& tx, const std::string& token) {
    const std::string t = trim(token);
    const auto refused = [] { return Failure::not_found("invitation link"); };
    if (t.empty() || t.size() > 200) throw refused();
    auto& repo = review_panels_of(tx);
    const auto invitation = repo.find_invitation(s.tokens.digest(t));
    if (!invitation || invitation_state(*invitation, s.clock.now()) != InvitationState::waiting) throw refused();
    // A link sent again replaces the one before it.
    for (const auto& other : repo.invitations_for_case(invitation->partnership, invitation->case_id)) {
        if (other.user == invitation->user && other.id > invitation->id) throw refused();
    }
    const auto user = tx.users().find(invitation->user);
    if (!user || !user->active || user->role != Role::commissioned_reviewer) throw refused();
    return {*invitation, *user};
}

}  // namespace

CaseView invite_reviewer(Services& s, const Actor& actor, CaseId id, int expected_version, const ReviewerInvitationInput& input,
                         const std::string& site) {
    require(actor, Permission::manage_reviews);
    FieldErrors errors = validate_reviewer_invitation(input);
    const auto on = Date::parse(trim(input.on));
    if (!on) errors.push_back({"on", trim(input.on).empty() ? "Enter the date" : "Date must be a real date"});
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    const std::string name = trim(input.reviewer_name);
    const std::string email = lower(trim(input.email));
    const std::string organisation = trim(input.organisation);
    CaseView view;
    s.store.write([&](Transaction& tx) {
        const Instant now = s.clock.now();
        const Case before = load_for_change(tx, actor, id, expected_version);
        if (const auto existing = tx.users().find_by_email(email)) {
            throw Failure::invalid({{"email", "An account already uses " + email + ": choose " + existing->display_name +
                                                  " as their account in Assure instead of inviting them"}});
        }
        // The directory's entry for them when there is one; otherwise a new one, of no agency.
        Person person;
        if (auto found = tx.people().find_by_email(actor.partnership, email)) {
            if (!found->active) throw Failure::invalid({{"email", found->name + " is deactivated in the directory: reactivate them first"}});
            person = *found;
        } else {
            person.partnership = actor.partnership;
            person.name = name;
            person.job_title = organisation.empty() ? "Commissioned reviewer" : "Commissioned reviewer, " + organisation;
            person.email = email;
            person.id = tx.people().insert(person);
            record_audit(tx, actor, now, "person.create", "person", person.id.str(), "", to_json(person).dump());
        }
        User reviewer;
        reviewer.partnership = actor.partnership;
        reviewer.person = person.id;
        reviewer.email = email;
        reviewer.display_name = person.name;
        reviewer.role = Role::commissioned_reviewer;
        reviewer.id = tx.users().insert(reviewer);  // no password until the link is used
        record_audit(tx, actor, now, "user.create", "user", reviewer.id.str(), "", user_audit_json(reviewer));

        CaseEvent event;
        event.kind = EventKind::commission_reviewer;
        event.on = *on;
        event.reviewer_name = name;
        event.reviewer_user = reviewer.id;
        const Case after = append_event(s, tx, actor, before, event);
        send_link(s, tx, actor, after, reviewer, site);
        view = view_of(s, after, london_date(now));
    });
    return view;
}

std::vector<ReviewerInvitationLine> reviewer_invitations(Services& s, const Actor& actor, CaseId id) {
    require(actor, Permission::manage_reviews);
    std::vector<ReviewerInvitationLine> out;
    s.store.read([&](Transaction& tx) {
        load_visible(tx, actor, id);
        const Instant now = s.clock.now();
        for (const auto& invitation : review_panels_of(tx).invitations_for_case(actor.partnership, id)) {
            ReviewerInvitationLine line;
            line.invitation = invitation;
            line.state = invitation_state(invitation, now);
            if (const auto user = tx.users().find(invitation.user)) {
                line.reviewer_name = user->display_name;
                line.email = user->email;
                line.account_active = user->active;
            }
            out.push_back(std::move(line));
        }
    });
    std::reverse(out.begin(), out.end());
    return out;
}

void resend_reviewer_invitation(Services& s, const Actor& actor, CaseId id, const std::string& site) {
    require(actor, Permission::manage_reviews);
    s.store.write([&](Transaction& tx) {
        const Case c = load_visible(tx, actor, id);
        const UserId reviewer_id = replay(c).reviewer_user;
        bool invited = false;
        for (const auto& invitation : review_panels_of(tx).invitations_for_case(actor.partnership, id)) {
            if (invitation.user != reviewer_id) continue;
            invited = true;
            if (invitation.accepted_at) throw Failure::invalid({{"invitation", "The reviewer has set their password already"}});
        }
        const auto reviewer = invited ? tx.users().find(reviewer_id) : std::nullopt;
        if (!reviewer) throw Failure::invalid({{"invitation", "The case's reviewer was not invited by email"}});
        if (!reviewer->active) throw Failure::invalid({{"invitation", "The reviewer's account has ended"}});
        send_link(s, tx, actor, c, *reviewer, site);
    });
}

OpenedInvitation open_invitation(Services& s, const std::string& token) {
    OpenedInvitation out;
    s.store.read([&](Transaction& tx) {
        const Opened o = opened(s, tx, token);
        const auto c = tx.cases().find(o.invitation.partnership, o.invitation.case_id);
        out = {o.user.display_name, o.user.email, partnership_name_of(tx, o.invitation.partnership), c ? c->reference : "",
               london_date(o.invitation.expires_at)};
    });
    return out;
}

SignedIn accept_invitation(Services& s, const std::string& token, const std::string& password, const std::string& confirm) {
    FieldErrors errors = validate_new_password(password);
    if (!password.empty() && confirm != password) errors.push_back({"confirm_password", "Enter the same password twice"});
    // The link is checked before the policy's answer, so a dead link is never asked for a password.
    s.store.read([&](Transaction& tx) { opened(s, tx, token); });
    if (!errors.empty()) throw Failure::invalid(std::move(errors));
    const std::string hash = s.hasher.hash(password);  // Argon2id outside the write transaction
    SignedIn out;
    s.store.write([&](Transaction& tx) {
        const Instant now = s.clock.now();
        const Opened o = opened(s, tx, token);
        if (!review_panels_of(tx).mark_accepted(o.invitation.id, now)) throw Failure::not_found("invitation link");
        User after = o.user;
        after.password_hash = hash;
        after.must_change_password = false;
        if (!tx.users().update(after)) throw Failure::stale("user account");
        after.version = o.user.version + 1;
        const Actor self = actor_for(after);
        record_audit(tx, self, now, "user.accept_invitation", "user", after.id.str(), user_audit_json(o.user), user_audit_json(after));
        out = sign_in_steps::start_session(s, tx, after, now, nlohmann::json{{"by", "invitation"}}.dump());
    });
    return out;
}

}  // namespace assure
