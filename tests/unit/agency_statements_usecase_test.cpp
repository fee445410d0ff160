// Agencies' assurance statements through their use cases on an SQLite file (issue 18 item 3): an
// agency's lead writes and submits their own agency's statement and no other; the business unit
// returns it with a reason and accepts the resubmitted one, which the report then carries; a
// change from a stale page is refused; every change is audited with its note.
#include <gtest/gtest.h>

#include "app/agency_statements.hpp"
#include "app/my_work.hpp"
#include "app/report.hpp"
#include "fakes/fakes.hpp"
#include "fakes/refusal.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct StatementsWorld {
    World w;
    AgencyId housing, police;
    Actor bu, lead;  // lead: Knowsley Housing Trust's safeguarding lead
    const std::string year = "2025-26";

    StatementsWorld() {
        w.clock.at = 1'796'256'000;  // 2026-12-03 00:00 UTC
        housing = w.add_agency({AgencyId{}, {}, "Knowsley Housing Trust", AgencyKind::relevant_agency, StatutoryRole::none, "housing"});
        police = w.add_agency({AgencyId{}, {}, "Merseyside Police", AgencyKind::statutory_partner, StatutoryRole::police, "police"});
        bu = w.as(Role::business_unit);
        lead = w.add_user(w.add_person({PersonId{}, {}, "Andrew Kerr", "Safeguarding Lead", housing, "andrew@example.org"}), Role::agency_lead);
    }
};

}  // namespace

TEST(AgencyStatementUseCases, TheLeadWritesAndSubmitsTheirOwnAgencysAndNoOther) {
    StatementsWorld t;
    const auto listed = list_statements(t.w.services, t.lead, t.year);
    const auto mine = std::find_if(listed.lines.begin(), listed.lines.end(), [&](const StatementLine& l) { return l.agency.id == t.housing; });
    ASSERT_NE(mine, listed.lines.end());
    EXPECT_TRUE(mine->may_write);
    EXPECT_EQ(mine->statement.state, StatementState::not_started);
    EXPECT_FALSE(listed.may_decide);
    for (const auto& l : listed.lines) {
        if (l.agency.id != t.housing) {
            EXPECT_FALSE(l.may_write) << l.agency.name;
        }
    }

    auto st = save_statement(t.w.services, t.lead, t.year, t.housing, 0, "We set up an internal safeguarding forum.");
    EXPECT_EQ(st.state, StatementState::draft);
    EXPECT_EQ(st.version, 1);
    EXPECT_EQ(t.w.audit_actions().back(), "statement.save");
    EXPECT_EQ(refusal_of([&] { (void)save_statement(t.w.services, t.lead, t.year, t.police, 0, "Not ours"); }),
              FailureCode::forbidden);
    EXPECT_EQ(refusal_of([&] { (void)save_statement(t.w.services, t.lead, t.year, t.housing, 0, "From an old page"); }),
              FailureCode::conflict)
        << "a stale version";
    st = submit_statement(t.w.services, t.lead, t.year, t.housing, st.version);
    EXPECT_EQ(st.state, StatementState::submitted);
    EXPECT_EQ(st.submitted_by, t.lead.name());
    EXPECT_EQ(refusal_of([&] { (void)save_statement(t.w.services, t.lead, t.year, t.housing, st.version, "Changed"); }),
              FailureCode::invalid)
        << "with the business unit now";
    EXPECT_EQ(refusal_of([&] { (void)accept_statement(t.w.services, t.lead, t.year, t.housing, st.version); }),
              FailureCode::forbidden);
}

