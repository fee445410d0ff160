#pragma once
// The public site's publications (issue 18, item 4; decision 0025). A publication puts one thing
// on the partnership's public site: a document from the documents store (the arrangements, a
// review report or its executive summary, a 7-minute briefing, the threshold document, the
// escalation procedure, the audit calendar) or an approved yearly report. It is proposed by the
// business unit and approved by someone else who may approve (a statutory partner lead or the
// business manager); only approved publications are public. Review reports and executive
// summaries are shown for the partnership's minimum (12 months by default) and then are
// "available on request". Rules here are pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.hpp"
#include "core/date.hpp"
#include "core/documents.hpp"
#include "core/failure.hpp"
#include "core/ids.hpp"

namespace assure {

using PublicationId = Id<struct PublicationTag>;

enum class PublicationKind {
    arrangements,       // the partnership's published safeguarding arrangements
    review_report,      // a review's report (shown for the minimum, then on request)
    executive_summary,  // a review's executive summary (the same)
    briefing,           // a 7-minute briefing
    threshold,          // the threshold document
    escalation,         // the escalation procedure
    audit_calendar,     // the audit framework and calendar
    yearly_report,      // an approved yearly report, composed from the records
};
const std::vector<PublicationKind>& all_publication_kinds();
std::string_view publication_kind_key(PublicationKind k);    // "review_report"
std::string_view publication_kind_label(PublicationKind k);  // "Review report"
std::optional<PublicationKind> parse_publication_kind(std::string_view key);
// Whether the kind is shown for the partnership's minimum and then "available on request".
bool publication_expires(PublicationKind k);
// Whether the kind is a file from the documents store (all but the yearly report).
bool publication_is_document(PublicationKind k);

// The public site's sections, each a page: which kinds each shows.
enum class PublicSection { policies, reviews, briefings, reports };
std::string_view public_section_key(PublicSection s);     // "reviews" (the address)
std::string_view public_section_label(PublicSection s);   // "Review reports"
std::optional<PublicSection> parse_public_section(std::string_view key);
PublicSection section_of(PublicationKind k);
std::vector<PublicationKind> kinds_of(PublicSection s);

enum class PublicationState { proposed, approved, withdrawn };
std::string_view publication_state_key(PublicationState s);
std::string_view publication_state_label(PublicationState s);
std::optional<PublicationState> parse_publication_state(std::string_view key);

struct Publication {
    PublicationId id;
    PartnershipId partnership;
    PublicationKind kind = PublicationKind::briefing;
    std::string title;    // the public title: the proposer's words, checked for restricted names
    std::string summary;  // one paragraph for the public list (may be empty)
    Date published_on;    // the date the public reads; the minimum runs from it
    DocumentId document;            // the document in the documents store (none for a yearly report)
    int document_version = 0;       // the version published (fixed when proposed)
    std::string report_year;        // "2016-17" for a yearly report, otherwise ""
    PublicationState state = PublicationState::proposed;
    UserId proposed_by;
    std::string proposed_by_label;
    Instant proposed_at = 0;
    UserId decided_by;               // who approved or withdrew it
    std::string decided_by_label;
    Instant decided_at = 0;
    int version = 1;
};

// What a person typed to propose a publication, before it is trusted.
struct PublicationInput {
    std::string kind;
    std::string title;
    std::string summary;
    std::string published_on;  // YYYY-MM-DD
    std::string document_id;   // a document's id (not for a yearly report)
    std::string report_year;   // "2016-17" (only for a yearly report)
};

// Checks the form: a kind; a title of 1 to 200 characters and a summary of at most 1,000; a
// publication date that is a real date and not after `today`; a document for every kind but
// the yearly report, a year for that one. Fills `out` (kind, title, summary, date, year).
FieldErrors validate_publication(const PublicationInput& in, Date today, Publication& out);

// Words that may never reach a public page (the pseudonyms and names of the children in the
// partnership's reviews): a field error on the field that contains one, whole words compared
// without regard to case. The message does not repeat the word.
FieldErrors restricted_words_in(const Publication& p, const std::vector<std::string>& restricted);

// ---- approval ---------------------------------------------------------------------------

// Whether a person may approve: a statutory partner lead, or the partnership's business
// manager (a business-unit account whose directory job title says "business manager").
bool may_approve_publications(Role role, std::string_view job_title);
// Why this approval is refused, or none: only a proposed publication is approved, by someone
// who may approve, who did not propose it (a second pair of eyes).
std::optional<std::string> approval_refusal(const Publication& p, Role role, std::string_view job_title, UserId approver);
// Why withdrawing is refused, or none: a proposed or approved publication, by the business unit
// or by someone who may approve.
std::optional<std::string> withdrawal_refusal(const Publication& p, Role role, std::string_view job_title);

// ---- the minimum ------------------------------------------------------------------------

enum class Availability { shown, on_request };
// The last day a publication is shown: `keep_months` after its publication date, less a day.
// None for kinds that are shown for as long as they are published.
std::optional<Date> shown_until(const Publication& p, int keep_months);
// Shown, or "available on request" once the minimum has run (from the day after shown_until).
Availability availability(const Publication& p, int keep_months, Date today);

// A file name for the public download made from the title ("learning-from-child-reviews.pdf"),
// never the uploaded file's name, which may name a child.
std::string public_filename(std::string_view title, std::string_view extension);

}  // namespace assure
