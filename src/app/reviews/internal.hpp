#pragma once
// Helpers shared by the reviews use cases; not part of the app's interface.
#include <string>
#include <vector>

#include "app/reviews.hpp"

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

}  // namespace assure::reviews_detail
