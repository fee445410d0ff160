#pragma once
// The year's training counted the other ways the yearly report tells it (issue 16 items 5 and 6):
// delegates by the sector of their agency and by quarter of the financial year, beside those by
// course and agency (seed 001's training section and Appendix A); and the sufficiency of the
// training pool, the trainers who deliver each course and how many sessions each gave (seed 004).
#include <array>
#include <string>
#include <vector>

#include "core/registers.hpp"
#include "core/training.hpp"

namespace assure {

// One booking's attendance, counted as the course and agency lines are (core/training.hpp).
TrainingFigureLine figure_line(const TrainingCountLine& line);

struct TrainingBreakdownCounts {
    std::vector<TrainingCountLine> by_sector;      // name: the agency's sector key; "" for no agency given
    std::array<AttendanceCounts, 4> by_quarter{};  // April to June first
};
struct TrainingBreakdown {
    std::vector<TrainingFigureLine> by_sector;   // named in words, most delegates first
    std::vector<TrainingFigureLine> by_quarter;  // four lines, April to June first, each named in words
};
TrainingBreakdown training_breakdown(FinancialYear year, const TrainingBreakdownCounts& counts);

// Quarter 0 is April to June of the year's first calendar year; quarter 3 January to March.
Date quarter_start(FinancialYear year, int quarter);
std::string quarter_label(FinancialYear year, int quarter);  // "April to June 2016"

// What the store counts for the pool: sessions of a course given by one trainer in the year,
// those held by today and those still to come.
struct TrainerCount {
    std::string trainer;  // as the session names them; "" when none is named
    std::string course;
    int delivered = 0;
    int planned = 0;
};
struct PoolTrainer {
    std::string name;
    int delivered = 0, planned = 0, courses = 0;
};
struct PoolCourse {
    std::string course;
    int trainers = 0;  // named trainers
    int delivered = 0, planned = 0;
};
struct TrainingPool {
    std::vector<PoolTrainer> trainers;  // most sessions first, then by name; "No trainer named" last
    std::vector<PoolCourse> courses;    // by title
    // Courses that rest on one trainer or none named: when they are away, the course stops.
    std::vector<std::string> thin;
};
TrainingPool training_pool(const std::vector<TrainerCount>& counts);
inline constexpr const char* kNoTrainerNamed = "No trainer named";

}  // namespace assure
