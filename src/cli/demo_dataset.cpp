// Knowsley's dataset as records. Seed 001 §6 publishes the figures, not the records, so the
// records are made to fit them: 291 children looked after at 31 March 2016 and 290 at
// 31 March 2017 (with 32,486 children, 89.3 per 10,000); missing children 127, 155, 140 and
// 115 by quarter but 403 in the year, in 335, 404, 334 and 274 episodes; 34, 29, 33 and 33
// looked-after children missing by quarter, 79 in the year, in 91, 119, 72 and 68 episodes.
// 2015/16 uses the seed's snapshot (845 missing episodes, 304 of them from care) for a trend.
#include "cli/demo_dataset.hpp"

#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "app/dataset.hpp"
#include "cli/demo.hpp"

namespace assure::cli {
namespace {

struct Episode {
    std::string child;
    Date start;
    std::optional<Date> end;
    std::string rne;
    std::string rec;  // "" while open
};

struct Child {
    std::string id;
    Date birth;
};

std::string uk(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    return buf;
}

Date plus_days(Date d, std::int64_t n) { return Date::from_days(d.days() + n); }

std::string child_id(char prefix, int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%06d", prefix, n);
    return buf;
}

// Everyone looked after at some time in 2015/16 or 2016/17, with their episodes.
struct Care {
    std::vector<Child> children;
    std::vector<Episode> episodes;
    std::vector<std::string> stayers;  // looked after from before April 2015 (most) to beyond March 2017
};

Care care_histories() {
    Care c;
    int next = 1;
    auto add_child = [&](int i) {
        Child ch{child_id('K', next++), Date{2002 + i % 14, 1 + i % 12, 1}};
        c.children.push_back(ch);
        return ch.id;
    };
    // 171 stay looked after throughout; some moved placement, some only changed legal status.
    for (int i = 0; i < 171; ++i) {
        const std::string id = add_child(i);
        c.stayers.push_back(id);
        const Date start = plus_days(Date{2011, 1, 1}, i * 10);
        if (i % 7 == 0) {  // three placements in 2016/17
            c.episodes.push_back({id, start, Date{2016, 5, 1}, "S", "X1"});
            c.episodes.push_back({id, Date{2016, 5, 1}, Date{2016, 10, 1}, "P", "X1"});
            c.episodes.push_back({id, Date{2016, 10, 1}, std::nullopt, "P", ""});
        } else if (i % 3 == 0 && start < Date{2015, 6, 1}) {  // moved in June 2015: not yet two years in one placement
            c.episodes.push_back({id, start, Date{2015, 6, 1}, "S", "X1"});
            c.episodes.push_back({id, Date{2015, 6, 1}, std::nullopt, "P", ""});
        } else if (i % 5 == 0 && start < Date{2014, 1, 1}) {  // a care order made: same placement
            c.episodes.push_back({id, start, Date{2014, 1, 1}, "S", "X1"});
            c.episodes.push_back({id, Date{2014, 1, 1}, std::nullopt, "L", ""});
        } else {
            c.episodes.push_back({id, start, std::nullopt, "S", ""});
        }
    }
    // 120 looked after at 31 March 2016 leave during 2016/17: 171 + 120 = 291.
    for (int i = 0; i < 120; ++i) {
        const std::string id = add_child(i + 3);
        c.episodes.push_back({id, plus_days(Date{2013, 6, 1}, i * 7), plus_days(Date{2016, 4, 5}, i * 361 / 120), "S", "E11"});
    }
    // 119 start during 2016/17 and are still looked after at its end: 171 + 119 = 290.
    for (int i = 0; i < 119; ++i) {
        const std::string id = add_child(i + 5);
        c.episodes.push_back({id, plus_days(Date{2016, 4, 3}, i * 3), std::nullopt, "S", ""});
    }
    // 110 leave during 2015/16.
    for (int i = 0; i < 110; ++i) {
        const std::string id = add_child(i + 7);
        c.episodes.push_back({id, plus_days(Date{2013, 1, 1}, i * 9), plus_days(Date{2015, 4, 10}, i * 3), "S", "E4A"});
    }
    return c;
}

struct MissingRow {
    std::string child;
    Date start;
};

// Children by quarter drawn in turn from `pool` (so every child in it goes missing in the
// year), each child's share of the quarter's episodes on days apart.
std::vector<MissingRow> missing_rows(const std::vector<std::string>& pool, int year, const std::array<int, 4>& children,
                                     const std::array<int, 4>& episodes) {
    std::vector<MissingRow> out;
    std::size_t next = 0;
    for (int q = 0; q < 4; ++q) {
        const DatasetPeriod quarter{year, q + 1};
        const auto days = quarter.end().days() - quarter.start().days();
        for (int e = 0; e < episodes[q]; ++e) {
            const int k = e % children[q];  // the quarter's k-th child
            const int j = e / children[q];  // its j-th episode this quarter
            const std::size_t c = (next + static_cast<std::size_t>(k)) % pool.size();
            out.push_back({pool[c], plus_days(quarter.start(), (static_cast<std::int64_t>(c) * 13 + j * 17) % days)});
        }
        next = (next + static_cast<std::size_t>(children[q])) % pool.size();
    }
    return out;
}

std::string missing_csv(const std::vector<MissingRow>& rows, const std::map<std::string, Date>& births) {
    std::string csv = "CHILD,DOB,MISSING,MIS_START,MIS_END\r\n";
    for (const auto& r : rows) {
        const auto b = births.find(r.child);
        csv += r.child + "," + (b == births.end() ? std::string() : uk(b->second)) + ",M," + uk(r.start) + "," + uk(plus_days(r.start, 1)) + "\r\n";
    }
    return csv;
}

}  // namespace

std::vector<DemoDatasetFile> demo_dataset_files() {
    const Care care = care_histories();
    std::map<std::string, Date> births;
    for (const auto& c : care.children) births[c.id] = c.birth;
    std::vector<DemoDatasetFile> files;
    files.push_back({"population", "", "ons-mid-year-0-17.csv", "year,children\r\n2015,32697\r\n2016,32486\r\n"});

    struct YearFigures {
        int year;
        std::array<int, 4> cla_children, cla_episodes, other_children, other_episodes;
        int cla_pool, other_pool;
    };
    // 2016/17 from seed 001 §6; "other" are the children not looked after (all minus looked after).
    const std::array<YearFigures, 2> years{{
        {2015, {25, 27, 26, 24}, {70, 80, 78, 76}, {70, 73, 79, 66}, {130, 135, 142, 134}, 60, 240},
        {2016, {34, 29, 33, 33}, {91, 119, 72, 68}, {93, 126, 107, 82}, {244, 285, 262, 206}, 79, 324},
    }};
    for (const auto& y : years) {
        const DatasetPeriod fy{y.year, 0};
        // The year's episodes: those open at any time in it; its header: their children.
        std::string header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n";
        std::string episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n";
        std::set<std::string> in_year;
        for (const auto& e : care.episodes) {
            if (e.start > fy.end() || (e.end && *e.end < fy.start())) continue;
            in_year.insert(e.child);
            const std::string ls = e.rne == "L" ? "C2" : "V2";
            episodes += e.child + "," + uk(e.start) + "," + e.rne + "," + ls + ",N1,U1,PR1," + (e.end ? uk(*e.end) : "") + "," + e.rec + ",," +
                        "L36 1AA,L36 2BB,\r\n";  // postcodes as the extract has them: dropped at import
        }
        int n = 0;
        for (const auto& c : care.children) {
            if (!in_year.contains(c.id)) continue;
            header += c.id + "," + std::to_string(1 + n++ % 2) + "," + uk(c.birth) + ",WBRI,,,\r\n";
        }
        // Looked-after children who go missing are drawn from those looked after all year.
        std::vector<std::string> cla_pool(care.stayers.begin(), care.stayers.begin() + y.cla_pool);
        std::vector<std::string> other_pool;
        for (int i = 0; i < y.other_pool; ++i) other_pool.push_back(child_id(y.year == 2015 ? 'N' : 'M', i + 1));
        const auto cla_missing = missing_rows(cla_pool, y.year, y.cla_children, y.cla_episodes);
        auto all_missing = missing_rows(other_pool, y.year, y.other_children, y.other_episodes);
        all_missing.insert(all_missing.end(), cla_missing.begin(), cla_missing.end());  // the police's file has every child
        const std::string period = fy.key();
        files.push_back({"ssda903-header", period, "ssda903-header-" + period + ".csv", header});
        files.push_back({"ssda903-episodes", period, "ssda903-episodes-" + period + ".csv", episodes});
        files.push_back({"ssda903-missing", period, "ssda903-missing-" + period + ".csv", missing_csv(cla_missing, births)});
        files.push_back({"missing", period, "missing-all-children-" + period + ".csv", missing_csv(all_missing, births)});
    }
    // Child protection in 2015/16 from the children in need census; in 2016/17 as the local
    // authority returns it (seed 001 §6): plans at the year's end by latest category, repeat
    // plans, referrals. The returns' 2015/16 figures agree with the census's.
    files.push_back({"cin-census", "2015-16", "cin-census-2015-16.xml", demo_cin_census_2015()});
    files.push_back({"indicator-values", "", "csc-returns.csv",
                     "code,period,value,numerator,denominator\r\n"
                     "cp_plans,2015-16-Q4,208,,\r\n"
                     "cp_plans,2016-17-Q4,220,,\r\n"
                     "cp_category_emo,2016-17-Q4,,110,220\r\n"
                     "cp_category_neg,2016-17-Q4,,96,220\r\n"
                     "cp_category_phy,2016-17-Q4,,4,220\r\n"
                     "cp_category_sab,2016-17-Q4,,10,220\r\n"
                     "cp_category_mul,2016-17-Q4,,0,220\r\n"
                     "cp_second_or_subsequent,2015-16,14.4,,\r\n"
                     "cp_second_or_subsequent,2016-17,13.0,,\r\n"
                     "referrals,2016-17,3259,,\r\n"});
    return files;
}

void load_demo_dataset(Services& s, const std::string& business_unit_email) {
    const Actor bu = demo_actor(s, business_unit_email);
    for (const auto& f : demo_dataset_files()) {
        const auto report = import_dataset_file(s, bu, ImportRequest{f.kind, f.period, f.name, f.csv, false});
        if (!report.saved) {
            throw std::runtime_error("demo dataset file " + f.name + " was refused: " +
                                     (report.refused.empty() ? std::string("no reason") : report.refused.front().reason));
        }
    }
    load_demo_dataset_returns(s, business_unit_email);
}

}  // namespace assure::cli
