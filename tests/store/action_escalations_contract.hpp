#pragma once
// The store contract for escalated actions (issue 20 item 7; decision 0036): each action, step,
// due date and person is recorded once; an action's escalations come back in the order made;
// a person's open escalations leave out closed actions and those given a new due date since, and
// another partnership's.
#include "app/ports/action_escalations.hpp"
#include "store/directory_contract.hpp"

namespace assure::testing {

template <class Factory>
class ActionEscalationsContract : public DirectoryContract<Factory> {
protected:
    ActionItem action(const std::string& text, const char* due) {
        if (!owner.valid()) owner = this->person("Owen Owner", AgencyId{}, "owen@x.org").id;
        ActionItem a;
        this->store->write([&](Transaction& tx) {
            if (!group.valid()) {
                Group g;
                g.partnership = this->partnership;
                g.name = "Core Business Group";
                g.active_from = *Date::parse("2025-01-01");
                group = tx.governance().insert_group(g);
                Meeting m;
                m.partnership = this->partnership;
                m.group = group;
                m.on = *Date::parse("2026-05-01");
                m.status = MeetingStatus::held;
                meeting = tx.governance().insert_meeting(m);
            }
            a.partnership = this->partnership;
            a.group = group;
            a.meeting = meeting;
            a.text = text;
            a.owner = owner;
            a.due = *Date::parse(due);
            a.id = tx.governance().insert_action(a);
        });
        return a;
    }
    ActionEscalation escalation(ActionId a, EscalationStep step, const char* due, PersonId to, const char* on = "2026-06-15") {
        return {a, step, *Date::parse(due), *Date::parse(on), to, "Chair " + to.str()};
    }
    bool record(const ActionEscalation& e, PartnershipId in = {}) {
        bool made = false;
        this->store->write([&](Transaction& tx) {
            made = dynamic_cast<ActionEscalationTransaction&>(tx).action_escalations().record(in.valid() ? in : this->partnership, e);
        });
        return made;
    }
    template <class Work>
    void in_read(Work work) {
        this->store->read([&](Transaction& tx) { work(dynamic_cast<ActionEscalationTransaction&>(tx).action_escalations()); });
    }
    PersonId owner;
    GroupId group;
    MeetingId meeting;
};

TYPED_TEST_SUITE_P(ActionEscalationsContract);

TYPED_TEST_P(ActionEscalationsContract, EachStepIsRecordedOnceAndReadBackInOrder) {
    const PersonId chair = this->person("Claire Moss", AgencyId{}, "claire@x.org").id;
    const PersonId lead = this->person("Rachel Ainsworth", AgencyId{}, "rachel@x.org").id;
    const ActionItem a = this->action("Circulate the neglect toolkit", "2026-05-29");
    EXPECT_TRUE(this->record(this->escalation(a.id, EscalationStep::chair, "2026-05-29", chair)));
    EXPECT_FALSE(this->record(this->escalation(a.id, EscalationStep::chair, "2026-05-29", chair, "2026-06-16")))
        << "the same step, due date and person: once";
    EXPECT_TRUE(this->record(this->escalation(a.id, EscalationStep::partners, "2026-05-29", lead, "2026-06-26")));
    this->in_read([&](ActionEscalationRepo& r) {
        const auto all = r.of_action(this->partnership, a.id);
        ASSERT_EQ(all.size(), 2U);
        EXPECT_EQ(all[0].step, EscalationStep::chair);
        EXPECT_EQ(all[0].person, chair);
        EXPECT_EQ(all[0].person_name, "Chair " + chair.str());
        EXPECT_EQ(all[0].due.iso(), "2026-05-29");
        EXPECT_EQ(all[0].escalated_on.iso(), "2026-06-15");
        EXPECT_EQ(all[1].step, EscalationStep::partners);
        EXPECT_EQ(all[1].escalated_on.iso(), "2026-06-26");
        EXPECT_TRUE(r.of_action(this->partnership, ActionId{a.id.value + 999}).empty());
    });
}

TYPED_TEST_P(ActionEscalationsContract, APersonsOpenEscalationsLeaveOutClosedAndRedatedActions) {
    const PersonId chair = this->person("Claire Moss", AgencyId{}, "claire@x.org").id;
    ActionItem open_one = this->action("Open and still late", "2026-05-01");
    ActionItem done = this->action("Done since", "2026-05-02");
    ActionItem redated = this->action("Given a new date since", "2026-05-03");
    for (const ActionItem* a : {&open_one, &done, &redated}) {
        ASSERT_TRUE(this->record(this->escalation(a->id, EscalationStep::chair, a->due.iso().c_str(), chair)));
    }
    this->store->write([&](Transaction& tx) {
        done.status = ActionStatus::done;
        done.closed_on = *Date::parse("2026-06-20");
        ASSERT_TRUE(tx.governance().update_action(done));
        redated.due = *Date::parse("2026-09-01");
        redated.version = 1;
        ASSERT_TRUE(tx.governance().update_action(redated));
    });
    this->in_read([&](ActionEscalationRepo& r) {
        const auto mine = r.open_escalated_to(this->partnership, chair);
        ASSERT_EQ(mine.size(), 1U);
        EXPECT_EQ(mine[0].action, open_one.id);
        EXPECT_EQ(mine[0].action_text, "Open and still late");
        EXPECT_EQ(mine[0].action_owner, this->owner);
        EXPECT_TRUE(r.open_escalated_to(this->partnership, PersonId{chair.value + 999}).empty());
        EXPECT_TRUE(r.open_escalated_to(PartnershipId{this->partnership.value + 999}, chair).empty()) << "another partnership's";
    });
}

REGISTER_TYPED_TEST_SUITE_P(ActionEscalationsContract, EachStepIsRecordedOnceAndReadBackInOrder,
                            APersonsOpenEscalationsLeaveOutClosedAndRedatedActions);

}  // namespace assure::testing
