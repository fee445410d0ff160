#pragma once
// The store contract for agencies' assurance statements (issue 18 item 3): one statement per
// agency and year, saved new only once and changed only at the version read; the history in the
// order noted; another year's or partnership's never read.
#include <functional>
#include <type_traits>

#include "app/ports/agency_statements.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class AgencyStatementsContract : public StoreContract<Factory> {
protected:
    static AgencyStatementRepo& repo(Transaction& tx) { return dynamic_cast<AgencyStatementTransaction&>(tx).agency_statements(); }
    template <class Work>
    auto write(Work work) {
        std::invoke_result_t<Work, AgencyStatementRepo&> answer{};
        this->store->write([&](Transaction& tx) { answer = work(repo(tx)); });
        return answer;
    }
    template <class Question>
    auto read(Question question) {
        std::invoke_result_t<Question, AgencyStatementRepo&> answer{};
        this->store->read([&](Transaction& tx) { answer = question(repo(tx)); });
        return answer;
    }
    AgencyStatement statement(AgencyId agency, int year, const char* text) {
        AgencyStatement s;
        s.partnership = this->partnership;
        s.year = FinancialYear{year};
        s.agency = agency;
        s.text = text;
        s.state = StatementState::draft;
        s.updated_by = "Andrew Kerr";
        s.updated_at = 1'796'256'000;
        return s;
    }
};

TYPED_TEST_SUITE_P(AgencyStatementsContract);

TYPED_TEST_P(AgencyStatementsContract, SavedOnceThenChangedOnlyAtTheVersionRead) {
    const AgencyId housing = this->agency("Housing").id, police = this->agency("Police").id;
    auto s = this->statement(housing, 2016, "Our year");
    EXPECT_TRUE(this->write([&](AgencyStatementRepo& r) { return r.save(s, 0); }));
    EXPECT_FALSE(this->write([&](AgencyStatementRepo& r) { return r.save(s, 0); })) << "a second new one for the same agency and year";
    EXPECT_TRUE(this->write([&](AgencyStatementRepo& r) { return r.save(this->statement(housing, 2017, "Next year"), 0); }));
    EXPECT_TRUE(this->write([&](AgencyStatementRepo& r) { return r.save(this->statement(police, 2016, "Police"), 0); }));

    s.text = "Our year, submitted";
    s.state = StatementState::submitted;
    s.submitted_by = "Andrew Kerr";
    s.submitted_at = 1'796'256'100;
    EXPECT_FALSE(this->write([&](AgencyStatementRepo& r) { return r.save(s, 2); })) << "not at version 2";
    EXPECT_TRUE(this->write([&](AgencyStatementRepo& r) { return r.save(s, 1); }));
    const auto found = this->read([&](AgencyStatementRepo& r) { return r.find(this->partnership, FinancialYear{2016}, housing); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->version, 2);
    EXPECT_EQ(found->text, "Our year, submitted");
    EXPECT_EQ(found->state, StatementState::submitted);
    EXPECT_EQ(found->submitted_by, "Andrew Kerr");
    EXPECT_EQ(found->submitted_at, 1'796'256'100);
    EXPECT_EQ(found->updated_at, 1'796'256'000);
    EXPECT_EQ(found->year.start, 2016);
    const auto year = this->read([&](AgencyStatementRepo& r) { return r.statements(this->partnership, FinancialYear{2016}); });
    ASSERT_EQ(year.size(), 2U) << "the other year's is not read";
    EXPECT_FALSE(this->read([&](AgencyStatementRepo& r) { return r.find(this->partnership, FinancialYear{2018}, housing).has_value(); }));
}

TYPED_TEST_P(AgencyStatementsContract, TheHistoryInTheOrderNoted) {
    const AgencyId housing = this->agency("Housing").id, police = this->agency("Police").id;
    const FinancialYear y{2016};
    (void)this->write([&](AgencyStatementRepo& r) {
        r.add_note(this->partnership, y, housing, {0, StatementNoteKind::submitted, "", "Andrew Kerr", 100});
        r.add_note(this->partnership, y, housing, {0, StatementNoteKind::returned, "Add figures", "Gareth Oduya", 200});
        r.add_note(this->partnership, y, police, {0, StatementNoteKind::comment, "Police's", "Someone", 150});
        return true;
    });
    const auto notes = this->read([&](AgencyStatementRepo& r) { return r.notes(this->partnership, y, housing); });
    ASSERT_EQ(notes.size(), 2U);
    EXPECT_EQ(notes[0].kind, StatementNoteKind::submitted);
    EXPECT_EQ(notes[1].kind, StatementNoteKind::returned);
    EXPECT_EQ(notes[1].text, "Add figures");
    EXPECT_EQ(notes[1].by, "Gareth Oduya");
    EXPECT_EQ(notes[1].at, 200);
    EXPECT_GT(notes[1].id, notes[0].id);
    EXPECT_TRUE(this->read([&](AgencyStatementRepo& r) { return r.notes(this->partnership, FinancialYear{2017}, housing); }).empty());
}

REGISTER_TYPED_TEST_SUITE_P(AgencyStatementsContract, SavedOnceThenChangedOnlyAtTheVersionRead, TheHistoryInTheOrderNoted);

}  // namespace assure::testing
