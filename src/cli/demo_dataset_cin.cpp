// Knowsley's 2015/16 children in need census, as the XML the local authority sends the DfE,
// made to fit seed 001's figures for that year: 208 children subject of a plan at 31 March
// 2016, and 14.4% of the plans started in the year second or subsequent (18 of 125). The rest
// (about 3,000 referrals, assessments and conferences mostly on time) is plausible, not
// published. 2016/17's child protection figures stay the local authority's quarterly returns.
#include <cstdio>

#include "cli/demo_dataset.hpp"
#include "core/dataset.hpp"

namespace assure::cli {
namespace {

constexpr const char* kCategoriesAtYearEnd[] = {"EMO", "NEG", "PHY", "SAB"};

Date plus_days(Date d, std::int64_t n) { return Date::from_days(d.days() + n); }

class CensusWriter {
public:
    explicit CensusWriter(Date reference) : reference_(reference) {
        xml_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header>\n<CollectionDetails><Collection>CIN</Collection><Year>" +
               std::to_string(reference.year) + "</Year><ReferenceDate>" + reference.iso() +
               "</ReferenceDate></CollectionDetails>\n<Source><SourceLevel>L</SourceLevel><LEA>340</LEA></Source>\n</Header>\n<Children>\n";
    }
    void open_child() {
        char id[16];
        std::snprintf(id, sizeof id, "KC%06d", ++children_);
        xml_ += "<Child>\n<ChildIdentifiers><LAchildID>" + std::string(id) + "</LAchildID><UPNunknown>UN1</UPNunknown></ChildIdentifiers>\n";
    }
    void close_child() { xml_ += "</Child>\n"; }
    void open_episode(Date referred, std::optional<Date> closed) {
        xml_ += "<CINdetails>\n<CINreferralDate>" + referred.iso() + "</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>";
        if (known(closed)) xml_ += "<CINclosureDate>" + closed->iso() + "</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure>";
        xml_ += "<ReferralNFA>false</ReferralNFA>\n";
    }
    void close_episode() { xml_ += "</CINdetails>\n"; }
    void assessment(Date started, std::optional<Date> authorised) {
        xml_ += "<Assessments><AssessmentActualStartDate>" + started.iso() + "</AssessmentActualStartDate>";
        if (known(authorised)) xml_ += "<AssessmentAuthorisationDate>" + authorised->iso() + "</AssessmentAuthorisationDate>";
        xml_ += "<FactorsIdentifiedAtAssessment><AssessmentFactors>3A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>\n";
    }
    void enquiry(Date started, std::optional<Date> conference) {
        xml_ += "<Section47><S47ActualStartDate>" + started.iso() + "</S47ActualStartDate>";
        xml_ += known(conference) ? "<DateOfInitialCPC>" + conference->iso() + "</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired>"
                                  : std::string("<ICPCnotRequired>true</ICPCnotRequired>");
        xml_ += "</Section47>\n";
    }
    void plan(Date started, std::optional<Date> ended, const char* category, int previous) {
        xml_ += "<ChildProtectionPlans><CPPstartDate>" + started.iso() + "</CPPstartDate>";
        if (known(ended)) xml_ += "<CPPendDate>" + ended->iso() + "</CPPendDate>";
        xml_ += std::string("<InitialCategoryOfAbuse>") + category + "</InitialCategoryOfAbuse><LatestCategoryOfAbuse>" + category +
                "</LatestCategoryOfAbuse><NumberOfPreviousCPP>" + std::to_string(previous) + "</NumberOfPreviousCPP></ChildProtectionPlans>\n";
    }
    std::string finish() { return xml_ + "</Children>\n</Message>\n"; }

private:
    // A census holds nothing after its reference date.
    [[nodiscard]] bool known(const std::optional<Date>& d) const { return d && *d <= reference_; }
    Date reference_;
    std::string xml_;
    int children_ = 0;
};

}  // namespace

std::string demo_cin_census_2015() {
    const DatasetPeriod year{2015, 0};
    CensusWriter w(year.end());
    int open_at_end = 0;
    auto category_at_end = [&] {
        const int i = open_at_end++;  // 96 emotional abuse, 92 neglect, 8 physical, 12 sexual: 208
        return kCategoriesAtYearEnd[i < 96 ? 0 : i < 188 ? 1 : i < 196 ? 2 : 3];
    };
    // 108 on a plan from before the year and still at its end.
    for (int i = 0; i < 108; ++i) {
        const Date referred = plus_days(Date{2013, 5, 1}, i * 6);
        w.open_child();
        w.open_episode(referred, std::nullopt);
        w.enquiry(plus_days(referred, 2), plus_days(referred, 16));
        w.plan(plus_days(referred, 16), std::nullopt, category_at_end(), i % 9 == 0 ? 1 : 0);
        w.close_episode();
        w.close_child();
    }
    // 90 whose plan from before the year ended in it; those from 2013 after two years or more.
    for (int i = 0; i < 90; ++i) {
        const Date started = plus_days(Date{2013, 3, 1}, i * 8);
        const Date ended = plus_days(year.start(), 10 + i * 3);
        w.open_child();
        w.open_episode(plus_days(started, -14), plus_days(ended, 20));
        w.plan(started, ended, "NEG", 0);
        w.close_episode();
        w.close_child();
    }
    // 3,000 referred in the year. The first 125 go on to a plan (18 of them not their first);
    // 25 of those plans end by March. Every sixth of the others is referred again four months on.
    for (int i = 0; i < 3000; ++i) {
        const Date referred = plus_days(year.start(), i * 360 / 3000);
        const bool on_plan = i % 20 == 0 && i / 20 < 125;  // referred by January, so each conference is by March
        w.open_child();
        if (!on_plan && i % 6 == 1 && referred < Date{2015, 11, 1}) {
            w.open_episode(referred, plus_days(referred, 35));
            w.assessment(plus_days(referred, 1), plus_days(referred, 30));
            w.close_episode();
            const Date again = plus_days(referred, 120);
            w.open_episode(again, plus_days(again, 50));
            w.assessment(plus_days(again, 2), plus_days(again, 40));
            w.close_episode();
            w.close_child();
            continue;
        }
        // Most assessments are authorised within 45 working days; every seventh takes 80 days.
        const std::optional<Date> authorised = plus_days(referred, i % 7 == 0 ? 80 : 20 + i % 20);
        w.open_episode(referred, on_plan ? std::nullopt : std::optional(plus_days(referred, 95)));
        w.assessment(plus_days(referred, 1), authorised);
        if (on_plan) {
            const int n = i / 20;
            const Date enquiry = plus_days(referred, 3);
            const Date conference = plus_days(enquiry, n % 20 == 0 ? 30 : 14);  // every twentieth conference late
            w.enquiry(enquiry, conference);
            const bool ends = n < 25;
            w.plan(conference, ends ? std::optional(plus_days(conference, 150)) : std::nullopt, ends ? "PHY" : category_at_end(), n % 7 == 3 ? 1 : 0);
        } else if (i % 10 == 5) {
            w.enquiry(plus_days(referred, 2), std::nullopt);  // no conference needed
        }
        w.close_episode();
        w.close_child();
    }
    return w.finish();
}

}  // namespace assure::cli
