#pragma once
// The store contract for a partnership's profile and rule set: written with the partnership,
// read back whole (every number, flag and list), changed only at the version read, kept apart
// between partnerships, and read strictly. Every backend instantiates it (sqlite_store_test.cpp).
#include "store/contract.hpp"
#include "store/sql/connection.hpp"

namespace assure::testing {

// Rules unlike the defaults in every part, so a value dropped on the way is seen.
inline PartnershipRules unusual_rules() {
    PartnershipRules r = shipped_rules();
    r.reviews.name = "local-2027";
    r.reviews.rapid_review_working_days = 12;
    r.reviews.rapid_review_anchor = RapidReviewAnchor::notification;
    r.reviews.max_children = 6;
    r.governance.expected_rate = 0.8;
    r.governance.deputy_counts_as_attended = false;
    r.governance.window_months = 18;
    r.governance.annual_cycle = {{9, "Annual report"}, {3, "Peer challenge"}};
    r.learning.priorities = {"Neglect", "Online harm"};
    r.learning.stale_days = 45;
    r.learning.evidence_to_complete = false;
    r.learning.max_thematic_audits_per_year = 4;
    r.learning.section_11 = {{"1", "Leadership", "Leaders put children first"}, {"2.1", "Training", ""}};
    r.learning.section_175 = {{"A", "Policies", "The school's policies"}};
    r.registers.lado_within_one_month_percent = 70;
    r.registers.lado_within_three_months_percent = 85;
    r.registers.lado_within_twelve_months_percent = 95;
    r.sign_in.two_factor_required = true;
    return r;
}

template <class Factory>
class SettingsContract : public StoreContract<Factory> {
protected:
    std::optional<PartnershipRules> rules_of(PartnershipId id) {
        std::optional<PartnershipRules> out;
        this->store->read([&](Transaction& tx) { out = tx.partnerships().rules(id); });
        return out;
    }

    static void expect_same(const PartnershipRules& a, const PartnershipRules& b) {
        EXPECT_EQ(a.reviews, b.reviews);
        EXPECT_EQ(a.governance.expected_rate, b.governance.expected_rate);
        EXPECT_EQ(a.governance.deputy_exceptional_share, b.governance.deputy_exceptional_share);
        EXPECT_EQ(a.governance.deputy_counts_as_attended, b.governance.deputy_counts_as_attended);
        EXPECT_EQ(a.governance.window_months, b.governance.window_months);
        ASSERT_EQ(a.governance.annual_cycle.size(), b.governance.annual_cycle.size());
        for (std::size_t i = 0; i < a.governance.annual_cycle.size(); ++i) {
            EXPECT_EQ(a.governance.annual_cycle[i].month, b.governance.annual_cycle[i].month);
            EXPECT_EQ(a.governance.annual_cycle[i].label, b.governance.annual_cycle[i].label);
        }
        EXPECT_EQ(a.learning.priorities, b.learning.priorities);
        EXPECT_EQ(a.registers, b.registers);
        EXPECT_EQ(a.sign_in, b.sign_in);
        EXPECT_EQ(a.learning.stale_days, b.learning.stale_days);
        EXPECT_EQ(a.learning.evidence_to_complete, b.learning.evidence_to_complete);
        EXPECT_EQ(a.learning.max_thematic_audits_per_year, b.learning.max_thematic_audits_per_year);
        for (const auto* pair : {&a.learning.section_11, &a.learning.section_175}) {
            const auto& other = pair == &a.learning.section_11 ? b.learning.section_11 : b.learning.section_175;
            ASSERT_EQ(pair->size(), other.size());
            for (std::size_t i = 0; i < pair->size(); ++i) {
                EXPECT_EQ((*pair)[i].code, other[i].code);
                EXPECT_EQ((*pair)[i].title, other[i].title);
                EXPECT_EQ((*pair)[i].prompt, other[i].prompt);
            }
        }
    }
};

TYPED_TEST_SUITE_P(SettingsContract);

TYPED_TEST_P(SettingsContract, AProfileAndRuleSetRoundTripWhole) {
    PartnershipId id;
    const Partnership p{PartnershipId{}, "wirral", "Wirral Safeguarding Children Partnership", "Wirral", "WSCP"};
    this->store->write([&](Transaction& tx) { id = tx.partnerships().insert(p, unusual_rules()); });
    std::optional<Partnership> back;
    this->store->read([&](Transaction& tx) { back = tx.partnerships().find(id); });
    ASSERT_TRUE(back);
    EXPECT_EQ(back->slug, "wirral");
    EXPECT_EQ(back->area, "Wirral");
    EXPECT_EQ(back->logo_text, "WSCP");
    EXPECT_EQ(back->version, 1);
    EXPECT_EQ(back->service_name(), "WSCP");
    const auto rules = this->rules_of(id);
    ASSERT_TRUE(rules);
    this->expect_same(*rules, unusual_rules());
}

TYPED_TEST_P(SettingsContract, AnUpdateAtAStaleVersionWritesNothing) {
    std::optional<Partnership> p;
    this->store->read([&](Transaction& tx) { p = tx.partnerships().find(this->partnership); });
    ASSERT_TRUE(p);
    Partnership changed = *p;
    changed.area = "Halton";
    bool written = false;
    this->store->write([&](Transaction& tx) { written = tx.partnerships().update(changed, unusual_rules()); });
    EXPECT_TRUE(written);

    changed.area = "Somewhere else";  // still at the version read before the first update
    PartnershipRules other = unusual_rules();
    other.learning.stale_days = 99;
    this->store->write([&](Transaction& tx) { written = tx.partnerships().update(changed, other); });
    EXPECT_FALSE(written);

    this->store->read([&](Transaction& tx) { p = tx.partnerships().find(this->partnership); });
    EXPECT_EQ(p->area, "Halton");
    EXPECT_EQ(p->version, changed.version + 1);
    EXPECT_EQ(this->rules_of(this->partnership)->learning.stale_days, 45);
}

TYPED_TEST_P(SettingsContract, EachPartnershipKeepsItsOwnRules) {
    PartnershipId other;
    this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "o", "O", "O"}, unusual_rules()); });
    std::optional<Partnership> p;
    this->store->read([&](Transaction& tx) { p = tx.partnerships().find(this->partnership); });
    PartnershipRules mine = shipped_rules();
    mine.learning.priorities = {"Exploitation"};
    bool written = false;
    this->store->write([&](Transaction& tx) { written = tx.partnerships().update(*p, mine); });
    ASSERT_TRUE(written);
    EXPECT_EQ(this->rules_of(this->partnership)->learning.priorities, std::vector<std::string>{"Exploitation"});
    this->expect_same(*this->rules_of(other), unusual_rules());
}

