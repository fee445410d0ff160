#pragma once
// Port: the public site's publications (core/publications.hpp; decision 0025). Reached through a
// side interface of the store's transactions, as documents are (app/ports/documents.hpp), so
// adding the area did not rebuild every file that includes the ports.
#include <optional>
#include <vector>

#include "app/paging.hpp"
#include "core/publications.hpp"

namespace assure {

// A partnership's publications, newest publication date first (then newest id).
struct PublicationQuery {
    PartnershipId partnership;
    std::optional<PublicationState> state;  // none: every state
    std::vector<PublicationKind> kinds;     // empty: every kind
    PageRequest page;
};

struct PublicationRepo {
    virtual ~PublicationRepo() = default;
    virtual Page<Publication> publications(const PublicationQuery& query) = 0;
    virtual std::optional<Publication> find(PartnershipId partnership, PublicationId id) = 0;
    // The approved publication of a yearly report for the year ("2016-17"), if there is one.
    virtual std::optional<Publication> approved_report(PartnershipId partnership, const std::string& year) = 0;
    // A new publication (its version is 1); returns its id.
    virtual PublicationId insert(const Publication& p) = 0;
    // Writes the decision (state, decided_by, decided_by_label, decided_at) if the stored version
    // still equals `expected_version`; the version moves on by one. False when another came first.
    virtual bool decide(const Publication& p, int expected_version) = 0;
};

struct PublicationTransaction {
    virtual ~PublicationTransaction() = default;
    virtual PublicationRepo& publications() = 0;
};

}  // namespace assure
