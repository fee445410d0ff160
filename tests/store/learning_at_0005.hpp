#pragma once
// A database as the JSON-record store left it: schema 0005, each learning record the API's JSON.
// Every engine's migration 0007 must move these records into its columns and child tables so
// that the store reads each one back whole.
#include <gtest/gtest.h>

#include "store/contract.hpp"

namespace assure::testing {

// Rows for a database at schema 0005, with their ids given.
inline const char* const kLearningRecordsAt0005 = R"SQL(
INSERT INTO partnerships(id, slug, name) VALUES (1, 'k', 'Knowsley'), (2, 's', 'Sefton');
INSERT INTO agencies(id, partnership_id, name, kind, statutory_role, sector) VALUES
    (1, 1, 'Housing Trust', 'relevant_agency', 'none', 'housing'), (2, 1, 'Police', 'statutory_partner', 'police', 'police');
INSERT INTO learning_sources(id, partnership_id, kind, on_date, record_json, version) VALUES (1, 1, 'thematic_audit', '2026-10-01',
 '{"id":1,"kind":"thematic_audit","title":"Neglect audit","on":"2026-10-01","status":"complete","summary":"Twelve cases",
   "priorities":["Neglect","Exploitation"],"review":null,"agency":null,"body":"","visitor":"","cases_audited":12,"auditors":[1,2],
   "voice":"Families felt heard","findings":[{"number":1,"kind":"good_practice","text":"Good supervision"},
   {"number":2,"kind":"development","text":"Late referrals"}],"recommendations":[{"number":1,"text":"Train staff",
   "priority":"Neglect","agencies":[1],"review_recommendation":null},{"number":2,"text":"Audit again","priority":"",
   "agencies":[],"review_recommendation":7}],"version":3}', 3);
INSERT INTO improvement_actions(id, partnership_id, agency_id, state, due, record_json, version) VALUES (1, 1, 1, 'completed', '2026-12-01',
 '{"id":1,"source":1,"recommendation":1,"audit_return":null,"standard":"","text":"Train all staff","agency":1,"lead":null,
   "due":"2026-12-01","success_measure":"Audit shows it","group":4,"priority":"Neglect","state":"completed","superseded_reason":"",
   "created_on":"2026-10-02","evidence":[{"on":"2026-11-01","kind":"output","text":"Trained 64","link":"","by":"Lead"}],
   "updates":[{"on":"2026-10-10","by":"BU","from":"proposed","to":"agreed","text":"Agreed"},
   {"on":"2026-11-02","by":"Lead","from":"agreed","to":"completed","text":"Done"}],"version":4}', 4),
 (2, 1, 2, 'agreed', '2027-01-01',
 '{"id":2,"source":null,"recommendation":0,"audit_return":1,"standard":"5","text":"Close the gap","agency":2,"lead":null,
   "due":"2027-01-01","success_measure":"","group":null,"priority":"","state":"agreed","superseded_reason":"",
   "created_on":"2026-08-01","evidence":[],"updates":[],"version":1}', 1);
INSERT INTO audit_cycles(id, partnership_id, kind, record_json, version) VALUES (1, 1, 'section_11',
 '{"id":1,"kind":"section_11","title":"Section 11 2026","opens":"2026-07-01","closes":"2026-09-30","scale":"four_point",
   "standards":[{"code":"1","title":"Leadership","prompt":"Show it"},{"code":"5","title":"Training","prompt":"Show it"}],
   "invited":[1,2],"closed":true,"version":2}', 2);
INSERT INTO audit_returns(id, partnership_id, cycle_id, agency_id, status, record_json, version) VALUES (1, 1, 1, 2, 'submitted',
 '{"id":1,"cycle":1,"agency":2,"status":"submitted","answers":[{"code":"1","grade":"2","narrative":"Strong","evidence":"",
   "moderated_grade":"","moderation_note":""},{"code":"5","grade":"2","narrative":"Some","evidence":"Plan",
   "moderated_grade":"3","moderation_note":"Not yet"}],"submitted_on":"2026-09-01","submitted_by":"Pat","challenge_notes":"Challenged",
   "moderated_on":"2026-09-10","shared_from":{"partnership":2,"partnership_name":"Sefton","source":9,"shared_on":"2026-08-31"},
   "shared_with":[{"partnership":2,"partnership_name":"Sefton","cycle":3,"copy":4,"shared_on":"2026-09-02"}],"version":3}', 3),
 (2, 1, 1, 1, 'draft',
 '{"id":2,"cycle":1,"agency":1,"status":"draft","answers":[],"submitted_on":null,"submitted_by":"","challenge_notes":"",
   "moderated_on":null,"shared_from":null,"shared_with":[],"version":1}', 1);
INSERT INTO briefings(id, partnership_id, kind, on_date, record_json, version) VALUES (1, 1, 'seven_minute', '2026-11-01',
 '{"id":1,"kind":"seven_minute","title":"Neglect in 7 minutes","on":"2026-11-01","audience":"All staff","link":"",
   "reached":120,"sources":[1],"version":1}', 1);
)SQL";

