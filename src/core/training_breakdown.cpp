// Training by sector, by quarter, and the training pool's sufficiency (core/training_breakdown.hpp).
#include "core/training_breakdown.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/partnership.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr std::array<const char*, 4> kQuarterMonths{"April to June", "July to September", "October to December", "January to March"};

}  // namespace

Date quarter_start(FinancialYear year, int quarter) {
    const int month = 4 + 3 * quarter;
    return month > 12 ? Date{year.start + 1, month - 12, 1} : Date{year.start, month, 1};
}

std::string quarter_label(FinancialYear year, int quarter) {
    return std::string(kQuarterMonths.at(static_cast<std::size_t>(quarter))) + " " + std::to_string(quarter == 3 ? year.start + 1 : year.start);
}

TrainingBreakdown training_breakdown(FinancialYear year, const TrainingBreakdownCounts& counts) {
    TrainingBreakdown out;
    for (const auto& l : counts.by_sector) {
        TrainingCountLine named = l;
        named.name = l.name.empty() ? "No agency given" : std::string(sector_label(l.name));
        out.by_sector.push_back(figure_line(named));
    }
    std::stable_sort(out.by_sector.begin(), out.by_sector.end(), [](const auto& a, const auto& b) {
        if (a.delegates != b.delegates) return a.delegates > b.delegates;
        return a.name < b.name;
    });
    for (int q = 0; q < 4; ++q) out.by_quarter.push_back(figure_line({quarter_label(year, q), counts.by_quarter.at(static_cast<std::size_t>(q))}));
    return out;
}

TrainingPool training_pool(const std::vector<TrainerCount>& counts) {
    std::map<std::string, PoolTrainer> trainers;
    std::map<std::string, std::set<std::string>> courses_of_trainer;
    std::map<std::string, PoolCourse> courses;
    std::map<std::string, std::set<std::string>> trainers_of_course;
    for (const auto& c : counts) {
        const std::string name = trim(c.trainer).empty() ? std::string(kNoTrainerNamed) : trim(c.trainer);
        auto& t = trainers[name];
        t.name = name;
        t.delivered += c.delivered;
        t.planned += c.planned;
        courses_of_trainer[name].insert(c.course);
        auto& course = courses[c.course];
        course.course = c.course;
        course.delivered += c.delivered;
        course.planned += c.planned;
        if (name != kNoTrainerNamed) trainers_of_course[c.course].insert(name);
    }
    TrainingPool pool;
    for (auto& [name, t] : trainers) {
        t.courses = static_cast<int>(courses_of_trainer[name].size());
        pool.trainers.push_back(t);
    }
    std::stable_sort(pool.trainers.begin(), pool.trainers.end(), [](const PoolTrainer& a, const PoolTrainer& b) {
        const bool a_none = a.name == kNoTrainerNamed, b_none = b.name == kNoTrainerNamed;
        if (a_none != b_none) return b_none;
        if (a.delivered + a.planned != b.delivered + b.planned) return a.delivered + a.planned > b.delivered + b.planned;
        return a.name < b.name;
    });
    for (auto& [title, c] : courses) {
        c.trainers = static_cast<int>(trainers_of_course[title].size());
        if (c.trainers <= 1) pool.thin.push_back(title);
        pool.courses.push_back(c);
    }
    return pool;
}

}  // namespace assure
