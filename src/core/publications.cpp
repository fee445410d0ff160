#include "core/publications.hpp"

#include <array>
#include <cctype>

#include "core/registers.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

struct KindInfo {
    PublicationKind kind;
    std::string_view key;
    std::string_view label;
    PublicSection section;
};

constexpr std::array<KindInfo, 8> kKinds{{
    {PublicationKind::arrangements, "arrangements", "Safeguarding arrangements", PublicSection::policies},
    {PublicationKind::review_report, "review_report", "Review report", PublicSection::reviews},
    {PublicationKind::executive_summary, "executive_summary", "Executive summary", PublicSection::reviews},
    {PublicationKind::briefing, "briefing", "7-minute briefing", PublicSection::briefings},
    {PublicationKind::threshold, "threshold", "Threshold document", PublicSection::policies},
    {PublicationKind::escalation, "escalation", "Escalation procedure", PublicSection::policies},
    {PublicationKind::audit_calendar, "audit_calendar", "Audit framework and calendar", PublicSection::policies},
    {PublicationKind::yearly_report, "yearly_report", "Yearly report", PublicSection::reports},
}};

const KindInfo& info(PublicationKind k) {
    for (const auto& i : kKinds) {
        if (i.kind == k) return i;
    }
    return kKinds[0];
}

bool word_char(unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; }

// Whether `word` occurs in `text` as whole words, case aside ("Child Q" in "child q's review",
// not in "Child Quinn").
bool contains_word(const std::string& text, const std::string& word) {
    if (word.empty()) return false;
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool starts = at == 0 || !word_char(static_cast<unsigned char>(text[at - 1]));
        const std::size_t end = at + word.size();
        const bool ends = end == text.size() || !word_char(static_cast<unsigned char>(text[end]));
        if (starts && ends) return true;
    }
    return false;
}

}  // namespace

const std::vector<PublicationKind>& all_publication_kinds() {
    static const std::vector<PublicationKind> kinds = [] {
        std::vector<PublicationKind> out;
        for (const auto& i : kKinds) out.push_back(i.kind);
        return out;
    }();
    return kinds;
}

std::string_view publication_kind_key(PublicationKind k) { return info(k).key; }
std::string_view publication_kind_label(PublicationKind k) { return info(k).label; }
std::optional<PublicationKind> parse_publication_kind(std::string_view key) {
    for (const auto& i : kKinds) {
        if (i.key == key) return i.kind;
    }
    return std::nullopt;
}

bool publication_expires(PublicationKind k) {
    return k == PublicationKind::review_report || k == PublicationKind::executive_summary;
}
bool publication_is_document(PublicationKind k) { return k != PublicationKind::yearly_report; }

std::string_view public_section_key(PublicSection s) {
    switch (s) {
        case PublicSection::policies: return "policies";
        case PublicSection::reviews: return "reviews";
        case PublicSection::briefings: return "briefings";
        case PublicSection::reports: return "reports";
    }
    return "policies";
}

std::string_view public_section_label(PublicSection s) {
    switch (s) {
        case PublicSection::policies: return "Arrangements, thresholds and procedures";
        case PublicSection::reviews: return "Review reports and executive summaries";
        case PublicSection::briefings: return "7-minute briefings";
        case PublicSection::reports: return "Yearly reports";
    }
    return "";
}

std::optional<PublicSection> parse_public_section(std::string_view key) {
    for (auto s : {PublicSection::policies, PublicSection::reviews, PublicSection::briefings, PublicSection::reports}) {
        if (public_section_key(s) == key) return s;
    }
    return std::nullopt;
}

PublicSection section_of(PublicationKind k) { return info(k).section; }

std::vector<PublicationKind> kinds_of(PublicSection s) {
    std::vector<PublicationKind> out;
    for (const auto& i : kKinds) {
        if (i.section == s) out.push_back(i.kind);
    }
    return out;
}

std::string_view publication_state_key(PublicationState s) {
    switch (s) {
        case PublicationState::proposed: return "proposed";
        case PublicationState::approved: return "approved";
        case PublicationState::withdrawn: return "withdrawn";
    }
    return "proposed";
}

std::string_view publication_state_label(PublicationState s) {
    switch (s) {
        case PublicationState::proposed: return "Awaiting approval";
        case PublicationState::approved: return "Published";
        case PublicationState::withdrawn: return "Withdrawn";
    }
    return "";
}