// What a store upgraded from kLearningRecordsAt0005 must read back.
inline void expect_learning_records_read_back(Store& store) {
    store.read([&](Transaction& tx) {
        const PartnershipId k{1};
        const auto src = tx.learning().find_source(k, LearningSourceId{1});
        ASSERT_TRUE(src);
        EXPECT_EQ(src->version, 3);
        EXPECT_EQ(src->title, "Neglect audit");
        EXPECT_EQ(src->status, SourceStatus::complete);
        EXPECT_EQ(src->summary, "Twelve cases");
        EXPECT_EQ(src->priorities, (std::vector<std::string>{"Neglect", "Exploitation"}));
        EXPECT_EQ(src->cases_audited, 12);
        EXPECT_EQ(src->auditors, (std::vector<AgencyId>{AgencyId{1}, AgencyId{2}}));
        EXPECT_EQ(src->voice, "Families felt heard");
        ASSERT_EQ(src->findings.size(), 2u);
        EXPECT_EQ(src->findings[1].kind, FindingKind::development);
        ASSERT_EQ(src->recommendations.size(), 2u);
        EXPECT_EQ(src->recommendations[0].agencies, std::vector<AgencyId>{AgencyId{1}});
        EXPECT_EQ(src->recommendations[1].review_recommendation, RecommendationId{7});
        EXPECT_FALSE(src->agency.valid());

        const auto done = tx.learning().find_improvement(k, ImprovementId{1});
        ASSERT_TRUE(done);
        EXPECT_EQ(done->version, 4);
        EXPECT_EQ(done->state, ActionState::completed);
        EXPECT_EQ(done->source, LearningSourceId{1});
        EXPECT_EQ(done->recommendation, 1);
        EXPECT_EQ(done->group, GroupId{4});
        EXPECT_EQ(done->success_measure, "Audit shows it");
        EXPECT_EQ(done->created_on.iso(), "2026-10-02");
        ASSERT_EQ(done->updates.size(), 2u);
        EXPECT_EQ(done->updates[1].to, ActionState::completed);
        ASSERT_EQ(done->evidence.size(), 1u);
        EXPECT_EQ(done->evidence[0].text, "Trained 64");
        const auto gap = tx.learning().find_improvement(k, ImprovementId{2});
        ASSERT_TRUE(gap);
        EXPECT_EQ(gap->audit_return, AuditReturnId{1});
        EXPECT_EQ(gap->standard, "5");
        EXPECT_FALSE(gap->source.valid());

        // The columns the queries use were filled from the records.
        ImprovementQuery q;
        q.partnership = k;
        q.without_impact = true;
        EXPECT_EQ(tx.learning().improvements(q).items.size(), 1u);  // the completed one: output, no impact
        q.without_impact = false;
        q.stale_on = *Date::parse("2026-11-23");
        const auto stale = tx.learning().improvements(q).items;  // nothing recorded on the gap since 1 August
        ASSERT_EQ(stale.size(), 1u);
        EXPECT_EQ(stale[0].id, ImprovementId{2});
        q.stale_on.reset();
        q.source = LearningSourceId{1};
        q.recommendation = 1;
        EXPECT_EQ(tx.learning().improvements(q).items.size(), 1u);

        const auto cycle = tx.learning().find_cycle(k, AuditCycleId{1});
        ASSERT_TRUE(cycle);
        EXPECT_EQ(cycle->title, "Section 11 2026");
        EXPECT_TRUE(cycle->closed);
        EXPECT_EQ(cycle->standards.size(), 2u);
        EXPECT_EQ(cycle->invited.size(), 2u);
        EXPECT_EQ(cycle->version, 2);

        const auto ret = tx.learning().find_return(k, AuditCycleId{1}, AgencyId{2});
        ASSERT_TRUE(ret);
        EXPECT_EQ(ret->id, AuditReturnId{1});
        EXPECT_EQ(ret->status, ReturnStatus::submitted);
        EXPECT_EQ(ret->submitted_on->iso(), "2026-09-01");
        EXPECT_EQ(ret->moderated_on->iso(), "2026-09-10");
        EXPECT_EQ(ret->challenge_notes, "Challenged");
        ASSERT_EQ(ret->answers.size(), 2u);
        EXPECT_EQ(ret->answers[1].moderated_grade, "3");
        ASSERT_TRUE(ret->shared_from);
        EXPECT_EQ(ret->shared_from->partnership_name, "Sefton");
        EXPECT_EQ(ret->shared_from->source, AuditReturnId{9});
        ASSERT_EQ(ret->shared_with.size(), 1u);
        EXPECT_EQ(ret->shared_with[0].copy, AuditReturnId{4});
        const auto draft = tx.learning().find_return(k, AuditCycleId{1}, AgencyId{1});
        ASSERT_TRUE(draft);
        EXPECT_FALSE(draft->submitted_on);
        EXPECT_FALSE(draft->shared_from);
        EXPECT_EQ(tx.learning().returns_of(k, AuditCycleId{1}).size(), 2u);

        const auto briefings = tx.learning().briefings_for(k, {LearningSourceId{1}});
        ASSERT_EQ(briefings.size(), 1u);
        EXPECT_EQ(briefings[0].title, "Neglect in 7 minutes");
        EXPECT_EQ(briefings[0].reached, 120);
        EXPECT_EQ(briefings[0].sources, std::vector<LearningSourceId>{LearningSourceId{1}});
    });
}

}  // namespace assure::testing
