// The demo's per-case audit (issue 20 item 5): the neglect multi-agency audit's ten cases, each
// graded by the agencies that knew the family and most agreed at a moderation meeting, so the
// grades lean where seed 001's findings did: the child's voice hard to evidence, the graded care
// profile not used consistently to weigh the risk, good recognition of neglect and of the
// family's history.
#include <map>
#include <optional>
#include <stdexcept>

#include "app/case_audits.hpp"
#include "app/learning.hpp"
#include "cli/demo.hpp"
#include "cli/demo_clock.hpp"

namespace assure::cli {
namespace {

struct DemoCase {
    const char* pseudonym;
    const char* summary;
    std::vector<const char*> agencies;  // the directory's names
};

const DemoCase kCases[] = {
    {"Case A", "Three children under eight; poor home conditions and missed health appointments.", {"Knowsley Council", "NHS Cheshire and Merseyside Integrated Care Board (Knowsley place)", "Knowsley Council Education Services"}},
    {"Case B", "A baby and a toddler; parental alcohol misuse.", {"Knowsley Council", "NHS Cheshire and Merseyside Integrated Care Board (Knowsley place)"}},
    {"Case C", "A teenager often absent from school; the home without heating.", {"Knowsley Council", "Knowsley Council Education Services", "Knowsley Housing Trust"}},
    {"Case D", "Two children; a parent with poor mental health.", {"Knowsley Council", "NHS Cheshire and Merseyside Integrated Care Board (Knowsley place)"}},
    {"Case E", "Four children; rent arrears and an eviction notice.", {"Knowsley Council", "Knowsley Housing Trust"}},
    {"Case F", "A child with dental decay and low weight.", {"Knowsley Council", "NHS Cheshire and Merseyside Integrated Care Board (Knowsley place)", "Knowsley Council Education Services"}},
    {"Case G", "Siblings left alone in the evenings.", {"Knowsley Council", "Knowsley Council Education Services"}},
    {"Case H", "A child with a disability whose needs were not met at home.", {"Knowsley Council", "NHS Cheshire and Merseyside Integrated Care Board (Knowsley place)"}},
    {"Case I", "A family moving between addresses; domestic abuse in the past.", {"Knowsley Council", "Knowsley Housing Trust"}},
    {"Case J", "Young parents; a baby not brought to appointments.", {"Knowsley Council", "NHS Cheshire and Merseyside Integrated Care Board (Knowsley place)"}},
};

// An agency's own grade: the child's voice (1) and the weighing of risk (4) weaker, the rest
// mostly good, varying by case and agency so no two audits read alike.
std::string grade_for(int c, int agency, const std::string& code) {
    if (code == "1") return (c + agency) % 4 == 0 ? "2" : "3";
    if (code == "4") return (c * 2 + agency) % 5 < 3 ? "3" : "2";
    if (code == "3") return (c + agency) % 3 == 0 ? "3" : "2";
    return (c + agency) % 7 == 0 ? "1" : "2";
}

const char* comment_for(const std::string& code, const std::string& grade) {
    const bool weak = grade == "3" || grade == "4";
    if (code == "1") return weak ? "The child was seen, but their own words are not recorded; observations of the child are." : "The child's wishes are recorded in their words.";
    if (code == "4") return weak ? "No graded care profile; the risk was not reviewed when the family moved." : "The graded care profile was used and reviewed.";
    if (code == "3") return weak ? "Health learned of the referral three weeks late." : "Information shared at each core group.";
    return weak ? "Partly evidenced." : "Evidenced in the records.";
}

}  // namespace

void load_demo_case_audits(Services& s, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    std::optional<LearningSource> audit;
    std::map<std::string, AgencyId> agencies;
    s.store.read([&](Transaction& tx) {
        SourceQuery q{bu.partnership, SourceKind::thematic_audit, "", "Neglect multi-agency audit", std::nullopt, std::nullopt, {}};
        q.page.limit = 10;
        for (auto& src : tx.learning().sources(q).items) {
            if (src.title == "Neglect multi-agency audit") audit = std::move(src);
        }
        for (const auto& a : tx.agencies().list(bu.partnership, true)) agencies.emplace(a.name, a.id);
    });
    if (!audit) throw std::logic_error("the demo has no neglect audit");
    ServicesOn on(s, audit->on);
    int n = 0;
    for (const auto& c : kCases) {
        std::vector<std::string> ids;
        for (const char* name : c.agencies) ids.push_back(agencies.at(name).str());
        const AuditedCase added = add_audited_case(on.services, bu, audit->id, {c.pseudonym, c.summary, ids});
        std::vector<CaseAnswer> agreed;
        int k = 0;
        for (const char* name : c.agencies) {
            std::vector<CaseAnswer> answers;
            for (const auto& q : default_case_audit_questions()) {
                const std::string g = grade_for(n, k, q.code);
                answers.push_back({q.code, g, comment_for(q.code, g)});
            }
            if (k == 0) agreed = answers;
            save_agency_case_audit(on.services, bu, audit->id, added.id, agencies.at(name), 0, answers, true);
            ++k;
        }
        if (n < 8) {  // the last two cases wait for the next moderation meeting
            const Date meeting = Date::from_days(audit->on.days() + 21);
            ServicesOn met(s, meeting);
            moderate_audited_case(met.services, bu, audit->id, added.id, 0, meeting.iso(), agreed,
                                  "The agencies agreed the council's grades after reading each other's audits.");
        }
        ++n;
    }
}

}  // namespace assure::cli
