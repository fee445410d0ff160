// Risks raised from red dataset indicators, through the use cases on a real SQLite store with a
// frozen clock (18 November 2026): a risk keeps the partnership's indicator it was raised from
// (audited with it), an indicator not in the catalogue is a field error and saves nothing, the
// form raised from a red indicator starts from its latest figure (rated by the dataset's rules),
// and an indicator's open risks are read by those who may see the register.
#include <gtest/gtest.h>

#include "app/dataset.hpp"
#include "app/risk_indicators.hpp"
#include "fakes/fakes.hpp"

namespace assure {
namespace {

using testing::World;

struct RisksFromIndicators : ::testing::Test {
    World w;
    PersonId owner;
    void SetUp() override {
        // Repeat plans (lower is better, target 15, amber to 17): 14, 16, 18 by quarter, so red
        // in the third quarter, the latest with a figure. Referrals have no better direction.
        const auto r = import_dataset_file(w.services, bu(),
                                           ImportRequest{"indicator-values", "", "v.csv",
                                                         "code,period,value,numerator,denominator\n"
                                                         "cp_second_or_subsequent,2016-17-Q1,14,,\n"
                                                         "cp_second_or_subsequent,2016-17-Q2,16,,\n"
                                                         "cp_second_or_subsequent,2016-17-Q3,18,,\n"
                                                         "referrals,2016-17-Q3,900,,\n",
                                                         false});
        ASSERT_TRUE(r.saved);
        Person p;
        p.name = "Nadia Kowalski";
        p.email = "nadia@example.org";
        owner = w.add_person(p);
    }
    Actor bu() const { return w.as(Role::business_unit); }
    RiskInput input(const std::string& indicator) const {
        RiskInput in;
        in.title = "Repeat plans rising";
        in.cause = "Plans end before change is sustained";
        in.effect = "Children return to plans";
        in.owner = owner.str();
        in.likelihood_before = "4";
        in.impact_before = "4";
        in.likelihood_after = "3";
        in.impact_after = "4";
        in.raised_on = "2026-11-02";
        in.review_on = "2027-02-01";
        in.indicator = indicator;
        return in;
    }
};

FailureCode failure_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Failure& e) {
        return e.code();
    }
    ADD_FAILURE() << "no failure";
    return FailureCode::unavailable;
}

TEST_F(RisksFromIndicators, ARiskKeepsThePartnershipsIndicatorAndItsAuditRowSaysWhich) {
    const Risk r = record_risk(w.services, bu(), input("cp_second_or_subsequent"));
    EXPECT_EQ(r.indicator, std::optional<std::string>("cp_second_or_subsequent"));
    EXPECT_NE(w.last_audit().after_json.find("\"indicator\":\"cp_second_or_subsequent\""), std::string::npos) << w.last_audit().after_json;
    EXPECT_EQ(read_risk(w.services, bu(), r.id).risk.indicator, std::optional<std::string>("cp_second_or_subsequent"));
    const Risk plain = record_risk(w.services, bu(), input("  "));
    EXPECT_EQ(plain.indicator, std::nullopt) << "blank is none";
    EXPECT_NE(w.last_audit().after_json.find("\"indicator\":null"), std::string::npos) << w.last_audit().after_json;
    // A change may clear it; the audit row has it before and not after.
    const Risk cleared = update_risk(w.services, bu(), r.id, 1, input(""));
    EXPECT_EQ(cleared.indicator, std::nullopt);
    EXPECT_NE(w.last_audit().before_json.find("cp_second_or_subsequent"), std::string::npos);
    EXPECT_EQ(w.last_audit().after_json.find("cp_second_or_subsequent"), std::string::npos);
}