std::optional<PublicationState> parse_publication_state(std::string_view key) {
    for (auto s : {PublicationState::proposed, PublicationState::approved, PublicationState::withdrawn}) {
        if (publication_state_key(s) == key) return s;
    }
    return std::nullopt;
}

FieldErrors validate_publication(const PublicationInput& in, Date today, Publication& out) {
    FieldErrors errors;
    const auto kind = parse_publication_kind(trim(in.kind));
    if (!kind) {
        errors.push_back({"kind", "Select what is being published"});
    } else {
        out.kind = *kind;
    }
    out.title = trim(in.title);
    if (out.title.empty()) {
        errors.push_back({"title", "Enter the title the public will read"});
    } else if (char_count(out.title) > 200) {
        errors.push_back({"title", "Title must be 200 characters or fewer"});
    }
    out.summary = trim(in.summary);
    if (char_count(out.summary) > 1000) errors.push_back({"summary", "Summary must be 1,000 characters or fewer"});
    const std::string on = trim(in.published_on);
    if (on.empty()) {
        errors.push_back({"published_on", "Enter the publication date"});
    } else if (const auto d = Date::parse(on); !d) {
        errors.push_back({"published_on", "Publication date must be a real date"});
    } else if (*d > today) {
        errors.push_back({"published_on", "Publication date must be today or in the past"});
    } else {
        out.published_on = *d;
    }
    if (kind && *kind == PublicationKind::yearly_report) {
        const auto year = FinancialYear::parse(trim(in.report_year));
        if (!year) {
            errors.push_back({"report_year", "Enter the report's year, like 2016-17"});
        } else {
            out.report_year = year->key();
        }
    } else if (kind) {
        const std::string id = trim(in.document_id);
        std::int64_t value = 0;
        bool digits = !id.empty() && id.size() < 18;
        for (char c : id) digits = digits && std::isdigit(static_cast<unsigned char>(c)) != 0;
        if (digits) value = std::stoll(id);
        if (value <= 0) {
            errors.push_back({"document_id", "Select the document to publish"});
        } else {
            out.document = DocumentId{value};
        }
    }
    return errors;
}

FieldErrors restricted_words_in(const Publication& p, const std::vector<std::string>& restricted) {
    FieldErrors errors;
    const std::string title = lower(p.title);
    const std::string summary = lower(p.summary);
    bool in_title = false, in_summary = false;
    for (const auto& w : restricted) {
        const std::string word = lower(trim(w));
        if (word.size() < 2) continue;
        in_title = in_title || contains_word(title, word);
        in_summary = in_summary || contains_word(summary, word);
    }
    const char* why = "names a child in one of the partnership's reviews (a pseudonym or a name): a public page may not";
    if (in_title) errors.push_back({"title", std::string("Title ") + why});
    if (in_summary) errors.push_back({"summary", std::string("Summary ") + why});
    return errors;
}

bool may_approve_publications(Role role, std::string_view job_title) {
    if (role == Role::partner_lead) return true;
    return role == Role::business_unit && lower(job_title).find("business manager") != std::string::npos;
}

std::optional<std::string> approval_refusal(const Publication& p, Role role, std::string_view job_title, UserId approver) {
    if (p.state != PublicationState::proposed) return "Only a publication awaiting approval can be approved";
    if (!may_approve_publications(role, job_title)) {
        return "A statutory partner lead or the business manager approves publications";
    }
    if (approver.valid() && approver == p.proposed_by) return "Someone other than the person who proposed it must approve it";
    return std::nullopt;
}

std::optional<std::string> withdrawal_refusal(const Publication& p, Role role, std::string_view job_title) {
    if (p.state == PublicationState::withdrawn) return "This publication has already been withdrawn";
    if (role != Role::business_unit && !may_approve_publications(role, job_title)) {
        return "The business unit, a statutory partner lead or the business manager withdraws publications";
    }
    return std::nullopt;
}

std::optional<Date> shown_until(const Publication& p, int keep_months) {
    if (!publication_expires(p.kind)) return std::nullopt;
    return Date::from_days(add_months_clamped(p.published_on, keep_months).days() - 1);
}

Availability availability(const Publication& p, int keep_months, Date today) {
    const auto until = shown_until(p, keep_months);
    return until && today > *until ? Availability::on_request : Availability::shown;
}

std::string public_filename(std::string_view title, std::string_view extension) {
    std::string out;
    for (unsigned char c : lower(title)) {
        if (std::isalnum(c) != 0) {
            out += static_cast<char>(c);
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
        if (out.size() >= 80) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.empty()) out = "publication";
    return out + std::string(extension);
}

}  // namespace assure
