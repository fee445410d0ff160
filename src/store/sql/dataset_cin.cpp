#include "store/sql/dataset_cin.hpp"

#include "store/sql/dataset_rows.hpp"
#include "store/sql/strict.hpp"

namespace assure::sql {
namespace {

using namespace dataset_rows;

std::string category(const Statement& q, int column, std::string_view name, bool may_be_empty) {
    std::string code = q.text(column);
    if (may_be_empty && code.empty()) return code;
    if (code != "NEG" && code != "PHY" && code != "EMO" && code != "SAB" && code != "MUL") unknown_value("dataset_cin_plans", name, code);
    return code;
}

bool flag(const Statement& q, int column, std::string_view table, std::string_view name) {
    const auto v = q.int64(column);
    if (v != 0 && v != 1) unknown_value(table, name, std::to_string(v));
    return v == 1;
}

}  // namespace

std::vector<CinReferral> SqlDatasetCin::referrals(PartnershipId partnership, int year) {
    constexpr std::string_view t = "dataset_cin_referrals";
    auto& q = db_.cached(
        "SELECT child, referred_on, closed_on, no_further_action FROM dataset_cin_referrals WHERE partnership_id = ? AND year = ? "
        "ORDER BY child, referred_on, id");
    q.bind(1, partnership.value).bind(2, year);
    std::vector<CinReferral> out;
    while (q.step()) {
        out.push_back({q.text(0), strict_date(q, 1, t, "referred_on"), strict_optional_date(q, 2, t, "closed_on"),
                       flag(q, 3, t, "no_further_action"), 0});
    }
    return out;
}

CinCensus SqlDatasetCin::census(PartnershipId partnership, int year) {
    CinCensus c;
    c.referrals = referrals(partnership, year);
    {
        constexpr std::string_view t = "dataset_cin_assessments";
        auto& q = db_.cached(
            "SELECT child, referred_on, started_on, authorised_on FROM dataset_cin_assessments WHERE partnership_id = ? AND year = ? "
            "ORDER BY child, started_on, id");
        q.bind(1, partnership.value).bind(2, year);
        while (q.step()) {
            c.assessments.push_back({q.text(0), strict_date(q, 1, t, "referred_on"), strict_date(q, 2, t, "started_on"),
                                     strict_optional_date(q, 3, t, "authorised_on"), 0});
        }
    }
    {
        constexpr std::string_view t = "dataset_cin_enquiries";
        auto& q = db_.cached(
            "SELECT child, started_on, conference_on, conference_not_required FROM dataset_cin_enquiries WHERE partnership_id = ? AND year = ? "
            "ORDER BY child, started_on, id");
        q.bind(1, partnership.value).bind(2, year);
        while (q.step()) {
            c.enquiries.push_back({q.text(0), strict_date(q, 1, t, "started_on"), strict_optional_date(q, 2, t, "conference_on"),
                                   flag(q, 3, t, "conference_not_required"), 0});
        }
    }
    {
        constexpr std::string_view t = "dataset_cin_plans";
        auto& q = db_.cached(
            "SELECT child, started_on, ended_on, initial_category, latest_category, previous_plans FROM dataset_cin_plans "
            "WHERE partnership_id = ? AND year = ? ORDER BY child, started_on, id");
        q.bind(1, partnership.value).bind(2, year);
        while (q.step()) {
            CinPlan p{q.text(0), strict_date(q, 1, t, "started_on"), strict_optional_date(q, 2, t, "ended_on"),
                      category(q, 3, "initial_category", true), category(q, 4, "latest_category", false), std::nullopt, 0};
            if (!q.is_null(5)) p.previous_plans = q.integer(5);
            c.plans.push_back(std::move(p));
        }
    }
    return c;
}

void SqlDatasetCin::replace_census(PartnershipId partnership, int year, DatasetImportId by, const CinCensus& c) {
    for (const char* table : {"dataset_cin_referrals", "dataset_cin_assessments", "dataset_cin_enquiries", "dataset_cin_plans"}) {
        db_.cached(std::string("DELETE FROM ") + table + " WHERE partnership_id = ? AND year = ?").bind(1, partnership.value).bind(2, year).run();
    }
    const std::int64_t p = partnership.value;
    const auto referrals = in_index_order(c.referrals, [](const CinReferral& r) { return r.referred; });
    const auto assessments = in_index_order(c.assessments, [](const CinAssessment& a) { return a.started; });
    const auto enquiries = in_index_order(c.enquiries, [](const CinEnquiry& e) { return e.started; });
    const auto plans = in_index_order(c.plans, [](const CinPlan& pl) { return pl.started; });
    insert_rows(db_, "dataset_cin_referrals", {"partnership_id", "year", "child", "referred_on", "closed_on", "no_further_action", "import_id"},
                c.referrals.size(), [&](Statement& q, int at, std::size_t i) {
                    const auto& r = c.referrals[referrals[i]];
                    q.bind(at, p).bind(at + 1, year).bind(at + 2, r.child).bind(at + 3, r.referred.iso());
                    bind_optional_date(q, at + 4, r.closed);
                    q.bind(at + 5, r.no_further_action).bind(at + 6, by.value);
                });
    insert_rows(db_, "dataset_cin_assessments", {"partnership_id", "year", "child", "referred_on", "started_on", "authorised_on", "import_id"},
                c.assessments.size(), [&](Statement& q, int at, std::size_t i) {
                    const auto& a = c.assessments[assessments[i]];
                    q.bind(at, p).bind(at + 1, year).bind(at + 2, a.child).bind(at + 3, a.referred.iso()).bind(at + 4, a.started.iso());
                    bind_optional_date(q, at + 5, a.authorised);
                    q.bind(at + 6, by.value);
                });
    insert_rows(db_, "dataset_cin_enquiries",
                {"partnership_id", "year", "child", "started_on", "conference_on", "conference_not_required", "import_id"}, c.enquiries.size(),
                [&](Statement& q, int at, std::size_t i) {
                    const auto& e = c.enquiries[enquiries[i]];
                    q.bind(at, p).bind(at + 1, year).bind(at + 2, e.child).bind(at + 3, e.started.iso());
                    bind_optional_date(q, at + 4, e.conference);
                    q.bind(at + 5, e.conference_not_required).bind(at + 6, by.value);
                });
    insert_rows(db_, "dataset_cin_plans",
                {"partnership_id", "year", "child", "started_on", "ended_on", "initial_category", "latest_category", "previous_plans", "import_id"},
                c.plans.size(), [&](Statement& q, int at, std::size_t i) {
                    const auto& pl = c.plans[plans[i]];
                    q.bind(at, p).bind(at + 1, year).bind(at + 2, pl.child).bind(at + 3, pl.started.iso());
                    bind_optional_date(q, at + 4, pl.ended);
                    q.bind(at + 5, pl.initial_category).bind(at + 6, pl.latest_category);
                    bind_optional_int(q, at + 7, pl.previous_plans ? std::optional<std::int64_t>(*pl.previous_plans) : std::nullopt);
                    q.bind(at + 8, by.value);
                });
}

std::optional<CinRules> SqlDatasetCin::rules(PartnershipId partnership) {
    auto& q = db_.cached(
        "SELECT assessment_working_days, conference_working_days, re_referral_months, long_plan_months FROM dataset_cin_settings "
        "WHERE partnership_id = ?");
    q.bind(1, partnership.value);
    if (!q.step()) return std::nullopt;
    CinRules r;
    r.assessment_working_days = q.integer(0);
    r.conference_working_days = q.integer(1);
    r.re_referral_months = q.integer(2);
    r.long_plan_months = q.integer(3);
    q.reset();
    return r;
}

void SqlDatasetCin::put_rules(PartnershipId partnership, const CinRules& r) {
    db_.cached(
           "INSERT INTO dataset_cin_settings(partnership_id, assessment_working_days, conference_working_days, re_referral_months, "
           "long_plan_months) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (partnership_id) DO UPDATE SET assessment_working_days = ?2, "
           "conference_working_days = ?3, re_referral_months = ?4, long_plan_months = ?5")
        .bind(1, partnership.value)
        .bind(2, r.assessment_working_days)
        .bind(3, r.conference_working_days)
        .bind(4, r.re_referral_months)
        .bind(5, r.long_plan_months)
        .run();
}

}  // namespace assure::sql
