#pragma once
// The children in need census (the DfE's CIN census XML) as the dataset keeps it: each
// child's referrals, assessments, section 47 enquiries and child protection plans, under the
// keyed hash of the child's id. Nothing else of the child is kept: no UPN, no date of birth,
// no characteristics. The reader is fed the XML's elements one at a time (the parsing itself
// is an adapter's, through XmlEvents), checks each child as a whole, and keeps or refuses it.
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/calendar.hpp"
#include "core/dataset.hpp"
#include "core/dataset_records.hpp"
#include "core/date.hpp"
#include "core/dense_numbers.hpp"
#include "core/xml_events.hpp"

namespace assure {

// A CINdetails: one episode of need, from the referral that opened it.
struct CinReferral {
    std::string child;
    Date referred;                 // CINreferralDate
    std::optional<Date> closed;    // CINclosureDate
    bool no_further_action = false;  // ReferralNFA
    int line = 0;
};

// An assessment within an episode; `referred` is the episode's referral, which the 45 working
// days are counted from.
struct CinAssessment {
    std::string child;
    Date referred;
    Date started;                    // AssessmentActualStartDate
    std::optional<Date> authorised;  // AssessmentAuthorisationDate: the assessment's completion
    int line = 0;
};

// A section 47 enquiry and its initial child protection conference.
struct CinEnquiry {
    std::string child;
    Date started;                    // S47ActualStartDate
    std::optional<Date> conference;  // DateOfInitialCPC
    bool conference_not_required = false;  // ICPCnotRequired
    int line = 0;
};

// A child protection plan. Categories are the census's codes: NEG, PHY, EMO, SAB, MUL.
struct CinPlan {
    std::string child;
    Date started;               // CPPstartDate
    std::optional<Date> ended;  // CPPendDate
    std::string initial_category;
    std::string latest_category;
    std::optional<int> previous_plans;  // NumberOfPreviousCPP, where the census carries it
    int line = 0;
};

struct CinCensus {
    std::vector<CinReferral> referrals;
    std::vector<CinAssessment> assessments;
    std::vector<CinEnquiry> enquiries;
    std::vector<CinPlan> plans;
    [[nodiscard]] bool empty() const { return referrals.empty() && assessments.empty() && enquiries.empty() && plans.empty(); }
};

struct ParsedCensus {
    CinCensus census;               // the children kept, all of each
    std::vector<Refusal> refused;   // one per refused child (or one for the file)
    int children_read = 0;
    int children_kept = 0;
    bool file_refused = false;
};

// Reads a census for the financial year `year` (2016 for 2016/17, whose census is dated
// 31 March 2017). The XML adapter calls open, text and close as it meets the elements, then
// finish; or fail when the bytes are not well-formed XML. A child is refused whole, at the line
// of its <Child>, with every problem found in it: no LAchildID, a date that is not a real
// yyyy-mm-dd, an end before its start, a category that is not the census's, or an episode of
// need not open in the year. A ReferenceDate other than the year's 31 March refuses the file.
class CinCensusReader final : public XmlEvents {
public:
    CinCensusReader(int year, Pseudonymise pseudonymise);
    void open(std::string_view element, int line) override;
    void text(std::string_view chars) override;
    void close(std::string_view element) override;
    void fail(int line, std::string_view problem) override;
    ParsedCensus finish();
    // Each LAchildID met, a child refused among them too.
    [[nodiscard]] const std::deque<std::string>& children_met() const { return ids_; }

private:
    // As read, before the child is checked: any date may be missing or wrong until then.
    struct AssessmentDraft {
        std::optional<Date> started, authorised;
        int line = 0;
    };
    struct EnquiryDraft {
        std::optional<Date> started, conference;
        bool not_required = false;
        int line = 0;
    };
    struct PlanDraft {
        std::optional<Date> started, ended;
        std::string initial, latest;
        std::optional<int> previous;
        int line = 0;
    };
    struct Episode {
        std::optional<Date> referred, closed;
        bool no_further_action = false;
        int line = 0;
        std::vector<AssessmentDraft> assessments;
        std::vector<EnquiryDraft> enquiries;
        std::vector<PlanDraft> plans;
    };
    struct Child {
        std::string id;
        int line = 0;
        std::vector<Episode> episodes;
        std::vector<std::string> problems;
    };
    // The elements the reader looks at, by number: keeping and comparing each of a census's
    // seven million element names as text cost about a quarter of reading it.
    enum class Element : unsigned char {
        other, Message, Header, CollectionDetails, ReferenceDate, Children, Child, ChildIdentifiers, LAchildID,
        CINdetails, CINreferralDate, CINclosureDate, ReferralNFA, Assessments, AssessmentActualStartDate,
        AssessmentAuthorisationDate, Section47, S47ActualStartDate, DateOfInitialCPC, ICPCnotRequired,
        ChildProtectionPlans, CPPstartDate, CPPendDate, InitialCategoryOfAbuse, LatestCategoryOfAbuse, NumberOfPreviousCPP
    };
    static Element element_of(std::string_view name);
    [[nodiscard]] bool inside(Element element) const;
    [[nodiscard]] Element parent() const { return depth_ >= 2 ? path_[depth_ - 2] : Element::other; }
    std::optional<Date> date_of(std::string_view element, std::string_view value);
    void take_leaf(std::string_view element);
    void end_child();

