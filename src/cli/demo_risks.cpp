// The demo's risk register and escalations. Seed 004 (Sefton's arrangements) gives the risk
// register's purpose, "to identify areas of risk, record them in the risk register and escalate
// concerns to the safeguarding partners", and an escalation procedure whose stages run from
// practitioners to the partnership; seed 003 the same for professional challenge. Neither
// publishes its entries, so the risks and escalations here are illustrative of what such
// registers hold, in the seeds' own themes (partner funding, independent scrutiny, the dataset's
// returns, contextual safeguarding), recorded through the use cases like every other entry.
#include <array>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "app/partnership.hpp"
#include "app/registers.hpp"
#include "app/risk_indicators.hpp"
#include "cli/demo.hpp"

namespace assure::cli {
namespace {

struct DemoRisk {
    const char* title;
    const char* cause;
    const char* effect;
    const char* owner;  // a person of the demo directory, by name
    int lb, ib, la, ia;
    const char* controls;
    const char* raised_on;
    const char* review_on;
    const char* status;
    const char* closed_on;
    const char* escalated_on;
};

constexpr std::array<DemoRisk, 6> kRisks{{
    {"Partner contributions for 2017-18 not agreed", "The three statutory partners set their budgets at different times of year",
     "The business unit cannot commit to reviews, training or independent scrutiny beyond the summer", "Gareth Oduya", 4, 4, 3, 4,
     "Finance sub-group of the executive; contributions on every executive agenda until agreed", "2016-10-03", "2017-04-03", "open", "",
     "2016-12-05"},
    {"Too little independent scrutiny of frontline practice", "One independent scrutineer, part time, across three partners",
     "The partners are assured by what agencies report rather than by what children experience", "Helen Marsh", 3, 4, 2, 4,
     "Scrutiny plan agreed by the executive; young scrutineers' visits twice a year", "2016-06-01", "2017-06-01", "open", "", ""},
    {"Agencies' dataset returns arrive late or incomplete", "Health and police systems extract the figures by hand",
     "Scorecard indicators go red or blank and the performance group cannot judge trends", "Nadia Kowalski", 4, 3, 2, 3,
     "Named data lead in each agency; returns chased at ten working days", "2016-05-09", "2016-11-09", "open", "", ""},
    {"Contextual harm outside the home not seen across agencies", "Exploitation is recorded in each agency's own system and not joined up",
     "Children at risk of exploitation are not identified until harm has happened", "Fiona Greaves", 4, 5, 3, 5,
     "Multi-agency child exploitation panel; missing-from-home return interviews reported monthly", "2016-09-12", "2017-03-13", "open", "",
     "2017-01-16"},
    {"Serious case review recommendations not evidenced", "Actions are marked complete without evidence of impact",
     "The same learning recurs in the next review", "Marcus Hale", 3, 4, 1, 4,
     "Learning and improvement group signs off actions only with evidence of impact", "2015-11-02", "2016-11-02", "closed", "2016-12-12", ""},
    {"Loss of the partnership's training venue", "The council's building review", "Multi-agency training has nowhere to run",
     "Liam Brennan", 2, 2, 1, 2, "Venues offered by the college and the police", "2016-04-18", "2017-04-18", "open", "", ""},
}};

struct DemoEscalation {
    const char* reference;
    const char* raised_by;   // the agency's key in the demo directory
    const char* role;
    std::vector<const char*> agencies;
    const char* concern;
    std::array<const char*, 4> stages;
    const char* outcome;
    const char* closed_on;
    const char* learning;
};

const std::vector<DemoEscalation> kEscalations{
    {"ESC-2016-01", "knowsley-ccg", "Health visitor", {"knowsley-council"},
     "Whether a referral about a baby's bruising met the threshold for a strategy discussion", {"2016-05-09", "2016-05-12", "", ""},
     "resolved", "2016-05-16", "Reminded all practitioners that bruising in a non-mobile baby always needs a strategy discussion"},
    {"ESC-2016-02", "secondary-schools", "Designated safeguarding lead", {"knowsley-council"},
     "A child's case closed by children's social care while the school still had concerns", {"2016-06-06", "2016-06-15", "2016-06-27", ""},
     "resolved", "2016-07-04", "Closure letters now go to the school with the reasons"},
    {"ESC-2016-03", "merseyside-police", "Detective sergeant", {"knowsley-ccg", "knowsley-council"},
     "Information about a parent's mental health not shared before a strategy discussion", {"2016-09-05", "2016-09-09", "", ""},
     "resolved", "2016-09-13", ""},
    {"ESC-2016-04", "knowsley-council", "Social worker", {"nwbh"},
     "Adult mental health service would not attend a child protection conference", {"2016-11-07", "2016-11-18", "2016-12-05", "2017-01-09"},
     "resolved", "2017-02-06", "The partnership agreed a protocol for adult services attending conferences"},
    {"ESC-2017-01", "primary-schools", "Head teacher", {"knowsley-council", "merseyside-police"},
     "No feedback to the school after a domestic abuse notification", {"2017-01-16", "", "", ""}, "withdrawn", "2017-01-20", ""},
    {"ESC-2017-02", "yos", "Case manager", {"knowsley-council"},
     "Disagreement about accommodation for a 16-year-old released from custody", {"2017-02-20", "2017-02-27", "", ""}, "open", "", ""},
};

// A risk raised from the dataset. Knowsley keeps its own catalogue (adopted with its first
// import) and sets a target the default one leaves open: statutory guidance asks that a child
// coming home from being missing is offered a return interview within 72 hours, and the
// partnership aims to do so for 90% of them (amber to 85%). The council's returns (demo_dataset_
// returns.cpp) fall short: 79.3% in the fourth quarter, the latest with a figure while the third
// quarter's return is late, so the indicator is red and the business manager raised a risk from
// its page. Its title and description are the form's, worded from the computed figure.
constexpr const char* kRedIndicator = "missing_rhi_offered_72h";

void set_return_interview_target(Services& s, const Actor& bu) {
    s.store.write([&](Transaction& tx) {
        for (auto d : tx.dataset().catalogue(bu.partnership)) {
            if (d.code != kRedIndicator) continue;
            const nlohmann::json target = d.target ? nlohmann::json(*d.target) : nlohmann::json(nullptr);
            const auto before = nlohmann::json{{"target", target}, {"tolerance", d.tolerance}};
            d.target = 90.0;
            d.tolerance = 5.0;
            tx.dataset().put_indicator(bu.partnership, d);
            record_audit(tx, bu, s.clock.now(), "dataset.indicator.target", "dataset_indicator", d.code, before.dump(),
                         nlohmann::json{{"target", *d.target}, {"tolerance", d.tolerance}}.dump());
        }
    });
}

void raise_risk_from_red_indicator(Services& s, const Actor& bu, const std::map<std::string, PersonId>& people) {
    set_return_interview_target(s, bu);
    RiskInput in = risk_input_from_indicator(s, bu, kRedIndicator);
    if (in.title.empty()) throw std::logic_error(std::string("the demo's indicator ") + kRedIndicator + " is not red");
    in.cause = "Return interviews are arranged by a service that works office hours only";
    in.effect = "What a child says about where they went, and who with, is not heard in time to act on it";
    in.owner = people.at("Fiona Greaves").str();
    in.likelihood_before = "4";
    in.impact_before = "4";
    in.likelihood_after = "3";
    in.impact_after = "4";
    in.controls = "Missing coordinator reviews each child not offered an interview within 72 hours the next working day";
    in.raised_on = "2017-05-15";
    in.review_on = "2017-08-15";
    record_risk(s, bu, in);
}

}  // namespace

void load_demo_risks(Services& s, const std::map<std::string, AgencyId>& agencies, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    std::map<std::string, PersonId> people;
    for (const auto& p : list_people(s, bu, PersonFilter{})) people[p.name] = p.id;
    // Two of the action plan's actions reduce the recommendations risk.
    std::vector<std::string> actions;
    s.store.read([&](Transaction& tx) {
        ImprovementQuery q;
        q.partnership = bu.partnership;
        q.page.limit = 2;
        for (const auto& a : tx.learning().improvements(q).items) actions.push_back(a.id.str());
    });
    for (const auto& r : kRisks) {
        RiskInput in;
        in.title = r.title;
        in.cause = r.cause;
        in.effect = r.effect;
        in.owner = people.at(r.owner).str();
        in.likelihood_before = std::to_string(r.lb);
        in.impact_before = std::to_string(r.ib);
        in.likelihood_after = std::to_string(r.la);
        in.impact_after = std::to_string(r.ia);
        in.controls = r.controls;
        if (std::string(r.title).rfind("Serious case review", 0) == 0) in.actions = actions;
        in.raised_on = r.raised_on;
        in.review_on = r.review_on;
        in.status = r.status;
        in.closed_on = r.closed_on;
        in.escalated_on = r.escalated_on;
        record_risk(s, bu, in);
    }
    raise_risk_from_red_indicator(s, bu, people);
    for (const auto& e : kEscalations) {
        EscalationInput in;
        in.reference = e.reference;
        in.raised_by = agencies.at(e.raised_by).str();
        in.raised_by_role = e.role;
        for (const char* a : e.agencies) in.agencies.push_back(agencies.at(a).str());
        in.concern = e.concern;
        in.stage1_on = e.stages[0];
        in.stage2_on = e.stages[1];
        in.stage3_on = e.stages[2];
        in.stage4_on = e.stages[3];
        in.outcome = e.outcome;
        in.closed_on = e.closed_on;
        in.learning = e.learning;
        record_escalation(s, bu, in);
    }
}

}  // namespace assure::cli