TEST(AgencyStatementUseCases, ReturnedWithAReasonResubmittedAcceptedAndCarriedByTheReport) {
    StatementsWorld t;
    auto st = save_statement(t.w.services, t.lead, t.year, t.housing, 0, "We set up an internal safeguarding forum.");
    st = submit_statement(t.w.services, t.lead, t.year, t.housing, st.version);
    const auto audits = t.w.audit_count();
    try {
        (void)return_statement(t.w.services, t.bu, t.year, t.housing, st.version, " ");
        FAIL();
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_EQ(f.fields().front().field, "comment");
    }
    EXPECT_EQ(t.w.audit_count(), audits) << "nothing saved";
    st = return_statement(t.w.services, t.bu, t.year, t.housing, st.version, "Add how many staff were trained.");
    EXPECT_EQ(st.state, StatementState::returned);
    (void)comment_on_statement(t.w.services, t.lead, t.year, t.housing, "Added the figures from our training log.");
    st = save_statement(t.w.services, t.lead, t.year, t.housing, st.version, "We set up a forum and trained 120 staff.");
    EXPECT_EQ(st.state, StatementState::draft);
    st = submit_statement(t.w.services, t.lead, t.year, t.housing, st.version);
    EXPECT_TRUE(report_records(t.w.services, t.bu, t.year).statements.empty()) << "not in the report until accepted";
    st = accept_statement(t.w.services, t.bu, t.year, t.housing, st.version);
    EXPECT_EQ(st.state, StatementState::accepted);

    const StatementView v = read_statement(t.w.services, t.w.as(Role::read_only), t.year, t.housing);
    ASSERT_EQ(v.notes.size(), 5U);
    EXPECT_EQ(v.notes[0].kind, StatementNoteKind::submitted);
    EXPECT_EQ(v.notes[1].kind, StatementNoteKind::returned);
    EXPECT_EQ(v.notes[1].text, "Add how many staff were trained.");
    EXPECT_EQ(v.notes[2].kind, StatementNoteKind::comment);
    EXPECT_EQ(v.notes[2].by, "Andrew Kerr");
    EXPECT_EQ(v.notes[4].kind, StatementNoteKind::accepted);
    EXPECT_FALSE(v.line.may_write);

    const auto report = report_records(t.w.services, t.w.as(Role::read_only), t.year);
    ASSERT_EQ(report.statements.size(), 1U);
    EXPECT_EQ(report.statements[0].agency, "Knowsley Housing Trust");
    EXPECT_EQ(report.statements[0].statement.text, "We set up a forum and trained 120 staff.");
    const auto trail = t.w.audit_actions();
    EXPECT_EQ(std::count(trail.begin(), trail.end(), "statement.submit"), 2);
    EXPECT_EQ(trail.back(), "statement.accept");
    EXPECT_NE(t.w.last_audit().before_json.find("\"state\":\"submitted\""), std::string::npos);
}

// What waits for whom: the business unit sees a submitted statement in My work; once returned,
// the agency's lead does, with the link to it; once accepted, neither.
TEST(AgencyStatementUseCases, MyWorkListsTheStatementForWhoeverItWaitsFor) {
    StatementsWorld t;
    const std::string year = "2026-27";
    const auto statement_lines = [&](const Actor& who) {
        std::vector<MyWorkLine> out;
        for (auto& l : my_work(t.w.services, who, PageRequest{PageRequest::max_limit, ""}).lines) {
            if (l.item.kind == OwedKind::agency_statement) out.push_back(l);
        }
        return out;
    };
    auto st = save_statement(t.w.services, t.lead, year, t.housing, 0, "Our year so far.");
    ASSERT_EQ(statement_lines(t.lead).size(), 1U) << "a draft is the lead's to finish";
    EXPECT_TRUE(statement_lines(t.bu).empty());
    st = submit_statement(t.w.services, t.lead, year, t.housing, st.version);
    EXPECT_TRUE(statement_lines(t.lead).empty());
    const auto waiting = statement_lines(t.bu);
    ASSERT_EQ(waiting.size(), 1U);
    EXPECT_EQ(waiting[0].item.title, "Accept or return Knowsley Housing Trust's statement for the yearly report 2026 to 2027");
    EXPECT_EQ(waiting[0].href, "/reports/2026-27/statements/" + t.housing.str());
    st = return_statement(t.w.services, t.bu, year, t.housing, st.version, "Add your training figures.");
    const auto returned = statement_lines(t.lead);
    ASSERT_EQ(returned.size(), 1U);
    EXPECT_EQ(returned[0].item.detail, "Returned for changes by " + t.bu.name());
    EXPECT_EQ(returned[0].href, "/reports/2026-27/statements/" + t.housing.str());
    st = save_statement(t.w.services, t.lead, year, t.housing, st.version, "Our year, with 120 staff trained.");
    st = submit_statement(t.w.services, t.lead, year, t.housing, st.version);
    (void)accept_statement(t.w.services, t.bu, year, t.housing, st.version);
    EXPECT_TRUE(statement_lines(t.lead).empty());
    EXPECT_TRUE(statement_lines(t.bu).empty());
    EXPECT_TRUE(statement_lines(t.w.as(Role::member)).empty());
}
