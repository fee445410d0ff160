// The agencies' returns on a real SQLite store: asking for a quarter's returns, the form and
// the file checked before anything is saved, corrections kept with their reasons, the figures
// on the scorecard, and an agency lead kept to their own agency's returns.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/dataset_returns.hpp"
#include "fakes/fakes.hpp"

namespace assure {
namespace {

using testing::World;

struct Returns : ::testing::Test {
    World w;
    AgencyId council;
    AgencyId police;
    Actor council_lead;
    Actor police_lead;

    void SetUp() override {
        council = w.add_agency(Agency{AgencyId{}, w.partnership, "Knowsley Council", AgencyKind::statutory_partner, StatutoryRole::local_authority,
                                      "local_authority"});
        police = w.add_agency(Agency{AgencyId{}, w.partnership, "Merseyside Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
        w.add_agency(Agency{AgencyId{}, w.partnership, "Faith Groups", AgencyKind::relevant_agency, StatutoryRole::none, "faith"});
        council_lead = w.add_user(w.add_person(Person{PersonId{}, w.partnership, "Carol Lead", "Head of service", council, "carol@council.example"}),
                                  Role::agency_lead);
        police_lead = w.add_user(w.add_person(Person{PersonId{}, w.partnership, "Pat Lead", "Detective Inspector", police, "pat@police.example"}),
                                 Role::agency_lead);
    }
    Actor bu() const { return w.as(Role::business_unit); }
    DatasetReturn council_return(const std::string& period = "2016-17-Q1") {
        const auto list = list_dataset_returns(w.services, bu(), DatasetReturnListState::all, period, {});
        for (const auto& l : list.lines.items) {
            if (l.ret.agency == council) return l.ret;
        }
        throw std::runtime_error("no council return");
    }
    std::vector<FigureInput> council_figures(const std::string& started = "46") {
        const auto v = read_dataset_return(w.services, bu(), council_return().id);
        std::vector<FigureInput> out;
        for (const auto& d : v.asked) {
            if (asks_for_parts(d)) out.push_back({d.code, "", "13", "100"});
            else out.push_back({d.code, d.code == "cp_started" ? started : "10", "", ""});
        }
        return out;
    }
};

TEST_F(Returns, AskingForAQuartersReturnsAsksEachSourceAgencyOnceDueTheWorkingDaysAfterTheQuarter) {
    EXPECT_EQ(ask_for_returns(w.services, bu(), "2016-17-Q1"), 1) << "only the council is the source of a returned figure";
    EXPECT_EQ(ask_for_returns(w.services, bu(), "2016-17-Q1"), 0) << "asked again: nobody twice";
    EXPECT_EQ(w.last_audit().action, "dataset.returns.ask");
    const auto r = council_return();
    EXPECT_EQ(r.due_on, (Date{2016, 7, 28}));
    EXPECT_EQ(r.agency_name, "Knowsley Council");
    EXPECT_GT(r.figures, 10);
    // The partnership sets its own number of days for the quarters asked from then on.
    set_return_due_working_days(w.services, bu(), "10");
    EXPECT_EQ(w.last_audit().action, "dataset.returns.due_days");
    ask_for_returns(w.services, bu(), "2016-17-Q2");
    EXPECT_EQ(council_return("2016-17-Q2").due_on, (Date{2016, 10, 14}));
    EXPECT_EQ(council_return().due_on, (Date{2016, 7, 28})) << "a return already asked keeps its due date";
    try {
        set_return_due_working_days(w.services, bu(), "61");
        ADD_FAILURE() << "61 working days accepted";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().front().field, "due_working_days");
    }
    try {
        ask_for_returns(w.services, bu(), "2026-27-Q4");
        ADD_FAILURE() << "a quarter not yet ended was asked for";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().front().field, "period");
    }
    EXPECT_THROW(ask_for_returns(w.services, council_lead, "2016-17-Q3"), Failure) << "the business unit asks";
}

TEST_F(Returns, TheBusinessUnitSeesEveryReturnOutstandingAndLateAndAnAgencyLeadOnlyTheirOwn) {
    ask_for_returns(w.services, bu(), "2016-17-Q1");
    ask_for_returns(w.services, bu(), "2016-17-Q2");
    auto list = list_dataset_returns(w.services, bu(), DatasetReturnListState::late, "", {});
    EXPECT_EQ(list.lines.items.size(), 2u);
    EXPECT_EQ(list.counts.late, 2);
    EXPECT_EQ(list.lines.items[0].status, DatasetReturnStatus::late);
    // Paged by due date: one a page, the cursor reaches the second.
    auto first = list_dataset_returns(w.services, bu(), DatasetReturnListState::outstanding, "", PageRequest{1, ""});
    ASSERT_EQ(first.lines.items.size(), 1u);
    ASSERT_TRUE(first.lines.next);
    auto second = list_dataset_returns(w.services, bu(), DatasetReturnListState::outstanding, "", PageRequest{1, *first.lines.next});
    ASSERT_EQ(second.lines.items.size(), 1u);
    EXPECT_LT(first.lines.items[0].ret.due_on, second.lines.items[0].ret.due_on);

    EXPECT_EQ(list_dataset_returns(w.services, council_lead, DatasetReturnListState::all, "", {}).lines.items.size(), 2u);
    EXPECT_TRUE(list_dataset_returns(w.services, police_lead, DatasetReturnListState::all, "", {}).lines.items.empty());
    const auto id = council_return().id;
    EXPECT_THROW(read_dataset_return(w.services, police_lead, id), Failure) << "another agency's return is not found";
    try {
        list_dataset_returns(w.services, w.as(Role::member), DatasetReturnListState::all, "", {});
        ADD_FAILURE() << "a member listed the returns";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::forbidden);
    }
}

TEST_F(Returns, TheFormsFiguresAreCheckedWholeAndSavedOnceAndFeedTheScorecard) {
    ask_for_returns(w.services, bu(), "2016-17-Q1");
    const auto r = council_return();
    auto bad = council_figures("lots");
    const std::size_t audits = w.audit_count();
    try {
        submit_return_figures(w.services, council_lead, r.id, r.version, bad, "");
        ADD_FAILURE() << "a figure that is not a number was saved";
    } catch (const Failure& f) {
        ASSERT_EQ(f.fields().size(), 1u);
        EXPECT_EQ(f.fields()[0].field, "value-cp_started");
    }
    EXPECT_EQ(w.audit_count(), audits) << "nothing saved";
    EXPECT_FALSE(council_return().submitted_on);

    const auto saved = submit_return_figures(w.services, council_lead, r.id, r.version, council_figures(), "");
    EXPECT_EQ(saved.submitted_on, (Date{2026, 11, 18}));
    EXPECT_EQ(w.last_audit().action, "dataset.return.submit");
    const auto view = read_dataset_return(w.services, council_lead, r.id);
    EXPECT_EQ(view.status, DatasetReturnStatus::submitted_late);
    const auto card = read_scorecard(w.services, bu(), DatasetPeriod{2016, 1}, false);
    const auto line = std::find_if(card.lines.begin(), card.lines.end(), [](const auto& l) { return l.definition.code == "cp_started"; });
    ASSERT_NE(line, card.lines.end());
    EXPECT_EQ(line->value.value, 46.0);
    const auto late = list_dataset_returns(w.services, bu(), DatasetReturnListState::late, "", {});
    EXPECT_EQ(late.counts.late, 0);
    EXPECT_EQ(late.counts.returned_late, 1);
    // A version that has moved on is stale.
    EXPECT_THROW(submit_return_figures(w.services, council_lead, r.id, r.version, council_figures("45"), "typo"), Failure);
}

TEST_F(Returns, ACorrectedFigureKeepsTheOneBeforeAndTheReasonWhichItNeeds) {
    ask_for_returns(w.services, bu(), "2016-17-Q1");
    auto r = council_return();
    r = submit_return_figures(w.services, council_lead, r.id, r.version, council_figures("46"), "");
    try {
        submit_return_figures(w.services, council_lead, r.id, r.version, council_figures("44"), "  ");
        ADD_FAILURE() << "a correction was saved without its reason";
    } catch (const Failure& f) {
        EXPECT_EQ(f.fields().front().field, "reason");
    }
    const auto same = submit_return_figures(w.services, council_lead, r.id, r.version, council_figures("46"), "");
    EXPECT_EQ(same.version, r.version) << "the same figures again change nothing";
    r = submit_return_figures(w.services, bu(), r.id, r.version, council_figures("44"), "Two plans were counted twice");
    EXPECT_EQ(r.corrections, 1);
    EXPECT_EQ(w.last_audit().action, "dataset.return.correct");
    EXPECT_NE(w.last_audit().before_json.find("\"corrections\":0"), std::string::npos);
    const auto view = read_dataset_return(w.services, council_lead, r.id);
    ASSERT_EQ(view.corrections.items.size(), 1u);
    const auto& c = view.corrections.items[0];
    EXPECT_EQ(c.code, "cp_started");
    EXPECT_EQ(c.before.value, 46.0);
    EXPECT_EQ(c.after.value, 44.0);
    EXPECT_EQ(c.reason, "Two plans were counted twice");
    const auto figure = std::find_if(view.figures.begin(), view.figures.end(), [](const auto& v) { return v.code == "cp_started"; });
    EXPECT_EQ(figure->value, 44.0);
}

TEST_F(Returns, AFileIsCheckedRowByRowAndNothingIsSavedIfAnyRowIsRefused) {
    ask_for_returns(w.services, bu(), "2016-17-Q1");
    const auto r = council_return();
    const std::size_t audits = w.audit_count();
    const auto refused = upload_return_figures(w.services, council_lead, r.id, r.version, "q1.csv",
                                               "code,period,value,numerator,denominator\n"
                                               "cp_started,2016-17-Q1,46,,\n"
                                               "cp_started,2016-17-Q2,40,,\n"
                                               "missing_children,2016-17-Q1,12,,\n"
                                               "cp_ended,2016-17-Q1,many,,\n",
                                               "");
    EXPECT_FALSE(refused.saved);
    EXPECT_EQ(refused.rows_read, 4);
    std::vector<int> lines;
    for (const auto& x : refused.refused) lines.push_back(x.line);
    EXPECT_NE(std::find(lines.begin(), lines.end(), 3), lines.end()) << "wrong period";
    EXPECT_NE(std::find(lines.begin(), lines.end(), 4), lines.end()) << "another agency's code";
    EXPECT_NE(std::find(lines.begin(), lines.end(), 5), lines.end()) << "not a number";
    EXPECT_NE(std::find(lines.begin(), lines.end(), 0), lines.end()) << "figures missing from a first return";
    EXPECT_EQ(w.audit_count(), audits);
    EXPECT_FALSE(council_return().submitted_on);

    std::string csv = "code,period,value,numerator,denominator\n";
    for (const auto& f : council_figures()) csv += f.code + ",2016-17-Q1," + f.value + "," + f.numerator + "," + f.denominator + "\n";
    const auto ok = upload_return_figures(w.services, council_lead, r.id, r.version, "q1.csv", csv, "");
    EXPECT_TRUE(ok.saved) << (ok.refused.empty() ? "" : ok.refused[0].reason);
    EXPECT_TRUE(council_return().submitted_on);
    EXPECT_EQ(w.last_audit().action, "dataset.return.submit");
}

}  // namespace
}  // namespace assure