TEST_F(RisksFromIndicators, AnIndicatorNotInThePartnershipsCatalogueIsAFieldErrorAndNothingIsSaved) {
    const std::size_t audits = w.audit_count();
    try {
        record_risk(w.services, bu(), input("no_such_indicator"));
        ADD_FAILURE() << "a risk named an indicator the partnership does not have";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        ASSERT_EQ(f.fields().size(), 1U);
        EXPECT_EQ(f.fields()[0].field, "indicator");
        EXPECT_NE(f.fields()[0].message.find("no_such_indicator"), std::string::npos) << f.fields()[0].message;
    }
    EXPECT_EQ(w.audit_count(), audits);
    EXPECT_TRUE(list_risks(w.services, bu(), {}, {}).risks.items.empty());
    // A change to an unknown indicator leaves the risk as it was.
    const Risk r = record_risk(w.services, bu(), input("referrals"));
    EXPECT_EQ(failure_of([&] { update_risk(w.services, bu(), r.id, 1, input("no_such_indicator")); }), FailureCode::invalid);
    const Risk kept = read_risk(w.services, bu(), r.id).risk;
    EXPECT_EQ(kept.version, 1);
    EXPECT_EQ(kept.indicator, std::optional<std::string>("referrals"));
}

TEST_F(RisksFromIndicators, TheFormRaisedFromARedIndicatorStartsFromItsLatestFigure) {
    const IndicatorStanding standing = indicator_standing(w.services, w.as(Role::member), "cp_second_or_subsequent");
    ASSERT_TRUE(standing.latest);
    EXPECT_EQ(standing.latest->period, (DatasetPeriod{2016, 3}));
    EXPECT_DOUBLE_EQ(standing.latest->value, 18.0);
    EXPECT_EQ(standing.rag(), Rag::red) << "18 is past the target of 15 and its tolerance of 2";
    const RiskInput in = risk_input_from_indicator(w.services, bu(), "cp_second_or_subsequent");
    EXPECT_EQ(in.indicator, "cp_second_or_subsequent");
    EXPECT_EQ(in.title, "Plans for a second or subsequent time is red");
    EXPECT_NE(in.description.find("18.0% for Q3 2016/17 (1 October 2016 to 31 December 2016), against a target of 15.0% or lower"),
              std::string::npos)
        << in.description;
    EXPECT_EQ(in.raised_on, london_today(w.services).iso());
    // An indicator that is not red is chosen, but the risk is not worded from it.
    EXPECT_EQ(indicator_standing(w.services, bu(), "referrals").rag(), Rag::none);
    const RiskInput not_red = risk_input_from_indicator(w.services, bu(), "referrals");
    EXPECT_EQ(not_red.indicator, "referrals");
    EXPECT_TRUE(not_red.title.empty());
    EXPECT_EQ(failure_of([&] { risk_input_from_indicator(w.services, bu(), "no_such_indicator"); }), FailureCode::not_found);
    for (Role role : {Role::partner_lead, Role::scrutineer, Role::member}) {
        EXPECT_EQ(failure_of([&] { risk_input_from_indicator(w.services, w.as(role), "cp_second_or_subsequent"); }), FailureCode::forbidden)
            << role_key(role);
    }
}

TEST_F(RisksFromIndicators, AnIndicatorsOpenRisksAreReadByThoseWhoMaySeeTheRegister) {
    const Risk open = record_risk(w.services, bu(), input("cp_second_or_subsequent"));
    RiskInput closed = input("cp_second_or_subsequent");
    closed.status = "closed";
    closed.closed_on = "2026-11-10";
    record_risk(w.services, bu(), closed);
    record_risk(w.services, bu(), input("referrals"));
    record_risk(w.services, bu(), input(""));
    for (Role role : {Role::business_unit, Role::partner_lead, Role::scrutineer}) {
        const auto risks = open_risks_from_indicator(w.services, w.as(role), "cp_second_or_subsequent");
        ASSERT_EQ(risks.size(), 1U) << role_key(role);
        EXPECT_EQ(risks[0].id, open.id);
    }
    EXPECT_EQ(failure_of([&] { open_risks_from_indicator(w.services, w.as(Role::member), "cp_second_or_subsequent"); }),
              FailureCode::forbidden);
    EXPECT_EQ(risk_indicator_choices(w.services, bu()).size(), default_indicator_catalogue().size());
    EXPECT_EQ(failure_of([&] { risk_indicator_choices(w.services, w.as(Role::scrutineer)); }), FailureCode::forbidden);
}

}  // namespace
}  // namespace assure
