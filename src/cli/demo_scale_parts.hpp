#pragma once
// The parts of the England-scale generator (cli/demo_scale.hpp), one file per area. Each writes
// one partnership's records inside the caller's write transaction.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "cli/demo_scale.hpp"

namespace assure::cli::scale {

// A small, fast, seeded generator (SplitMix64): the same seed gives the same England.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
    template <class T>
    const T& pick(const std::vector<T>& from) { return from[static_cast<std::size_t>(below(static_cast<int>(from.size())))]; }

private:
    std::uint64_t state_;
};

// One partnership being generated: its directory, its accounts and the span of its years.
struct Area {
    Area(Services& s, Transaction& t, Rng r, ScaleReport& rep) : services(s), tx(t), rng(r), report(rep) {}
    Services& services;
    Transaction& tx;
    Rng rng;
    ScaleReport& report;
    int index = 0;          // 0-based, in the order generated
    std::string place;      // "Ashford"
    Partnership partnership;
    std::vector<Agency> agencies;
    std::vector<Person> people;
    std::vector<User> users;
    Actor business_unit;
    Date first_day;         // the first day of the years generated
    Date today;             // in England
    std::vector<GroupId> groups;
    std::map<GroupId, std::vector<PersonId>> members;
    std::vector<CaseId> cases;
    std::vector<CaseId> local_reviews;  // cases decided on a local practice review, oldest first
    std::map<CaseId, Date> case_decided;

    void count(const std::string& table, std::int64_t n = 1) { report.rows[table] += n; }
    // A working-hours instant on a day, so the trail reads as a working day would.
    [[nodiscard]] Instant at(Date d, int minute_of_day = 600) const { return london_midnight(d) + minute_of_day * 60; }
    Instant at_random(Date d) { return at(d, rng.between(8 * 60, 18 * 60)); }
    // Appends an audit row made by the business unit, as the use cases write them.
    void audit(Date on, const std::string& action, const std::string& type, const std::string& id, const std::string& after);
    [[nodiscard]] const Person& person(PersonId id) const;
    std::vector<AgencyId> some_agencies(int n);
};

// A weekday on or after `d` (meetings and statutory steps fall on working days).
Date weekday_on_or_after(Date d);
Date add_days(Date d, int n);

void write_directory(Area& area, const std::string& password_hash);
void write_governance(Area& area);
void write_reviews(Area& area);
void write_learning(Area& area);
void write_access_log(Area& area);

}  // namespace assure::cli::scale
