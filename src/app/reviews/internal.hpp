#pragma once
// Helpers shared by the reviews use cases; not part of the app's interface.
#include <string>
#include <vector>

#include "app/reviews.hpp"
#include "app/ports/review_panels.hpp"

namespace assure::reviews_detail {

// The case if the actor may know of it; otherwise not_found, whether or not it exists.
Case load_visible(Transaction& tx, const Actor& actor, CaseId id);
CaseView view_of(const Services& s, Case c, Date today);
// "" when no child has identifiable details; refuses when details exist but no key does, and
// (unavailable) when the database's case key check names another key than this server's: the
// key was rotated while this server ran, and what it sealed now no other server could open.
std::string seal_identities(const Services& s, Transaction& tx, const std::vector<Child>& children);
void open_identities(const Services& s, Case& c);
// Loads for a change: visible, and still at the version the person saw.
Case load_for_change(Transaction& tx, const Actor& actor, CaseId id, int expected_version);
// Saves the record and audits it with before and after.
void save(Services& s, Transaction& tx, const Actor& actor, const Case& before, Case& after, const char* action);

// Appends a lifecycle event the actor recorded to the case, guarded by the state machine, and
// audits it; ends the reviewer accounts the event ends (ends_reviewer_accounts). Returns the case after.
Case append_event(Services& s, Transaction& tx, const Actor& actor, const Case& before, CaseEvent event);

// The side interface of the review group and reviewers' invitations (app/ports/review_panels.hpp).
ReviewPanelRepo& review_panels_of(Transaction& tx);
std::optional<Group> review_group_of(Transaction& tx, PartnershipId partnership);
// The group's members on today's date as the case's panel choice sees them (core/review_panels).
std::vector<PanelCandidate> review_group_members(Services& s, Transaction& tx, const Group& group, const Case& c);
// Deactivates the case's commissioned reviewers' accounts but `keep`'s, ending their sessions
// and tokens, each audited as user.expire (decision 0041).
void end_reviewer_accounts(Services& s, Transaction& tx, const Actor& actor, CaseId id, UserId keep);

}  // namespace assure::reviews_detail
