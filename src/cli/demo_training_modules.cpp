// The demo's online modules (seed 001 Appendix A): the seven Virtual College modules of 2016/17,
// and the provider's report of that year imported as the training officer would, through the
// same import as the page: 925 practitioners applied and 701 completed their module, spread
// over the partnership's agencies. Nothing is typed as a figure; the figures count these rows.
#include <algorithm>
#include <array>
#include <map>

#include "app/training_modules.hpp"
#include "cli/demo.hpp"
#include "cli/demo_clock.hpp"
#include "cli/demo_training.hpp"

namespace assure::cli {
namespace {

struct DemoModule {
    const char* title;
    int applied, completed;
};
// Seed 001's list; the applications and completions add up to its 925 and 701.
constexpr std::array<DemoModule, 7> kModules{{
    {"An Introduction to FGM, Forced Marriage, Spirit Possession and Honour Based Violence", 180, 140},
    {"Awareness of Domestic Violence and Abuse", 165, 128},
    {"Hate Crime", 70, 50},
    {"Safer Recruitment", 150, 118},
    {"Safeguarding Children from Abuse by Sexual Exploitation", 160, 120},
    {"Trafficking, Exploitation and Modern Slavery", 110, 80},
    {"Working with Children with Disabilities", 90, 65},
}};

// The organisations practitioners gave, in turn: mostly the partnership's agencies by name, and
// now and then one the report names that is not an agency of the partnership.
constexpr std::array<const char*, 11> kOrganisationTurns{"knowsley-council", "primary-schools", "icb", "knowsley-council", "secondary-schools",
                                                         "mersey-care", "merseyside-police", "kht", "education-services", "knowsley-council", ""};
constexpr std::array<const char*, 10> kFirst{"Rebecca", "Daniel", "Natalie", "Imran", "Louise", "Mark", "Gemma", "Stephen", "Farah", "Chris"};
constexpr std::array<const char*, 9> kLast{"Atherton", "Bell", "Cunningham", "Dunne", "Fletcher", "Gallagher", "Harrison", "Lowe", "Nolan"};

std::string quoted(const std::string& cell) {
    std::string out = "\"";
    for (const char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

void load_demo_online_modules(Services& s, const Actor& business_unit, const std::map<std::string, AgencyId>& agencies) {
    std::map<std::int64_t, std::string> names;
    s.store.read([&](Transaction& tx) {
        for (const auto& a : tx.agencies().list(business_unit.partnership, true)) names[a.id.value] = a.name;
    });
    const auto organisation = [&](int n) -> std::string {
        const std::string key = kOrganisationTurns[static_cast<std::size_t>(n) % kOrganisationTurns.size()];
        if (key.empty()) return n % 2 == 0 ? "Agency social worker (locum)" : "";
        const auto a = agencies.find(key);
        return a == agencies.end() ? std::string() : names[a->second.value];
    };
    {
        ServicesOn before(s, Date{2016, 3, 14});
        for (const auto& m : kModules) add_module(before.services, business_unit, ModuleInput{m.title, "Virtual College", "https://elearning.virtual-college.example/knowsley", true});
    }
    const auto row = [&](const DemoModule& m, int n, Date applied, bool started, bool completed) {
        const std::string name = std::string(kFirst[static_cast<std::size_t>(n) % kFirst.size()]) + " " + kLast[static_cast<std::size_t>(n / 10) % kLast.size()];
        return quoted(m.title) + "," + quoted(name) + ",online" + std::to_string(n + 1) + "@knowsley.example," + quoted(organisation(n)) + "," +
               applied.iso() + "," + (started ? Date::from_days(applied.days() + 1 + n % 6).iso() : "") + "," +
               (completed ? Date::from_days(applied.days() + 8 + n % 13).iso() : "") + "\n";
    };
    const std::string headings = "Module,Name,Email,Organisation,Applied,Started,Completed\n";
    std::string report = headings;
    int person = 0;
    for (const auto& m : kModules) {
        // Applications through the year; a module started within a week and, for most, completed within three.
        for (int k = 0; k < m.applied; ++k, ++person) {
            // Exactly m.completed of them, spread evenly through the year.
            const bool completed = ((k + 1) * m.completed) / m.applied != (k * m.completed) / m.applied;
            report += row(m, person, Date::from_days(Date{2016, 4, 4}.days() + (k * 355) / m.applied), completed || k % 3 != 0, completed);
        }
    }
    {
        ServicesOn after(s, Date{2017, 4, 21});
        import_enrolments(after.services, business_unit, report);
    }
    // This year's report so far: a few applications a week over the last four months, the most
    // recent not yet started.
    const Date today = london_today(s);
    const Date from = std::max(FinancialYear::of(today).first_day(), Date::from_days(today.days() - 120));
    report = headings;
    for (int k = 0; from.days() + k * 2 < today.days() - 1; ++k, ++person) {
        const Date applied = Date::from_days(from.days() + k * 2);
        const bool recent = applied.days() > today.days() - 21;
        report += row(kModules[static_cast<std::size_t>(k) % kModules.size()], person, applied, !recent, !recent && k % 4 != 0);
    }
    if (report != headings) import_enrolments(s, business_unit, report);
}

}  // namespace assure::cli
