#pragma once
// The store contract for the per-case audit tool (issue 20 item 5): an audit's questions kept and
// replaced; its cases in the order added, a pseudonym once per audit whatever its letters' case;
// an agency's audit and a moderation saved new once and changed only at the version read, and
// read back whole; another audit's or partnership's never read.
#include <functional>
#include <type_traits>

#include "app/ports/case_audits.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class CaseAuditsContract : public StoreContract<Factory> {
protected:
    static CaseAuditRepo& repo(Transaction& tx) { return dynamic_cast<CaseAuditTransaction&>(tx).case_audits(); }
    template <class Work>
    auto write(Work work) {
        std::invoke_result_t<Work, CaseAuditRepo&> answer{};
        this->store->write([&](Transaction& tx) { answer = work(repo(tx)); });
        return answer;
    }
    template <class Question>
    auto read(Question question) {
        std::invoke_result_t<Question, CaseAuditRepo&> answer{};
        this->store->read([&](Transaction& tx) { answer = question(repo(tx)); });
        return answer;
    }
    LearningSourceId source(const char* title) {
        LearningSource s;
        s.partnership = this->partnership;
        s.kind = SourceKind::thematic_audit;
        s.title = title;
        s.on = Date{2017, 1, 10};
        LearningSourceId id;
        this->store->write([&](Transaction& tx) { id = tx.learning().insert_source(s); });
        return id;
    }
    AuditedCase audited(LearningSourceId audit, const char* pseudonym, std::vector<AgencyId> agencies) {
        AuditedCase c;
        c.partnership = this->partnership;
        c.audit = audit;
        c.pseudonym = pseudonym;
        c.summary = "Neglect of two children";
        c.agencies = std::move(agencies);
        return c;
    }
};

TYPED_TEST_SUITE_P(CaseAuditsContract);

TYPED_TEST_P(CaseAuditsContract, QuestionsAndCasesComeBackAsKept) {
    const auto neglect = this->source("Neglect audit"), abuse = this->source("Domestic abuse audit");
    const Agency council = this->agency("Council"), police = this->agency("Police");
    EXPECT_FALSE(this->read([&](CaseAuditRepo& r) { return r.questions(this->partnership, neglect); }));
    this->store->write([&](Transaction& tx) { this->repo(tx).set_questions(this->partnership, neglect, {{"1", "Seen?"}, {"2", "Shared?"}}); });
    this->store->write([&](Transaction& tx) { this->repo(tx).set_questions(this->partnership, neglect, {{"1", "Seen alone?"}}); });
    const auto q = this->read([&](CaseAuditRepo& r) { return r.questions(this->partnership, neglect); });
    ASSERT_TRUE(q);
    ASSERT_EQ(q->size(), 1u);
    EXPECT_EQ(q->at(0).text, "Seen alone?");

    const auto a = this->write([&](CaseAuditRepo& r) { return r.insert_case(this->audited(neglect, "Case A", {council.id, police.id})); });
    EXPECT_GT(a, 0);
    EXPECT_EQ(this->write([&](CaseAuditRepo& r) { return r.insert_case(this->audited(neglect, "case a", {council.id})); }), 0) << "the pseudonym again";
    EXPECT_GT(this->write([&](CaseAuditRepo& r) { return r.insert_case(this->audited(abuse, "Case A", {council.id})); }), 0) << "another audit's";
    this->write([&](CaseAuditRepo& r) { return r.insert_case(this->audited(neglect, "Case B", {police.id})); });
    const auto cases = this->read([&](CaseAuditRepo& r) { return r.cases(this->partnership, neglect); });
    ASSERT_EQ(cases.size(), 2u);
    EXPECT_EQ(cases[0].pseudonym, "Case A");
    EXPECT_EQ(cases[0].agencies, (std::vector<AgencyId>{council.id, police.id}));
    EXPECT_EQ(cases[0].summary, "Neglect of two children");
    EXPECT_EQ(cases[1].pseudonym, "Case B");
    const auto found = this->read([&](CaseAuditRepo& r) { return r.find_case(this->partnership, a); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->audit, neglect);
    PartnershipId elsewhere;
    this->store->write([&](Transaction& tx) { elsewhere = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
    EXPECT_FALSE(this->read([&](CaseAuditRepo& r) { return r.find_case(elsewhere, a); }));
}

TYPED_TEST_P(CaseAuditsContract, AuditsAndModerationChangeOnlyAtTheVersionRead) {
    const auto neglect = this->source("Neglect audit");
    const Agency council = this->agency("Council"), police = this->agency("Police");
    const auto a = this->write([&](CaseAuditRepo& r) { return r.insert_case(this->audited(neglect, "Case A", {council.id, police.id})); });
    AgencyCaseAudit audit{a, police.id, {{"1", "3", "Seen once"}, {"2", "", ""}}, false, "Steven Rigby", 1'796'256'000, 0};
    EXPECT_TRUE(this->write([&](CaseAuditRepo& r) { return r.save_agency_audit(this->partnership, audit, 0); }));
    EXPECT_FALSE(this->write([&](CaseAuditRepo& r) { return r.save_agency_audit(this->partnership, audit, 0); })) << "new only once";
    audit.answers[1].grade = "2";
    audit.submitted = true;
    EXPECT_FALSE(this->write([&](CaseAuditRepo& r) { return r.save_agency_audit(this->partnership, audit, 2); }));
    EXPECT_TRUE(this->write([&](CaseAuditRepo& r) { return r.save_agency_audit(this->partnership, audit, 1); }));
    const auto audits = this->read([&](CaseAuditRepo& r) { return r.agency_audits(this->partnership, neglect); });
    ASSERT_EQ(audits.size(), 1u);
    EXPECT_TRUE(audits[0].submitted);
    EXPECT_EQ(audits[0].version, 2);
    EXPECT_EQ(audits[0].answers[0].comment, "Seen once");
    EXPECT_EQ(audits[0].answers[1].grade, "2");
    EXPECT_EQ(audits[0].by, "Steven Rigby");

    CaseModeration m{a, Date{2017, 3, 14}, {{"1", "3", "Agreed"}, {"2", "2", ""}}, "Good discussion", "Gareth Oduya", 0};
    EXPECT_TRUE(this->write([&](CaseAuditRepo& r) { return r.save_moderation(this->partnership, m, 0); }));
    m.notes = "Changed";
    EXPECT_FALSE(this->write([&](CaseAuditRepo& r) { return r.save_moderation(this->partnership, m, 0); }));
    EXPECT_TRUE(this->write([&](CaseAuditRepo& r) { return r.save_moderation(this->partnership, m, 1); }));
    const auto moderations = this->read([&](CaseAuditRepo& r) { return r.moderations(this->partnership, neglect); });
    ASSERT_EQ(moderations.size(), 1u);
    EXPECT_EQ(moderations[0].met_on, (Date{2017, 3, 14}));
    EXPECT_EQ(moderations[0].notes, "Changed");
    EXPECT_EQ(moderations[0].agreed[0].comment, "Agreed");
    EXPECT_EQ(moderations[0].version, 2);
}

REGISTER_TYPED_TEST_SUITE_P(CaseAuditsContract, QuestionsAndCasesComeBackAsKept, AuditsAndModerationChangeOnlyAtTheVersionRead);

}  // namespace assure::testing
