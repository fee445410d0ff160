// England in one place: the driver. Each partnership is written in one write transaction,
// straight through the repositories, so 150 partnerships × 10 years take minutes, not hours.
#include "cli/demo_scale.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "cli/demo_scale_parts.hpp"

namespace assure::cli {

std::int64_t ScaleReport::total() const {
    std::int64_t n = 0;
    for (const auto& [table, written] : rows) n += written;
    return n;
}

namespace scale {

Date add_days(Date d, int n) { return Date::from_days(d.days() + n); }

Date weekday_on_or_after(Date d) {
    while (d.weekday() >= 5) d = add_days(d, 1);
    return d;
}

void Area::audit(Date on, const std::string& action, const std::string& type, const std::string& id, const std::string& after) {
    record_audit(tx, business_unit, at_random(on), action, type, id, "", after);
    count("audit_log");
}

const Person& Area::person(PersonId id) const {
    for (const auto& p : people) {
        if (p.id == id) return p;
    }
    throw std::logic_error("no person " + id.str() + " in " + partnership.slug);
}

std::vector<AgencyId> Area::some_agencies(int n) {
    std::vector<AgencyId> out;
    for (int tries = 0; static_cast<int>(out.size()) < n && tries < 4 * n; ++tries) {
        const AgencyId a = rng.pick(agencies).id;
        if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    }
    return out;
}

}  // namespace scale

namespace {

// English places, for partnership names; past the end of the list they repeat with a number.
const std::vector<std::string>& places() {
    static const std::vector<std::string> all = {
        "Ashford", "Barnsley", "Bedford", "Blackburn", "Blackpool", "Bolton", "Bournemouth", "Bracknell", "Bradford",
        "Brent", "Brighton", "Bristol", "Bromley", "Bury", "Calderdale", "Camden", "Cheshire", "Cornwall", "Coventry",
        "Croydon", "Cumbria", "Darlington", "Derby", "Devon", "Doncaster", "Dorset", "Dudley", "Durham", "Ealing",
        "Enfield", "Essex", "Gateshead", "Gloucestershire", "Greenwich", "Hackney", "Halton", "Hampshire", "Haringey",
        "Harrow", "Hartlepool", "Havering", "Herefordshire", "Hertfordshire", "Hillingdon", "Hounslow", "Hull",
        "Islington", "Kent", "Kingston", "Kirklees", "Knowsley", "Lambeth", "Lancashire", "Leeds", "Leicester",
        "Lewisham", "Lincolnshire", "Liverpool", "Luton", "Manchester", "Medway", "Merton", "Middlesbrough",
        "Newcastle", "Newham", "Norfolk", "Northumberland", "Nottingham", "Oldham", "Oxfordshire", "Peterborough",
        "Plymouth", "Portsmouth", "Reading", "Redbridge", "Rochdale", "Rotherham", "Salford", "Sandwell", "Sefton",
        "Sheffield", "Shropshire", "Slough", "Solihull", "Somerset", "Southampton", "Southwark", "Staffordshire",
        "Stockport", "Stockton", "Suffolk", "Sunderland", "Surrey", "Sutton", "Swindon", "Tameside", "Telford",
        "Thurrock", "Torbay", "Trafford", "Wakefield", "Walsall", "Wandsworth", "Warrington", "Warwickshire",
        "Wigan", "Wiltshire", "Wirral", "Wokingham", "Wolverhampton", "Worcestershire", "York"};
    return all;
}

std::string place_of(int index) {
    const auto& all = places();
    const auto n = static_cast<int>(all.size());
    return all[static_cast<std::size_t>(index % n)] + (index >= n ? " " + std::to_string(index / n + 1) : "");
}

}  // namespace

ScaleReport load_england(Services& s, const ScaleOptions& o, const std::function<void(int, const ScaleReport&)>& progress) {
    if (o.partnerships < 1 || o.years < 1) throw std::invalid_argument("--partnerships and --years must be at least 1");
    if (o.password.size() < kMinPasswordLength) {
        throw std::invalid_argument("give every account a password of at least " + std::to_string(kMinPasswordLength) +
                                    " characters (--password)");
    }
    ScaleReport report;
    // One hash for every account: hashing is deliberately slow, and the accounts share a password.
    const std::string password_hash = s.hasher.hash(o.password);
    const Date today = london_today(s);
    for (int i = 0; i < o.partnerships; ++i) {
        s.store.write([&](Transaction& tx) {
            scale::Area area(s, tx, scale::Rng(o.seed * 1000003ULL + static_cast<std::uint64_t>(i)), report);
            area.index = i;
            area.place = place_of(i);
            area.today = today;
            area.first_day = Date{today.year - o.years, today.month, std::min(today.day, 28)};
            scale::write_directory(area, password_hash);
            scale::write_governance(area);
            scale::write_reviews(area);
            scale::write_learning(area);
            scale::write_access_log(area);
            if (i == 0) {
                for (const auto& u : area.users) {
                    report.first_partnership_accounts.push_back(
                        {area.partnership.name, std::string(role_key(u.role)), u.email, u.display_name, o.password});
                }
            }
        });
        if (progress) progress(i + 1, report);
    }
    return report;
}

}  // namespace assure::cli
