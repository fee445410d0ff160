#pragma once
// The store contract for the schools register (issue 20 item 3): a setting comes back whole with
// its agency's name and state and its lead's name and email; a URN or an agency once per
// partnership; a change only at the version read; a round's duty and phases come back as kept;
// another partnership's never read.
#include <functional>
#include <type_traits>

#include "app/ports/schools.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class SchoolsContract : public StoreContract<Factory> {
protected:
    static SchoolRepo& repo(Transaction& tx) { return dynamic_cast<SchoolTransaction&>(tx).schools(); }
    template <class Work>
    auto write(Work work) {
        std::invoke_result_t<Work, SchoolRepo&> answer{};
        this->store->write([&](Transaction& tx) { answer = work(repo(tx)); });
        return answer;
    }
    template <class Question>
    auto read(Question question) {
        std::invoke_result_t<Question, SchoolRepo&> answer{};
        this->store->read([&](Transaction& tx) { answer = question(repo(tx)); });
        return answer;
    }
    School school(AgencyId agency, const char* urn, SchoolPhase phase = SchoolPhase::primary) {
        School s;
        s.partnership = this->partnership;
        s.agency = agency;
        s.urn = urn;
        s.phase = phase;
        s.establishment_type = "Community school";
        s.duty = SchoolDuty::section_175;
        return s;
    }
    PersonId person(const char* name, const char* email, AgencyId agency) {
        Person p;
        p.partnership = this->partnership;
        p.name = name;
        p.job_title = "Designated safeguarding lead";
        p.agency = agency;
        p.email = email;
        PersonId id;
        this->store->write([&](Transaction& tx) { id = tx.people().insert(p); });
        return id;
    }
};

TYPED_TEST_SUITE_P(SchoolsContract);

TYPED_TEST_P(SchoolsContract, ASettingComesBackWholeWithItsAgencyAndLead) {
    const Agency halewood = this->agency("Halewood Primary");
    const Agency college = this->agency("Knowsley College", false);
    auto s = this->school(halewood.id, "104478");
    s.lead = this->person("Jo Shaw", "jo@halewood.sch.uk", halewood.id);
    EXPECT_TRUE(this->write([&](SchoolRepo& r) { return r.save(s, 0); }));
    EXPECT_TRUE(this->write([&](SchoolRepo& r) { return r.save(this->school(college.id, "130498", SchoolPhase::college), 0); }));
    const auto found = this->read([&](SchoolRepo& r) { return r.find_by_urn(this->partnership, "104478"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->agency, halewood.id);
    EXPECT_EQ(found->name, "Halewood Primary");
    EXPECT_EQ(found->phase, SchoolPhase::primary);
    EXPECT_EQ(found->establishment_type, "Community school");
    EXPECT_EQ(found->duty, SchoolDuty::section_175);
    EXPECT_EQ(found->lead, s.lead);
    EXPECT_EQ(found->lead_name, "Jo Shaw");
    EXPECT_EQ(found->lead_email, "jo@halewood.sch.uk");
    EXPECT_TRUE(found->active);
    EXPECT_EQ(found->version, 1);
    const auto list = this->read([&](SchoolRepo& r) { return r.list(this->partnership); });
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].name, "Halewood Primary") << "by name";
    EXPECT_FALSE(list[1].active) << "the agency's state";
    EXPECT_EQ(list[1].lead, PersonId{});
    EXPECT_TRUE(list[1].lead_name.empty());
}

TYPED_TEST_P(SchoolsContract, AUrnOrAnAgencyOncePerPartnershipAndChangesOnlyAtTheVersionRead) {
    const Agency a = this->agency("A"), b = this->agency("B");
    EXPECT_TRUE(this->write([&](SchoolRepo& r) { return r.save(this->school(a.id, "104478"), 0); }));
    EXPECT_FALSE(this->write([&](SchoolRepo& r) { return r.save(this->school(b.id, "104478"), 0); })) << "the URN again";
    EXPECT_FALSE(this->write([&](SchoolRepo& r) { return r.save(this->school(a.id, "104479"), 0); })) << "the agency again";
    auto changed = this->school(a.id, "104478", SchoolPhase::secondary);
    changed.duty = SchoolDuty::section_157;
    EXPECT_FALSE(this->write([&](SchoolRepo& r) { return r.save(changed, 2); }));
    EXPECT_TRUE(this->write([&](SchoolRepo& r) { return r.save(changed, 1); }));
    const auto found = this->read([&](SchoolRepo& r) { return r.find(this->partnership, a.id); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->phase, SchoolPhase::secondary);
    EXPECT_EQ(found->duty, SchoolDuty::section_157);
    EXPECT_EQ(found->version, 2);
    EXPECT_FALSE(this->read([&](SchoolRepo& r) { return r.find(this->partnership, b.id); }));
}

TYPED_TEST_P(SchoolsContract, ARoundComesBackAsKeptAndOnlyInItsPartnership) {
    const Agency a = this->agency("A");
    AuditCycle c;
    c.partnership = this->partnership;
    c.kind = AuditKind::section_175;
    c.title = "Section 175 audit 2026";
    c.opens = Date{2026, 12, 1};
    c.closes = Date{2027, 2, 26};
    c.invited = {a.id};
    AuditCycleId cycle, other;
    this->store->write([&](Transaction& tx) {
        cycle = tx.learning().insert_cycle(c);
        other = tx.learning().insert_cycle(c);
    });
    this->store->write([&](Transaction& tx) {
        this->repo(tx).add_round(this->partnership, SchoolRound{cycle, SchoolDuty::early_years, {SchoolPhase::early_years, SchoolPhase::nursery}});
        this->repo(tx).add_round(this->partnership, SchoolRound{other, SchoolDuty::section_157, {}});
    });
    const auto round = this->read([&](SchoolRepo& r) { return r.round(this->partnership, cycle); });
    ASSERT_TRUE(round);
    EXPECT_EQ(round->duty, SchoolDuty::early_years);
    EXPECT_EQ(round->phases, (std::vector<SchoolPhase>{SchoolPhase::early_years, SchoolPhase::nursery}));
    const auto every = this->read([&](SchoolRepo& r) { return r.round(this->partnership, other); });
    ASSERT_TRUE(every);
    EXPECT_TRUE(every->phases.empty());
    PartnershipId elsewhere;
    this->store->write([&](Transaction& tx) { elsewhere = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
    EXPECT_FALSE(this->read([&](SchoolRepo& r) { return r.round(elsewhere, cycle); }));
    EXPECT_TRUE(this->read([&](SchoolRepo& r) { return r.list(elsewhere); }).empty());
}

REGISTER_TYPED_TEST_SUITE_P(SchoolsContract, ASettingComesBackWholeWithItsAgencyAndLead,
                            AUrnOrAnAgencyOncePerPartnershipAndChangesOnlyAtTheVersionRead, ARoundComesBackAsKeptAndOnlyInItsPartnership);

}  // namespace assure::testing
