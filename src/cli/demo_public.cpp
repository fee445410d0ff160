// Knowsley's public site in the demo: small PDFs made here (one page of text each) are kept in
// the documents store through the upload use case, attached to the review they came from or to
// the partnership, then proposed by the business manager and approved by the council's partner
// lead, as a partnership would. The 2016/17 report (approved by every statutory partner in
// cli/demo_report.cpp) is published beside them. Titles never name a child.
#include <cstdio>
#include <stdexcept>

#include "app/documents.hpp"
#include "app/publications.hpp"
#include "app/reviews.hpp"
#include "cli/demo.hpp"

namespace assure::cli {
namespace {

constexpr const char* kApprover = "rachel.ainsworth@knowsley-council.example";

std::string pdf_text(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// A one-page PDF with a heading and lines of text in Helvetica: enough for a reader to open
// and for libmagic to name application/pdf.
std::string small_pdf(const std::string& heading, const std::vector<std::string>& lines) {
    std::string content = "BT /F1 18 Tf 56 780 Td (" + pdf_text(heading) + ") Tj /F1 11 Tf 0 -28 Td 14 TL";
    for (const auto& l : lines) content += " (" + pdf_text(l) + ") '";
    content += " ET";
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto o : offsets) {
        char line[24];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

// The case of the child with this pseudonym (seed 001's serious case reviews, the recent review).
CaseId case_of_child(Services& s, PartnershipId partnership, const std::string& pseudonym) {
    std::optional<CaseId> out;
    s.store.read([&](Transaction& tx) {
        CaseQuery q;
        q.partnership = partnership;
        q.page.limit = PageRequest::max_limit;
        for (const auto& c : tx.cases().list(q).items) {
            for (const auto& child : c.children) {
                if (child.pseudonym == pseudonym) out = c.id;
            }
        }
    });
    if (!out) throw std::logic_error("the demo has no case of " + pseudonym);
    return *out;
}

struct Item {
    PublicationKind kind;
    std::string title;
    std::string summary;
    std::string published_on;
    std::vector<std::string> lines;  // the PDF's text
    std::string child;               // the case's child, by pseudonym; "" for the partnership's own document
};

}  // namespace

void load_demo_public_site(Services& s, DocumentServices& documents, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    const Actor approver = demo_actor(s, kApprover);
    // The demo's files are made here, not sent by anyone: without a scanner configured they are
    // kept unscanned, as docs/admin.md allows for a server's own files.
    DocumentServices d = documents;
    if (d.scanner == nullptr) d.allow_unscanned = true;
    const Date today = london_today(s);
    const std::string recent = Date::from_days(today.days() - 60).iso();
    const std::vector<Item> items = {
        {PublicationKind::arrangements, "Knowsley's multi-agency safeguarding arrangements",
         "How the council, the police and NHS Cheshire and Merseyside (the integrated care board, through its Knowsley place team) work "
         "together, with relevant agencies, to keep children safe.",
         // Revised when the integrated care board took over the clinical commissioning group's duty on 1 July 2022.
         "2022-09-30", {"The three safeguarding partners share equal responsibility for the arrangements.", "Independent scrutiny is provided by the independent chair."}, ""},
        {PublicationKind::threshold, "Continuum of need: the threshold document",
         "The levels of need and the help each calls for, from universal services to child protection.", "2019-09-01",
         {"Level 1: universal. Level 2: early help. Level 3: targeted. Level 4: specialist and statutory."}, ""},
        {PublicationKind::escalation, "Resolving professional differences: the escalation procedure",
         "What to do when you disagree with another agency's decision about a child's safety.", "2019-09-01",
         {"Stage 1: practitioners. Stage 2: managers. Stage 3: senior managers. Stage 4: the partnership."}, ""},
        {PublicationKind::audit_calendar, "Multi-agency audit framework and calendar",
         "The partnership's audits for the year: thematic audits, Section 11 and Section 175.", recent,
         {"Quarterly thematic audits against the priorities: neglect, domestic abuse and child exploitation."}, ""},
        // Seed 001's serious case reviews, published in 2016/17 and so long past the twelve months:
        // listed, available on request.
        {PublicationKind::review_report, "Serious case review: a young person at risk of exploitation",
         "What the agencies learned about recognising exploitation and acting together across boundaries.", "2016-04-13",
         {"The review found missed opportunities to share information between agencies."}, "Child Q"},
        {PublicationKind::executive_summary, "Executive summary: an infant's sudden death",
         "The findings and recommendations of the review, in brief.", "2016-04-20",
         {"Recommendation 1: safe sleep advice at every contact where a parent misuses alcohol or drugs."}, "Child R"},
        // The recent local review (the demo's live cases place it a few months back).
        {PublicationKind::review_report, "Local child safeguarding practice review: domestic abuse in the home",
         "How agencies responded to domestic abuse in a family with a young child, and what changed.", recent,
         {"The partnership's domestic abuse pathway was revised after this review."}, "Child T"},
        {PublicationKind::briefing, "7-minute briefing: neglect",
         "Seven minutes on recognising and responding to neglect, for every practitioner.", recent,
         {"1. Why it matters. 2. What we know. 3. Information. 4. Questions to consider. 5. What to do. 6. Tools. 7. Further reading."}, ""},
    };
    for (const auto& item : items) {
        DocumentUpload up;
        up.record_type = item.child.empty() ? DocumentRecord::partnership : DocumentRecord::review_case;
        up.record_id = item.child.empty() ? 0 : case_of_child(s, bu.partnership, item.child).value;
        up.title = item.title;
        up.filename = "published.pdf";
        const std::string bytes = small_pdf(item.title, item.lines);
        up.bytes = bytes;
        const Document doc = upload_document(s, d, bu, up);
        const Publication p = propose_publication(
            s, bu, PublicationInput{std::string(publication_kind_key(item.kind)), item.title, item.summary, item.published_on, doc.id.str(), ""});
        approve_publication(s, approver, p.id, p.version);
    }
    const Publication report = propose_publication(
        s, bu,
        PublicationInput{"yearly_report", "Knowsley Safeguarding Children Board annual report 2016 to 2017",
                         "The board's account of how well children were safeguarded in Knowsley in 2016/17, with its figures.", "2017-09-28",
                         "", "2016-17"});
    approve_publication(s, approver, report.id, report.version);
}

}  // namespace assure::cli
