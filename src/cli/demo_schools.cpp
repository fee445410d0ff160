// The demo's schools (issue 20 item 3; data/demo/knowsley_schools.json): the register imported
// as a Get Information about Schools download would come, in the numbers seed 001 gives; the
// Section 175 round of 2016/17 that seed 001 reports ("statutory for all education providers
// … completion and compliance monitored"), whose gaps are in recruitment, allegations and
// procedures as its findings were; and this year's Section 157 round for the academies, open,
// with a free school added to the register since it opened and not yet invited.
#include <algorithm>

#include "app/learning.hpp"
#include "app/schools.hpp"
#include "cli/demo.hpp"
#include "cli/demo_answers.hpp"
#include "cli/demo_clock.hpp"

namespace assure::cli {
namespace {

using nlohmann::json;

// The register as the download's CSV: every cell quoted (names have commas), quotes doubled.
std::string register_csv(const json& doc) {
    std::string csv;
    auto line = [&](const json& cells) {
        std::string out;
        for (const auto& c : cells) {
            std::string cell = c.get<std::string>();
            for (auto at = cell.find('"'); at != std::string::npos; at = cell.find('"', at + 2)) cell.insert(at, 1, '"');
            out += (out.empty() ? "\"" : ",\"") + cell + "\"";
        }
        csv += out + "\r\n";
    };
    line(doc.at("columns"));
    for (const auto& r : doc.at("settings")) line(r);
    return csv;
}

// The grade a demo school gives itself on a standard (red-amber-green), so the round's gaps
// fall where seed 001 found them: safer recruitment most, then allegations and procedures.
std::string grade_for(int school, const std::string& code) {
    if (code == "5") return school == 13 ? "red" : school % 6 == 1 ? "amber" : "green";
    if (code == "6") return school % 9 == 2 ? "amber" : "green";
    if (code == "3") return school % 11 == 4 ? "amber" : "green";
    if (code == "7") return school % 13 == 5 ? "amber" : "green";
    return "green";
}

// Every invited setting but those in `missing` submits, on a day spread over the round.
void submit_returns(Services& s, const Actor& bu, const AuditCycle& cycle, const std::vector<int>& missing, int submitting, const std::string& area) {
    const json answers_table = demo_document("audit_answers.json");
    for (std::size_t i = 0; i < cycle.invited.size() && static_cast<int>(i) < submitting; ++i) {
        const int n = static_cast<int>(i);
        if (std::find(missing.begin(), missing.end(), n) != missing.end()) continue;
        const Date day = Date::from_days(cycle.opens.days() + 14 + (n * 3) % 60);
        ServicesOn on(s, day);
        std::vector<AnswerInput> answers;
        for (const auto& st : cycle.standards) {
            const std::string grade = grade_for(n, st.code);
            const DemoAnswer words = demo_answer(answers_table, {AuditKind::section_175, st.code, "school", grade, day, area});
            answers.push_back({st.code, grade, words.narrative, words.evidence});
        }
        const AuditReturn ret = save_return(on.services, bu, cycle.id, cycle.invited[i], 0, answers, true);
        if (n == 7) {  // challenged at the session: two prohibition checks missing from the record
            moderate_return(on.services, bu, cycle.id, cycle.invited[i], ret.version,
                            {{"5", "amber", "The single central record sampled at the challenge session lacked two prohibition checks."}},
                            "Challenge session: the school agreed to complete the record and to have a governor check it each term.");
        }
    }
}

}  // namespace

void load_demo_schools(Services& s, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    const json doc = demo_document("knowsley_schools.json");
    std::string area;
    s.store.read([&](Transaction& tx) { area = tx.partnerships().find(bu.partnership)->area; });

    {
        ServicesOn on(s, Date{2016, 9, 5});
        import_schools(on.services, bu, register_csv(doc));
    }
    {
        ServicesOn on(s, Date{2016, 10, 3});
        const AuditCycle round = start_school_round(on.services, bu, {"Section 175 audit 2016/17", "section_175", "2016-10-03", "2017-01-31", "rag", {}});
        submit_returns(s, bu, round, {20, 37, 50}, static_cast<int>(round.invited.size()), area);
    }
    const Date today = london_today(s);
    {
        const Date opens = add_months_clamped(today, -1);
        ServicesOn on(s, opens);
        const AuditCycle round = start_school_round(on.services, bu,
                                                    {"Section 157 audit " + std::to_string(opens.year), "section_157", opens.iso(),
                                                     add_months_clamped(today, 2).iso(), "rag", {}});
        submit_returns(s, bu, round, {}, 3, area);
    }
    const json& later = doc.at("opened_later");
    add_school(s, bu, {later.at(0), later.at(1), later.at(2), later.at(3), later.at(4), later.at(5)});
}

}  // namespace assure::cli
