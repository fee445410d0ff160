// The demo's learning and improvement (data/demo/knowsley_learning.json): each record is made
// through the same use cases as the site, on the day it would have been recorded, so actions
// carry a real history and some are overdue or without a recent update.
#include <map>

#include "app/governance.hpp"
#include "app/learning.hpp"
#include "cli/demo.hpp"
#include "cli/demo_answers.hpp"

namespace assure::cli {
namespace {

using nlohmann::json;

struct ClockAt final : Clock {
    Instant at = 0;
    [[nodiscard]] Instant now() const override { return at; }
};

// Services whose clock says it is `months` months before today (negative: after), at noon.
struct Then {
    ClockAt clock;
    Services services;
    Then(Services& s, Date today, int months)
        : services{s.store, clock, s.hasher, s.tokens, s.sessions, s.sealer, s.calendar, s.defaults} {
        clock.at = add_months_clamped(today, -months).days() * 86400 + 12 * 3600;
    }
};

// The demo documents name agencies by key; the use cases take ids as text.
struct AgencyKeys {
    const std::map<std::string, AgencyId>& ids;
    std::string operator()(const json& key) const { return ids.at(key.get<std::string>()).str(); }
    std::vector<std::string> list(const json& keys) const {
        std::vector<std::string> out;
        for (const auto& k : keys) out.push_back((*this)(k));
        return out;
    }
};

Date months_from(Date today, int months_ago) { return add_months_clamped(today, -months_ago); }

}  // namespace

std::map<std::string, AuditCycle> load_demo_cycles(Services& s, const Actor& bu, const std::map<std::string, AgencyId>& agencies,
                                                   const nlohmann::json& list) {
    const Date today = london_today(s);
    const AgencyKeys agency{agencies};
    auto agency_list = [&](const json& keys) { return agency.list(keys); };
    const json answers_table = demo_document("audit_answers.json");
    std::string area;
    s.store.read([&](Transaction& tx) { area = tx.partnerships().find(bu.partnership)->area; });
    std::map<std::string, AuditCycle> cycles;
    for (const auto& c : list) {
        Then opened(s, today, c.at("opens_months_ago").get<int>());
        const CycleInput in{c.at("kind"), c.at("title"), months_from(today, c.at("opens_months_ago").get<int>()).iso(),
                            months_from(today, c.at("closes_months_ago").get<int>()).iso(), c.at("scale"), agency_list(c.at("invited"))};
        const AuditCycle cycle = create_cycle(opened.services, bu, in);
        cycles[c.at("key")] = cycle;
        for (const auto& r : c.at("returns")) {
            const int months_ago = r.at("submitted_months_ago").get<int>();
            Then submitted(s, today, months_ago);
            std::vector<AnswerInput> answers;
            const auto& grades = r.at("grades");
            for (std::size_t i = 0; i < cycle.standards.size() && i < grades.size(); ++i) {
                const auto& st = cycle.standards[i];
                const DemoAnswer words = demo_answer(answers_table, {cycle.kind, st.code, r.at("agency").get<std::string>(), grades[i].get<std::string>(),
                                                                            months_from(today, months_ago), area});
                answers.push_back({st.code, grades[i], words.narrative, words.evidence});
            }
            const AgencyId who{std::stoll(agency(r.at("agency")))};
            // The agency's own lead submits where the demo gives them an account; otherwise the
            // business unit enters the return the agency sent in.
            const Actor by = r.contains("by") ? demo_actor(s, r.at("by").get<std::string>()) : bu;
            AuditReturn ret = save_return(submitted.services, by, cycle.id, who, 0, answers, true, r.value("share", false));
            if (r.contains("moderated")) {
                std::vector<ModerationInput> moderation;
                for (const auto& [code, m] : r.at("moderated").items()) moderation.push_back({code, m.at(0), m.at(1)});
                moderate_return(submitted.services, bu, cycle.id, who, ret.version, moderation, r.value("challenge", ""));
            }
        }
    }
    return cycles;
}

void load_demo_learning(Services& s, const std::map<std::string, AgencyId>& agencies, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    const Date today = london_today(s);
    const json doc = demo_document("knowsley_learning.json");
    const AgencyKeys agency{agencies};
    auto agency_list = [&](const json& keys) { return agency.list(keys); };
    std::map<std::string, std::string> people, groups;
    s.store.read([&](Transaction& tx) {
        for (const auto& p : tx.people().list(bu.partnership, PersonFilter{})) people[p.email] = p.id.str();
        for (const auto& g : tx.governance().groups(bu.partnership)) groups[g.name] = g.id.str();
    });
    std::vector<Case> cases;
    s.store.read([&](Transaction& tx) {
        CaseQuery every;
        every.partnership = bu.partnership;
        every.page.limit = PageRequest::max_limit;  // the demo has a handful
        cases = tx.cases().list(every).items;
    });

    std::map<std::string, LearningSourceId> sources;
    for (const auto& src : doc.at("sources")) {
        Then then(s, today, src.at("months_ago").get<int>());
        SourceInput in;
        in.kind = src.at("kind");
        in.title = src.at("title");
        in.on = months_from(today, src.at("months_ago").get<int>()).iso();
        in.status = src.value("status", "complete");
        in.summary = src.value("summary", "");
        for (const auto& p : src.value("priorities", json::array())) in.priorities.push_back(p.get<std::string>());
        if (src.contains("review")) {  // the case whose child has this pseudonym
            for (const auto& c : cases) {
                for (const auto& child : c.children) if (child.pseudonym == src.at("review").get<std::string>()) in.review_id = c.id.str();
            }
        }
        in.agency_id = src.contains("agency") ? agency(src.at("agency")) : "";
        in.visitor = src.value("visitor", "");
        in.cases_audited = src.contains("cases_audited") ? std::to_string(src.at("cases_audited").get<int>()) : "";
        in.auditor_ids = agency_list(src.value("auditors", json::array()));
        in.voice = src.value("voice", "");
        // A planned source is recorded today; its date is when it will happen.
        Services& at = src.at("months_ago").get<int>() < 0 ? s : then.services;
        LearningSource made = create_source(at, bu, in);
        int version = made.version;
        for (const auto& f : src.value("findings", json::array())) {
            version = add_finding(at, bu, made.id, version, f.at(0), f.at(1)).version;
        }
        for (const auto& r : src.value("recommendations", json::array())) {
            version = add_source_recommendation(at, bu, made.id, version, r.at("text"), r.at("priority"), agency_list(r.at("agencies"))).version;
        }
        if (src.contains("review")) import_review_recommendations(at, bu, made.id, version);
        sources[src.at("key")] = made.id;
    }

    for (const auto& a : doc.at("actions")) {
        const int raised = a.at("months_ago").get<int>();
        Then then(s, today, raised);
        const ImprovementInput in{a.at("text"), agency(a.at("agency")), people.at(a.at("lead")),
                                  months_from(today, a.at("due_months_ago").get<int>()).iso(), a.at("measure"),
                                  groups.at(a.at("group")), ""};
        ImprovementAction made = create_improvement(then.services, bu, {sources.at(a.at("source")), a.at("recommendation").get<int>(), {}, ""}, in);
        for (const auto& step : a.at("steps")) {
            Then later(s, today, step.at("months_ago").get<int>());
            if (step.contains("evidence")) {
                const auto& e = step.at("evidence");
                made = add_improvement_evidence(later.services, bu, made.id, made.version, e.at(0), e.at(1), e.at(2));
            } else {
                made = update_improvement(later.services, bu, made.id, made.version, step.at("state"), step.at("note"));
            }
        }
    }

    const auto cycles = load_demo_cycles(s, bu, agencies, doc.at("cycles"));

    for (const auto& g : doc.at("gap_actions")) {
        Then then(s, today, g.at("months_ago").get<int>());
        const AuditCycle& cycle = cycles.at(g.at("cycle"));
        const ReturnView v = read_return(then.services, bu, cycle.id, AgencyId{std::stoll(agency(g.at("agency")))});
        const ImprovementInput in{g.at("text"), agency(g.at("agency")), people.at(g.at("lead")),
                                  months_from(today, g.at("due_months_ago").get<int>()).iso(), g.at("measure"), groups.at(g.at("group")), ""};
        const ImprovementAction made = create_improvement(then.services, bu, {{}, 0, v.ret.id, g.at("standard")}, in);
        update_improvement(then.services, bu, made.id, made.version, "agreed", "Agreed with the schools' representative.");
    }

    for (const auto& b : doc.at("briefings")) {
        Then then(s, today, b.at("months_ago").get<int>());
        BriefingInput in{b.at("kind"), b.at("title"), months_from(today, b.at("months_ago").get<int>()).iso(), b.at("audience"),
                         b.at("link"), std::to_string(b.at("reached").get<int>()), {}};
        for (const auto& key : b.at("sources")) in.source_ids.push_back(sources.at(key).str());
        create_briefing(then.services, bu, in);
    }
}

}  // namespace assure::cli