    int year_;
    Pseudonymise pseudonymise_;
    // The open elements, outermost first: path_[0, depth_).
    std::vector<Element> path_;
    std::size_t depth_ = 0;
    std::string text_;
    int line_ = 0;  // of the element being read
    bool saw_message_ = false;
    bool saw_children_ = false;
    bool in_child_ = false;
    Child child_;  // the child being read, kept between children so its vectors are not made anew
    // Each LAchildID met (a deque: its strings never move, as numbered_ holds them where they are),
    // its number and the line of its <Child>, to refuse a second.
    std::deque<std::string> ids_;
    DenseNumbers numbered_;
    std::vector<int> first_line_;
    ParsedCensus out_;
};

// One line of text a child, their events sorted, to compare two imports of a year child by
// child (the import report's added, removed and unchanged count children).
std::vector<std::string> canonical_children(const CinCensus& census);

// The numbers the census's indicators are measured by (DOMAIN.md §5).
struct CinRules {
    int assessment_working_days = 45;  // from the referral to the assessment's authorisation
    int conference_working_days = 15;  // from the section 47 enquiry's start to the conference
    int re_referral_months = 12;
    int long_plan_months = 24;         // a plan ended after two years or more
    bool operator==(const CinRules&) const = default;
};

// Each of the rules a partnership may set, with what it may be set to (the database checks the
// same bounds). Re-referrals look back into one earlier census only, so at most 12 months.
struct CinRuleSetting {
    int CinRules::*field;
    std::string_view key;    // "assessment_working_days"
    std::string_view label;  // "Working days from referral to an assessment's authorisation"
    int min;
    int max;
};
const std::vector<CinRuleSetting>& cin_rule_settings();

// The census's indicators (cp_plans, cp_rate, cp_category_*, cp_started, cp_ended,
// cp_second_or_subsequent, cp_two_years_plus, icpc_in_15_days, referrals, re_referrals_12m,
// assessments_in_45_days) for the financial year and each of its quarters. `earlier` are the
// previous year's census's referrals, so a referral in April can be a re-referral; the same
// referral in both censuses is counted once. Nothing when the year has no census.
std::vector<IndicatorValue> compute_cin_year(int year, const CinCensus& census, const std::vector<CinReferral>& earlier,
                                             std::optional<std::int64_t> population, const WorkingCalendar& calendar,
                                             const CinRules& rules = {});

}  // namespace assure
