#pragma once
// The store contract for review chronologies (issue 18 item 2): an entry comes back whole (a row
// with no time keeps none), only the case's and the partnership's are read, removed or replaced;
// the names a case replaces come back in the order added, and a name is kept once per case
// whatever its case of letters.
#include "app/ports/chronology.hpp"
#include <functional>
#include <type_traits>

#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class ChronologyContract : public StoreContract<Factory> {
protected:
    CaseId a_case(const char* reference, PartnershipId in = {}) {
        Case c;
        c.partnership = in.valid() ? in : this->partnership;
        c.reference = reference;
        c.became_aware_on = *Date::parse("2026-11-20");
        c.incident_on = c.became_aware_on;
        c.children = {{"Child W"}};
        CaseId id;
        this->store->write([&](Transaction& tx) { id = tx.cases().insert(c, standing_of(c, WorkingCalendar())); });
        return id;
    }
    ChronologyEntry entry(CaseId case_id, AgencyId agency, const char* on, int minute, const char* event, PartnershipId in = {}) {
        ChronologyEntry e;
        e.partnership = in.valid() ? in : this->partnership;
        e.case_id = case_id;
        e.agency = agency;
        e.on = *Date::parse(on);
        e.minute = minute;
        e.event = event;
        e.source = "Case note";
        e.analysis = "Seen alone";
        e.added_by = "Beth Unit";
        e.added_at = 1'796'256'000;
        this->store->write([&](Transaction& tx) { e.id = repo(tx).insert_entry(e); });
        return e;
    }
    static ChronologyRepo& repo(Transaction& tx) { return dynamic_cast<ChronologyTransaction&>(tx).chronology(); }
    template <class Question>
    auto read(Question question) {
        std::invoke_result_t<Question, ChronologyRepo&> answer{};
        this->store->read([&](Transaction& tx) { answer = question(repo(tx)); });
        return answer;
    }
    template <class Work>
    auto write(Work work) {
        std::invoke_result_t<Work, ChronologyRepo&> answer{};
        this->store->write([&](Transaction& tx) { answer = work(repo(tx)); });
        return answer;
    }
};

TYPED_TEST_SUITE_P(ChronologyContract);

TYPED_TEST_P(ChronologyContract, EntriesComeBackWholeAndOnlyTheCasesOwn) {
    const AgencyId police = this->agency("Police").id, health = this->agency("Health").id;
    const CaseId w = this->a_case("SI-2026-01"), other = this->a_case("SI-2026-02");
    const auto late = this->entry(w, police, "2016-03-14", 9 * 60 + 30, "Welfare check");
    const auto early = this->entry(w, health, "2016-02-01", -1, "Seen in A&E");
    (void)this->entry(other, police, "2016-01-01", -1, "Another case's row");
    const auto rows = this->read([&](ChronologyRepo& r) { return r.entries(this->partnership, w); });
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].id, early.id) << "by date";
    EXPECT_EQ(rows[0].minute, -1) << "no time stays no time";
    EXPECT_EQ(rows[1].minute, 9 * 60 + 30);
    EXPECT_EQ(rows[1].agency, police);
    EXPECT_EQ(rows[1].case_id, w);
    EXPECT_EQ(rows[1].on.iso(), "2016-03-14");
    EXPECT_EQ(rows[1].event, "Welfare check");
    EXPECT_EQ(rows[1].source, "Case note");
    EXPECT_EQ(rows[1].analysis, "Seen alone");
    EXPECT_EQ(rows[1].added_by, "Beth Unit");
    EXPECT_EQ(rows[1].added_at, 1'796'256'000);
    EXPECT_TRUE(this->read([&](ChronologyRepo& r) { return r.find_entry(this->partnership, w, late.id).has_value(); }));
    EXPECT_FALSE(this->read([&](ChronologyRepo& r) { return r.find_entry(this->partnership, other, late.id).has_value(); }))
        << "another case's id finds nothing";
}

TYPED_TEST_P(ChronologyContract, RemovingOneOrAnAgencysRowsTouchesNothingElse) {
    const AgencyId police = this->agency("Police").id, health = this->agency("Health").id;
    const CaseId w = this->a_case("SI-2026-01"), other = this->a_case("SI-2026-02");
    const auto one = this->entry(w, police, "2016-03-14", -1, "One");
    (void)this->entry(w, police, "2016-03-15", -1, "Two");
    (void)this->entry(w, health, "2016-03-16", -1, "Hospital");
    (void)this->entry(other, police, "2016-03-17", -1, "Other case");
    EXPECT_FALSE(this->write([&](ChronologyRepo& r) { return r.remove_entry(this->partnership, other, one.id); }));
    EXPECT_TRUE(this->write([&](ChronologyRepo& r) { return r.remove_entry(this->partnership, w, one.id); }));
    EXPECT_FALSE(this->write([&](ChronologyRepo& r) { return r.remove_entry(this->partnership, w, one.id); })) << "gone already";
    EXPECT_EQ(this->write([&](ChronologyRepo& r) { return r.remove_agency_entries(this->partnership, w, police); }), 1);
    const auto left = this->read([&](ChronologyRepo& r) { return r.entries(this->partnership, w); });
    ASSERT_EQ(left.size(), 1U);
    EXPECT_EQ(left[0].event, "Hospital");
    EXPECT_EQ(this->read([&](ChronologyRepo& r) { return r.entries(this->partnership, other); }).size(), 1U);
}

TYPED_TEST_P(ChronologyContract, NamesInTheOrderAddedOncePerCaseWhateverTheCase) {
    const CaseId w = this->a_case("SI-2026-01"), other = this->a_case("SI-2026-02");
    const auto sarah = this->write([&](ChronologyRepo& r) { return r.insert_alias(this->partnership, w, {0, "Sarah Jones", "Mother"}); });
    (void)this->write([&](ChronologyRepo& r) { return r.insert_alias(this->partnership, w, {0, "Lee", "Stepfather"}); });
    (void)this->write([&](ChronologyRepo& r) { return r.insert_alias(this->partnership, other, {0, "Sarah Jones", "Aunt"}); });
    EXPECT_THROW(this->write([&](ChronologyRepo& r) { return r.insert_alias(this->partnership, w, {0, "SARAH JONES", "Aunt"}); }),
                 std::exception);
    auto names = this->read([&](ChronologyRepo& r) { return r.aliases(this->partnership, w); });
    ASSERT_EQ(names.size(), 2U);
    EXPECT_EQ(names[0].id, sarah);
    EXPECT_EQ(names[0].name, "Sarah Jones");
    EXPECT_EQ(names[0].stands_for, "Mother");
    EXPECT_EQ(names[1].name, "Lee");
    EXPECT_FALSE(this->write([&](ChronologyRepo& r) { return r.remove_alias(this->partnership, other, sarah); }));
    EXPECT_TRUE(this->write([&](ChronologyRepo& r) { return r.remove_alias(this->partnership, w, sarah); }));
    EXPECT_EQ(this->read([&](ChronologyRepo& r) { return r.aliases(this->partnership, w); }).size(), 1U);
    EXPECT_EQ(this->read([&](ChronologyRepo& r) { return r.aliases(this->partnership, other); }).size(), 1U);
}

REGISTER_TYPED_TEST_SUITE_P(ChronologyContract, EntriesComeBackWholeAndOnlyTheCasesOwn, RemovingOneOrAnAgencysRowsTouchesNothingElse,
                            NamesInTheOrderAddedOncePerCaseWhateverTheCase);

}  // namespace assure::testing
