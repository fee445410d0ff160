#pragma once
// Use cases of the public site (core/publications.hpp; decision 0025). The business unit
// proposes a publication (a document from the documents store, or an approved yearly report);
// a statutory partner lead or the business manager, not the proposer, approves it; either may
// withdraw it. Each step is audited in its own transaction. The public site reads only approved
// publications, by the partnership's slug, without sign-in.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/documents.hpp"
#include "app/ports/publications.hpp"
#include "app/report.hpp"

namespace assure {

// Checks the form, the document (the partnership's, and one the proposer may see) or the yearly
// report (approved by every statutory partner, not already published), and that neither title
// nor summary names a child in any of the partnership's reviews; saves it awaiting approval.
Publication propose_publication(Services& s, const Actor& actor, const PublicationInput& in);
// The approver's decision. Refused (forbidden) for someone who may not approve or who proposed
// it; a stale version is a conflict. Approval checks the restricted words again.
Publication approve_publication(Services& s, const Actor& actor, PublicationId id, int expected_version);
Publication withdraw_publication(Services& s, const Actor& actor, PublicationId id, int expected_version);

// The partnership's publications in every state, for the signed-in page and the API.
Page<Publication> list_publications(Services& s, const Actor& actor, std::optional<PublicationState> state,
                                    const PageRequest& page);
Publication find_publication(Services& s, const Actor& actor, PublicationId id);
// Whether the actor may approve (their role and their directory job title).
bool may_approve(Services& s, const Actor& actor);

// The transaction's publications (see PublicationTransaction); throws if the store has none.
PublicationRepo& publications_of(Transaction& tx);

// ---- the public site ---------------------------------------------------------------------

struct PublicSite {
    Partnership partnership;
    int keep_months = 12;  // the partnership's minimum for review reports
    Date today;
};

struct PublicItem {
    Publication publication;
    Availability availability = Availability::shown;
    std::optional<Date> shown_until;
    std::string content_type;  // the published version's sniffed type ("" for a yearly report)
    std::int64_t size = 0;
};

struct PublicList {
    PublicSite site;
    Page<PublicItem> items;
};

// The partnership by its slug, with its minimum and today (not found for an unknown slug).
PublicSite public_site(Services& s, const std::string& slug);
// The actor's own partnership's site (for the signed-in page's link and minimum).
PublicSite public_site_of(Services& s, const Actor& actor);
// Approved publications, newest first: of one section's kinds, or of every kind.
PublicList public_publications(Services& s, const std::string& slug, std::optional<PublicSection> section,
                               const PageRequest& page);

struct PublicFile {
    Publication publication;
    DocumentVersion version;
    std::string path;      // the file on disk
    std::string filename;  // made from the title, never the uploaded name
};
// An approved document publication's file, while it is shown; not found otherwise (on request,
// proposed, withdrawn, another partnership's, a yearly report).
PublicFile public_file(Services& s, const DocumentServices& d, const std::string& slug, PublicationId id);

// An approved yearly report whose publication is approved, composed as the business unit
// would see it (only counts); not found otherwise.
struct PublicReport {
    PublicSite site;
    Publication publication;
    YearReport report;
};
PublicReport public_report(Services& s, const std::string& slug, const std::string& year);

std::string publication_audit_json(const Publication& p);

}  // namespace assure