TYPED_TEST_P(SettingsContract, APartnershipWithoutRulesAdoptsThemOnce) {
    TypeParam::exec("DELETE FROM partnership_rules WHERE partnership_id = " + this->partnership.str());
    EXPECT_FALSE(this->rules_of(this->partnership));
    bool adopted = false;
    this->store->write([&](Transaction& tx) { adopted = tx.partnerships().adopt_rules(this->partnership, unusual_rules()); });
    EXPECT_TRUE(adopted);
    this->store->write([&](Transaction& tx) { adopted = tx.partnerships().adopt_rules(this->partnership, shipped_rules()); });
    EXPECT_FALSE(adopted);
    this->expect_same(*this->rules_of(this->partnership), unusual_rules());
}

TYPED_TEST_P(SettingsContract, AnUnknownStoredAnchorIsAnErrorNamingTheColumn) {
    TypeParam::exec("UPDATE partnership_rules SET reviews_json = replace(reviews_json, 'became_aware', 'whenever')");
    try {
        this->rules_of(this->partnership);
        ADD_FAILURE() << "an unknown anchor was read";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("partnership_rules.reviews_json.rapid_review_anchor"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("whenever"), std::string::npos) << e.what();
    }
}

TYPED_TEST_P(SettingsContract, AMissingStoredKeyIsAnErrorNamingTheColumn) {
    TypeParam::exec("UPDATE partnership_rules SET learning_json = '{\"priorities\":[\"Neglect\"]}'");
    try {
        this->rules_of(this->partnership);
        ADD_FAILURE() << "a rule set with keys missing was read";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("partnership_rules.learning_json"), std::string::npos) << e.what();
    }
}

// Migration 0043 gave every partnership made before it the sign-in rules of today: no second
// factor required, until its settings say otherwise.
TYPED_TEST_P(SettingsContract, RulesStoredBeforeSignInRulesExistedRequireNoSecondFactor) {
    PartnershipId older;
    this->store->write([&](Transaction& tx) { older = tx.partnerships().insert({PartnershipId{}, "o", "O", "O"}, unusual_rules()); });
    // Its rules written as before the migration: without the column, which takes its default.
    TypeParam::exec("DELETE FROM partnership_rules WHERE partnership_id = " + older.str());
    TypeParam::exec("INSERT INTO partnership_rules(partnership_id, reviews_json, governance_json, learning_json, registers_json) "
                    "SELECT " + older.str() + ", reviews_json, governance_json, learning_json, registers_json "
                    "FROM partnership_rules WHERE partnership_id = " + this->partnership.str());
    const auto rules = this->rules_of(older);
    ASSERT_TRUE(rules);
    EXPECT_FALSE(rules->sign_in.two_factor_required);
    TypeParam::exec("UPDATE partnership_rules SET sign_in_json = '{}'");
    try {
        this->rules_of(this->partnership);
        ADD_FAILURE() << "sign-in rules without their key were read";
    } catch (const sql::Error& e) {
        EXPECT_NE(std::string(e.what()).find("partnership_rules.sign_in_json"), std::string::npos) << e.what();
    }
}

REGISTER_TYPED_TEST_SUITE_P(SettingsContract, AProfileAndRuleSetRoundTripWhole, AnUpdateAtAStaleVersionWritesNothing,
                            EachPartnershipKeepsItsOwnRules, APartnershipWithoutRulesAdoptsThemOnce,
                            AnUnknownStoredAnchorIsAnErrorNamingTheColumn, AMissingStoredKeyIsAnErrorNamingTheColumn,
                            RulesStoredBeforeSignInRulesExistedRequireNoSecondFactor);

}  // namespace assure::testing
