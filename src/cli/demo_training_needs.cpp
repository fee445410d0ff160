// The demo's training needs analysis (seed 004: "Undertake a bi-annual training needs analysis"):
// opened five weeks ago for the partnership's agencies outside schools (the schools answer through
// their Section 175 audits), about the courses of the offer and two topics it does not cover yet.
// The council's and probation's leads submitted their own returns; the training team entered
// paper returns for others; the police have a draft; the housing trust has not started, so its
// lead has one to fill in. Every figure on the analysis's page is counted from these returns.
#include <map>

#include "app/training_needs.hpp"
#include "cli/demo.hpp"
#include "cli/demo_clock.hpp"
#include "cli/demo_training.hpp"

namespace assure::cli {
namespace {

struct DemoReturn {
    const char* agency;  // the directory's key
    const char* lead;    // the account that answers, "" for the training team entering a paper return
    int days_after_opening;
    bool submitted;
    int workforce, trained;
    // Staff needing each topic, in the order asked: the offer's courses by title, then the two others.
    std::vector<int> needs;
    const char* gaps;
};

}  // namespace

void load_demo_training_needs(Services& s, const Actor& business_unit, const std::map<std::string, AgencyId>& agencies) {
    const Date today = london_today(s);
    const Date opened = Date::from_days(today.days() - 33);
    NeedsAnalysis a;
    {
        ServicesOn on(s, opened);
        NeedsAnalysisInput in;
        in.title = "Training needs analysis " + std::to_string(opened.year) + " to " + std::to_string(opened.year + 2);
        in.opens = opened.iso();
        in.closes = Date::from_days(today.days() + 14).iso();
        for (const auto& c : needs_offer(on.services, business_unit)) in.courses.push_back(c.id);
        in.other_topics = "Contextual safeguarding and exploitation outside the home\nOnline harm and image sharing";
        in.sectors = {"local_authority", "police", "health", "justice", "housing", "fire_rescue", "voluntary_community", "faith"};
        a = open_needs_analysis(on.services, business_unit, in);
    }
    const std::size_t topics = a.topics.size();
    const std::vector<DemoReturn> returns{
        {"knowsley-council", "nadia.kowalski@knowsley-council.example", 12, true, 1450, 1120, {}, "Managers want a course on supervising practitioners after a serious incident."},
        {"probation", "yvonne.clarke@probation.example", 20, true, 120, 96, {}, ""},
        {"mersey-care", "", 26, true, 910, 615, {}, "Adult mental health staff who see parents: think family, not only the patient."},
        {"yos", "", 15, true, 48, 41, {}, ""},
        {"mfrs", "", 28, true, 160, 118, {}, "Crews on home safety visits: spotting neglect in the home."},
        {"youth-mutual", "", 30, true, 62, 37, {}, "Volunteers need the basics, in the evenings."},
        {"merseyside-police", "", 22, false, 380, 0, {}, ""},
    };
    for (std::size_t i = 0; i < returns.size(); ++i) {
        const DemoReturn& d = returns[i];
        const auto agency = agencies.find(d.agency);
        if (agency == agencies.end()) continue;
        ServicesOn on(s, Date::from_days(opened.days() + d.days_after_opening));
        const Actor who = *d.lead != '\0' ? demo_actor(on.services, d.lead) : business_unit;
        NeedsReturnInput in;
        in.workforce = std::to_string(d.workforce);
        if (d.submitted) in.trained = std::to_string(d.trained);
        // Each topic's need a share of those not yet trained: the core course the most, then its
        // refresher and online harm, the rest fewer, varying by agency.
        const int untrained = d.workforce - d.trained;
        for (std::size_t t = 0; t < topics; ++t) {
            if (!d.submitted && t >= 2) {
                in.needs.push_back("");
                continue;
            }
            const std::string& title = a.topics[t].title;
            const int share = title == "Working Together to Safeguard Children" ? 45
                              : title == "WTSC Refresher" || title.starts_with("Online harm") ? 25
                                                                                              : 4 + static_cast<int>((t * 7 + i * 3) % 12);
            in.needs.push_back(std::to_string(d.submitted ? untrained * share / 100 : d.workforce * share / 400));
        }
        in.gaps = d.gaps;
        const auto current = read_needs_return(on.services, who, a.id, agency->second);
        save_needs_return(on.services, who, a.id, agency->second, current.answer.version, in, d.submitted);
    }
}

}  // namespace assure::cli
