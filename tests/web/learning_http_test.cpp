// Learning and improvement over HTTP against a real server: the golden thread through the API,
// the combined action list with state and overdue, refusals as problem+json that save nothing,
// an agency lead's return and what they may not see, the return page's error summary.
#include <nlohmann/json.hpp>

#include <ctime>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "core/date_words.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

Date days_from_today(int days) { return Date::from_days(london_date(std::time(nullptr)).days() + days); }

class LearningHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
        lead = auth(Role::agency_lead);
        police = create_agency(server->services(), Actor::system(PartnershipId{1}),
                               {"Police", "statutory_partner", "police", "police"}).id.value;
        for (const auto& p : list_people(server->services(), Actor::system(PartnershipId{1}), PersonFilter{})) people[p.email] = p.id.value;
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    httplib::Result send(const char* method, const std::string& path, const json& body, const httplib::Headers& h) {
        auto c = server->client();
        if (std::string(method) == "PUT") return c.Put(path, h, body.dump(), "application/json");
        return c.Post(path, h, body.dump(), "application/json");
    }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, status) << r->body;
        return json::parse(r->body);
    }
    static std::string field_of(const json& problem) { return problem["errors"].at(0)["field"]; }
    json answers(const char* grade_five) {
        json out = json::array();
        for (int i = 1; i <= 8; ++i) out.push_back({{"code", std::to_string(i)}, {"grade", i == 5 ? grade_five : "2"}, {"narrative", "We do"}});
        return out;
    }

    std::unique_ptr<Server> server;
    httplib::Headers bu, lead;
    std::int64_t police = 0;
    std::map<std::string, std::int64_t> people;
};

}  // namespace

TEST_F(LearningHttp, FromLearningToAnActionWithItsEvidence) {
    const std::string council = server->council().str();
    auto r = send("POST", "/api/v1/learning", {{"kind", "thematic_audit"}, {"title", "Neglect audit"}, {"on", "2026-06-01"}, {"priorities", {"Knitting"}}}, bu);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(field_of(ok(r, 422)), "priorities");
    EXPECT_EQ(ok(server->client().Get("/api/v1/learning", bu), 200)["items"].size(), 0u);

    const json src = ok(send("POST", "/api/v1/learning", {{"kind", "thematic_audit"}, {"title", "Neglect audit"}, {"on", "2026-06-01"}, {"priorities", {"neglect"}}}, bu), 201);
    const std::string base = "/api/v1/learning/" + std::to_string(src["id"].get<int>());
    ok(send("POST", base + "/recommendations", {{"version", 1}, {"text", "Train staff"}, {"priority", "Neglect"}, {"agency_ids", {server->council().value}}}, bu), 201);
    const json action_in = {{"text", "Train all staff"}, {"agency_id", 999}, {"lead_id", people.at(server->email(Role::agency_lead))},
                            {"due", days_from_today(30).iso()}, {"success_measure", "Audit shows it"}};
    EXPECT_EQ(field_of(ok(send("POST", base + "/recommendations/1/actions", action_in, bu), 422)), "agency_id");
    json good = action_in;
    good["agency_id"] = server->council().value;
    const json a = ok(send("POST", base + "/recommendations/1/actions", good, bu), 201);
    EXPECT_EQ(a["state"], "proposed");
    EXPECT_EQ(a["priority"], "Neglect");

    const json all = ok(server->client().Get("/api/v1/actions?kind=improvement", bu), 200);
    ASSERT_EQ(all["items"].size(), 1u);
    EXPECT_EQ(all["items"][0]["kind"], "improvement");
    EXPECT_EQ(all["items"][0]["overdue"], false);
    EXPECT_EQ(server->client().Get("/api/v1/actions?kind=other", bu)->status, 422);
    EXPECT_EQ(server->client().Get("/api/v1/improvement-actions?state=done", bu)->status, 422);

    const std::string path = "/api/v1/improvement-actions/" + std::to_string(a["id"].get<int>());
    ok(send("POST", path + "/updates", {{"version", 1}, {"state", "agreed"}, {"note", "Agreed"}}, bu), 200);
    ok(send("POST", path + "/updates", {{"version", 2}, {"state", "in_progress"}}, lead), 200);  // the owning agency's lead
    EXPECT_EQ(ok(send("POST", path + "/updates", {{"version", 3}, {"state", "completed"}}, lead), 422)["errors"][0]["field"], "state");
    EXPECT_EQ(ok(server->client().Get(path, bu), 200)["state"], "in_progress");
    ok(send("POST", path + "/evidence", {{"version", 3}, {"kind", "output"}, {"text", "40 staff trained"}}, lead), 201);
    ok(send("POST", path + "/updates", {{"version", 4}, {"state", "completed"}, {"note", "Done"}}, lead), 200);
    const json done = ok(server->client().Get("/api/v1/actions?kind=improvement&state=completed", bu), 200);
    ASSERT_EQ(done["items"].size(), 1u);
    EXPECT_EQ(done["items"][0]["completed_without_impact"], true);
    EXPECT_EQ(ok(send("POST", path + "/updates", {{"version", 5}, {"state", "evidenced"}}, bu), 422)["errors"][0]["field"], "state");
    EXPECT_EQ(server->count_audit("improvement."), 5);  // raised, agreed, started, evidence, completed
    // Named apart from a meeting's action.
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const std::string id = std::to_string(a["id"].get<int>());
    auto page = b.get("/improvement/" + id);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<h1 class=\"govuk-heading-l\">Improvement action " + id + "</h1>"), std::string::npos);
}

TEST_F(LearningHttp, AnAgencyLeadsReturnAndWhatTheyMayNotSee) {
    const json cycle = ok(send("POST", "/api/v1/audits", {{"kind", "section_11"}, {"title", "Section 11 audit"}, {"opens", days_from_today(-5).iso()},
                                                          {"closes", days_from_today(30).iso()}, {"invited_ids", {server->council().value, police}}}, bu), 201);
    const std::string base = "/api/v1/audits/" + std::to_string(cycle["id"].get<int>()) + "/returns/";
    const std::string ours = base + server->council().str();
    const json bad = ok(send("PUT", ours, {{"version", 0}, {"submit", true}, {"answers", answers("9")}}, lead), 422);
    EXPECT_EQ(field_of(bad), "grade-5");
    EXPECT_EQ(ok(server->client().Get(ours, lead), 200)["version"], 0);  // nothing saved
    const json submitted = ok(send("PUT", ours, {{"version", 0}, {"submit", true}, {"answers", answers("3")}}, lead), 200);
    EXPECT_EQ(submitted["status"], "submitted");
    EXPECT_EQ(server->client().Get(base + std::to_string(police), lead)->status, 404);
    EXPECT_EQ(send("PUT", base + std::to_string(police), {{"version", 0}, {"answers", answers("2")}}, lead)->status, 404);
    EXPECT_EQ(send("POST", ours + "/moderation", {{"version", 1}}, lead)->status, 403);
    const json moderated = ok(send("POST", ours + "/moderation", {{"version", 1}, {"grades", {{{"code", "5"}, {"grade", "4"}}}}, {"challenge_notes", "Met"}}, bu), 200);
    EXPECT_EQ(moderated["answers"][4]["moderated_grade"], "4");
    const json view = ok(server->client().Get("/api/v1/audits/" + std::to_string(cycle["id"].get<int>()), bu), 200);
    EXPECT_EQ(view["results"][4]["gaps"], 1);
    EXPECT_EQ(view["returns"].size(), 2u);
    EXPECT_EQ(ok(server->client().Get("/api/v1/audits/" + std::to_string(cycle["id"].get<int>()), lead), 200)["returns"].size(), 1u);
}

TEST_F(LearningHttp, TheReturnPageShowsTheErrorSummaryAndKeepsWhatWasTyped) {
    const json cycle = ok(send("POST", "/api/v1/audits", {{"kind", "section_175"}, {"title", "Section 175 audit"}, {"opens", days_from_today(-40).iso()},
                                                          {"closes", days_from_today(-1).iso()}, {"scale", "rag"}, {"invited_ids", {server->council().value}}}, bu), 201);
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::agency_lead)));
    const std::string page = "/audits/" + std::to_string(cycle["id"].get<int>()) + "/returns/" + server->council().str();
    auto r = b.get(page);
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(r->body.find("Submit return"), std::string::npos);  // closed yesterday: no form
    r = b.post(page, {{"version", "0"}, {"action", "check"}, {"grade-1", "green"}, {"narrative-1", "Kept text"}});
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r->body.find("returns can no longer be submitted"), std::string::npos);
    EXPECT_EQ(server->count_audit("audit_return."), 0);
}

TEST_F(LearningHttp, AReturnIsCheckedThenSubmittedThenConfirmedAndItsLetterFollowsModeration) {
    const Date closes = days_from_today(30);
    const json cycle = ok(send("POST", "/api/v1/audits", {{"kind", "section_11"}, {"title", "Section 11 audit"}, {"opens", days_from_today(-5).iso()},
                                                          {"closes", closes.iso()}, {"invited_ids", {server->council().value}}}, bu), 201);
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::agency_lead)));
    const std::string base = "/audits/" + std::to_string(cycle["id"].get<int>()) + "/returns/" + server->council().str();
    auto r = b.get(base);
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("Continue to check your answers"), std::string::npos);
    EXPECT_EQ(r->body.find("Submit return"), std::string::npos);
    httplib::Params form{{"version", "0"}, {"action", "check"}};
    for (int i = 1; i <= 8; ++i) {
        form.emplace("grade-" + std::to_string(i), i == 5 ? "" : "2");
        form.emplace("narrative-" + std::to_string(i), "We meet standard " + std::to_string(i));
    }
    // Standard 5 has no grade: back to the form with the error summary, nothing saved.
    r = b.post(base, form);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r->body.find("Standard 5: choose a grade before submitting"), std::string::npos);
    EXPECT_NE(r->body.find("We meet standard 5"), std::string::npos);  // what was typed stays
    EXPECT_EQ(server->count_audit("audit_return."), 0);
    form.erase("grade-5");
    form.emplace("grade-5", "3");
    r = b.post(base, form);
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), base + "/check");
    r = b.get(base + "/check");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("Check your answers before submitting the return"), std::string::npos);
    EXPECT_NE(r->body.find("govuk-summary-list"), std::string::npos);
    EXPECT_NE(r->body.find("3 – Requires improvement"), std::string::npos);
    EXPECT_NE(r->body.find("We meet standard 8"), std::string::npos);
    EXPECT_NE(r->body.find("href=\"" + base + "#grade-5\""), std::string::npos);
    EXPECT_NE(r->body.find("Submit return"), std::string::npos);
    EXPECT_EQ(ok(server->client().Get("/api/v1" + base, lead), 200)["status"], "draft");
    // Without the form's token nothing is submitted.
    EXPECT_EQ(b.post(base + "/check", {{"version", "1"}}, false)->status, 403);
    r = b.post(base + "/check", {{"version", "1"}});
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), base + "/submitted");
    r = b.get(base + "/submitted");
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("govuk-panel"), std::string::npos);
    EXPECT_NE(r->body.find("Return submitted"), std::string::npos);
    EXPECT_NE(r->body.find("follows moderation"), std::string::npos);
    EXPECT_NE(r->body.find("The cycle closes on " + date_in_words(closes)), std::string::npos);
    EXPECT_EQ(server->count_audit("audit_return.submit"), 1);
    EXPECT_EQ(b.get(base + "/check")->status, 303);  // nothing left to check
    // The letter follows moderation: no link and no letter until then.
    r = b.get(base);
    EXPECT_EQ(r->body.find("Letter to the agency"), std::string::npos);
    EXPECT_NE(r->body.find("follows once the business unit has moderated"), std::string::npos);
    EXPECT_EQ(b.get(base + "/letter")->status, 404);
    EXPECT_EQ(b.get(base + "/letter.pdf")->status, 404);
    ok(send("POST", "/api/v1" + base + "/moderation", {{"version", 2}, {"challenge_notes", "Met"}}, bu), 200);
    r = b.get(base);
    EXPECT_NE(r->body.find("Letter to the agency"), std::string::npos);
    EXPECT_EQ(b.get(base + "/letter")->status, 200);
}

TEST_F(LearningHttp, ASubmissionRefusedFromTheCheckPageReturnsToTheFormAndSavesNothing) {
    const json cycle = ok(send("POST", "/api/v1/audits", {{"kind", "section_11"}, {"title", "Section 11 audit"}, {"opens", days_from_today(-5).iso()},
                                                          {"closes", days_from_today(30).iso()}, {"invited_ids", {server->council().value}}}, bu), 201);
    const std::string base = "/audits/" + std::to_string(cycle["id"].get<int>()) + "/returns/" + server->council().str();
    ok(send("PUT", "/api/v1" + base, {{"version", 0}, {"answers", answers("")}}, lead), 200);  // a draft, standard 5 ungraded
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::agency_lead)));
    ASSERT_EQ(b.get(base + "/check")->status, 200);
    auto r = b.post(base + "/check", {{"version", "1"}});
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r->body.find("href=\"#grade-5\""), std::string::npos);
    EXPECT_NE(r->body.find("Continue to check your answers"), std::string::npos);  // the form, to put it right
    EXPECT_EQ(ok(server->client().Get("/api/v1" + base, lead), 200)["status"], "draft");
    EXPECT_EQ(server->count_audit("audit_return.submit"), 0);
}

TEST_F(LearningHttp, AnOrganisationSharesItsReturnWithAnotherPartnershipOnTheServer) {
    // The council works with a second partnership on this server under one organisation code.
    Services& svc = server->services();
    PartnershipId other;
    svc.store.write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "other", "Other SCP"}, PartnershipRules{}); });
    const Actor other_system = Actor::system(other);
    const auto council_there = create_agency(svc, other_system, {"Test Council", "statutory_partner", "local_authority", "local_authority", "", "TESTCO"});
    const auto manager = create_person(svc, other_system, {"Other Manager", "Business manager", council_there.id.str(), "manager@other.example"});
    add_user(svc, other_system, {manager.id.str(), "business_unit", kPassword});
    const httplib::Headers other_bu{{"Authorization", "Bearer " + create_api_token(svc, "manager@other.example", "test")}};

    auto c = server->client();
    const std::string agency_path = "/api/v1/agencies/" + server->council().str();
    auto r = c.Patch(agency_path, bu, json{{"version", 1}, {"organisation_code", "test co"}}.dump(), "application/json");
    EXPECT_EQ(field_of(ok(r, 422)), "organisation_code");
    r = c.Patch(agency_path, bu, json{{"version", 1}, {"organisation_code", "testco"}}.dump(), "application/json");
    EXPECT_EQ(ok(r, 200)["organisation_code"], "TESTCO");

    const auto open_cycle = [&](const httplib::Headers& who, std::int64_t agency) {
        return ok(send("POST", "/api/v1/audits", {{"kind", "section_11"}, {"title", "Section 11 audit"}, {"opens", days_from_today(-5).iso()},
                                                  {"closes", days_from_today(30).iso()}, {"invited_ids", {agency}}}, who), 201)["id"].get<int>();
    };
    const int here = open_cycle(bu, server->council().value);
    const int there = open_cycle(other_bu, council_there.id.value);
    const std::string ours = "/api/v1/audits/" + std::to_string(here) + "/returns/" + server->council().str();
    const std::string theirs = "/api/v1/audits/" + std::to_string(there) + "/returns/" + council_there.id.str();

    // The same code shares nothing until the two records are linked: proposed here, accepted there.
    EXPECT_FALSE(ok(c.Get(ours, lead), 200).contains("share_targets"));
    const json proposed = ok(send("POST", "/api/v1/agency-links", {{"agency_id", server->council().value}, {"partnership_id", other.value}}, bu), 201);
    EXPECT_EQ(proposed["status"], "proposed");
    const std::string link = "/api/v1/agency-links/" + std::to_string(proposed["id"].get<int>());
    const json accepted = ok(send("POST", link + "/accept", {{"version", 1}, {"agency_id", council_there.id.value}}, other_bu), 200);
    EXPECT_EQ(accepted["status"], "accepted");
    EXPECT_EQ(accepted["their_partnership"], "Test SCP");

    const json preview = ok(c.Get(ours, lead), 200);
    ASSERT_EQ(preview["share_targets"].size(), 1u);
    EXPECT_EQ(preview["share_targets"][0]["partnership"], "Other SCP");
    EXPECT_EQ(preview["share_targets"][0]["can_share"], true);
    EXPECT_EQ(field_of(ok(send("PUT", ours, {{"version", 0}, {"share", true}, {"answers", answers("2")}}, lead), 422)), "share");

    const json sent = ok(send("PUT", ours, {{"version", 0}, {"submit", true}, {"share", true}, {"answers", answers("3")}}, lead), 200);
    ASSERT_EQ(sent["shared_with"].size(), 1u);
    EXPECT_EQ(sent["shared_with"][0]["partnership_name"], "Other SCP");

    // The other partnership sees a submitted return it cannot change, and moderates it itself.
    const json copy = ok(c.Get(theirs, other_bu), 200);
    EXPECT_EQ(copy["status"], "submitted");
    EXPECT_EQ(copy["shared_from"]["partnership_name"], "Test SCP");
    EXPECT_EQ(copy["answers"][4]["grade"], "3");
    EXPECT_FALSE(copy.contains("share_targets"));
    EXPECT_EQ(field_of(ok(send("PUT", theirs, {{"version", copy["version"]}, {"answers", answers("1")}}, other_bu), 422)), "submit");
    EXPECT_EQ(ok(c.Get("/api/v1/audits/" + std::to_string(there), other_bu), 200)["returns"][0]["shared_from"], "Test SCP");
    ok(send("POST", theirs + "/moderation", {{"version", copy["version"]}, {"grades", {{{"code", "5"}, {"grade", "2"}}}}}, other_bu), 200);
    EXPECT_EQ(ok(c.Get(ours, bu), 200)["answers"][4]["moderated_grade"], "");
    // Each partnership reads only its own: the first cannot open the copy by its id.
    EXPECT_EQ(c.Get(theirs, bu)->status, 404);

    // Sharing again is refused with the reason, and leaves no trace.
    const int rows = server->count_audit("audit_return.");
    const json again = ok(send("POST", ours + "/share", {{"version", sent["version"]}}, lead), 422);
    EXPECT_EQ(field_of(again), "share");
    EXPECT_NE(again["errors"][0]["message"].get<std::string>().find("Already shared"), std::string::npos);
    EXPECT_EQ(server->count_audit("audit_return."), rows);

    // The pages say where the return went and where it came from.
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::agency_lead)));
    auto page = b.get("/audits/" + std::to_string(here) + "/returns/" + server->council().str());
    EXPECT_NE(page->body.find("Shared with Other SCP on"), std::string::npos);
    Browser m(*server);
    ASSERT_TRUE(m.sign_in("manager@other.example"));
    page = m.get("/audits/" + std::to_string(there) + "/returns/" + council_there.id.str());
    EXPECT_NE(page->body.find("submitted this return to Test SCP"), std::string::npos);
}

TEST_F(LearningHttp, AFindingIsCorrectedThroughTheApiAndThePage) {
    const json src = ok(send("POST", "/api/v1/learning", {{"kind", "frontline_visit"}, {"title", "Visit"}, {"on", "2026-06-01"}, {"visitor", "Independent scrutineer"}}, bu), 201);
    const std::string base = "/api/v1/learning/" + std::to_string(src["id"].get<int>());
    json after = ok(send("POST", base + "/findings", {{"version", 1}, {"kind", "development"}, {"text", "Refferals late"}}, bu), 201);
    auto c = server->client();
    auto r = c.Patch(base + "/findings/1", bu, json{{"version", after["version"]}, {"kind", "development"}, {"text", ""}}.dump(), "application/json");
    EXPECT_EQ(field_of(ok(r, 422)), "finding");
    EXPECT_EQ(c.Patch(base + "/findings/7", bu, json{{"version", after["version"]}, {"kind", "development"}, {"text", "x"}}.dump(),
                      "application/json")->status, 404);
    EXPECT_EQ(c.Patch(base + "/findings/1", lead, json{{"version", after["version"]}, {"kind", "development"}, {"text", "x"}}.dump(),
                      "application/json")->status, 403);
    r = c.Patch(base + "/findings/1", bu, json{{"version", after["version"]}, {"kind", "development"}, {"text", "Referrals late"}}.dump(),
                "application/json");
    after = ok(r, 200);
    EXPECT_EQ(after["findings"][0]["text"], "Referrals late");
    r = c.Patch(base + "/findings/1", bu, json{{"version", 1}, {"kind", "development"}, {"text", "Stale"}}.dump(), "application/json");
    EXPECT_EQ(r->status, 409);

    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    const std::string page = "/learning/" + std::to_string(src["id"].get<int>()) + "/findings/1";
    auto got = b.get(page);
    ASSERT_EQ(got->status, 200);
    EXPECT_NE(got->body.find("Referrals late"), std::string::npos);
    got = b.post(page, {{"version", std::to_string(after["version"].get<int>())}, {"finding_kind", "sideways"}, {"finding", "Kept"}});
    EXPECT_EQ(got->status, 422);
    EXPECT_NE(got->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(got->body.find("Kept"), std::string::npos);
    got = b.post(page, {{"version", std::to_string(after["version"].get<int>())}, {"finding_kind", "good_practice"}, {"finding", "Referrals on time"}});
    EXPECT_EQ(got->status, 303);
    EXPECT_EQ(ok(c.Get(base, bu), 200)["findings"][0]["kind"], "good_practice");
}

TEST_F(LearningHttp, DatesAreTypedAsDayMonthAndYear) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto form = b.get("/learning/new");
    ASSERT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("govuk-date-input"), std::string::npos);
    EXPECT_NE(form->body.find("name=\"on-day\""), std::string::npos);
    // 30 February: refused with the GOV.UK error summary linking to the day box, as typed.
    auto r = b.post("/learning/new", {{"kind", "research"}, {"title", "Research"}, {"status", "complete"},
                                      {"on-day", "30"}, {"on-month", "2"}, {"on-year", "2026"}});
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("href=\"#on\""), std::string::npos);
    EXPECT_NE(r->body.find("id=\"on\" name=\"on-day\""), std::string::npos);
    EXPECT_NE(r->body.find("name=\"on-day\" type=\"text\" inputmode=\"numeric\" value=\"30\""), std::string::npos);
    EXPECT_EQ(ok(server->client().Get("/api/v1/learning", bu), 200)["items"].size(), 0u);
    // One-digit day and month are read as the date they mean.
    r = b.post("/learning/new", {{"kind", "research"}, {"title", "Research"}, {"status", "complete"},
                                 {"on-day", " 3"}, {"on-month", "2"}, {"on-year", "2026"}});
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(ok(server->client().Get("/api/v1/learning", bu), 200)["items"][0]["on"], "2026-02-03");
}

TEST_F(LearningHttp, TheActionPlanShowsOpenAndOverdueActionsMonthByMonth) {
    const json src = ok(send("POST", "/api/v1/learning", {{"kind", "thematic_audit"}, {"title", "Neglect audit"}, {"on", "2026-06-01"}, {"priorities", {"neglect"}}}, bu), 201);
    const std::string base = "/api/v1/learning/" + std::to_string(src["id"].get<int>());
    ok(send("POST", base + "/recommendations", {{"version", 1}, {"text", "Train staff"}, {"priority", "Neglect"}, {"agency_ids", {server->council().value}}}, bu), 201);
    ok(send("POST", base + "/recommendations/1/actions",
            {{"text", "Train all staff"}, {"agency_id", server->council().value}, {"lead_id", people.at(server->email(Role::agency_lead))},
             {"due", days_from_today(30).iso()}, {"success_measure", "Audit shows it"}},
            bu),
       201);

    Browser browser(*server);
    ASSERT_TRUE(browser.sign_in(server->email(Role::business_unit)));
    const auto page = browser.get("/improvement");
    ASSERT_EQ(page->status, 200);
    const std::string& body = page->body;
    EXPECT_NE(body.find("Open and overdue actions over the last 12 months"), std::string::npos);
    const std::string cell = "<td class=\"govuk-table__cell govuk-table__cell--numeric\">";
    // Raised today: open today, not overdue, and in none of the month ends before.
    EXPECT_NE(body.find("Today, " + date_in_words(days_from_today(0)) + "</th>" + cell + "1</td>" + cell + "0</td>"), std::string::npos)
        << body;
    const Date today = days_from_today(0);
    const Date last_month_end = Date::from_days(Date{today.year, today.month, 1}.days() - 1);
    EXPECT_NE(body.find("End of " + month_in_words(last_month_end) + "</th>" + cell + "0</td>" + cell + "0</td>"), std::string::npos);
    EXPECT_NE(body.find("<title id=\"chart-trend-title\">"), std::string::npos);
}

// Issue 20 item 1: a briefing that spreads a source's learning is recorded through the API as on
// the page, refused the same way, and listed with its sources.
TEST_F(LearningHttp, ABriefingIsRecordedThroughTheApiWithItsSources) {
    const json src = ok(send("POST", "/api/v1/learning", {{"kind", "thematic_audit"}, {"title", "Neglect audit"}, {"on", "2026-06-01"}, {"priorities", {"neglect"}}}, bu), 201);
    const json bad = ok(send("POST", "/api/v1/briefings", {{"kind", "seven_minute"}, {"title", ""}, {"on", "2026-13-01"}, {"source_ids", {src["id"]}}}, bu), 422);
    std::set<std::string> fields;
    for (const auto& e : bad["errors"]) fields.insert(e["field"].get<std::string>());
    EXPECT_TRUE(fields.count("title") && fields.count("on")) << bad.dump();
    EXPECT_EQ(ok(send("POST", "/api/v1/briefings", {{"kind", "seven_minute"}, {"title", "x"}, {"on", "2026-07-01"}, {"source_ids", "1"}}, bu), 422)["errors"][0]["field"],
              "source_ids");
    EXPECT_EQ(ok(server->client().Get("/api/v1/briefings", bu), 200)["items"].size(), 0U) << "nothing saved";
    const json made = ok(send("POST", "/api/v1/briefings",
                              {{"kind", "seven_minute"}, {"title", "Neglect audit: seven-minute briefing"}, {"on", "2026-07-01"}, {"audience", "Every agency"},
                               {"reached", 140}, {"source_ids", {src["id"]}}},
                              bu),
                         201);
    EXPECT_EQ(made["reached"], 140);
    EXPECT_EQ(made["source_ids"], json::array({src["id"]}));
    EXPECT_EQ(send("POST", "/api/v1/briefings", {{"kind", "seven_minute"}, {"title", "Mine"}, {"on", "2026-07-01"}}, lead)->status, 403);
    const json listed = ok(server->client().Get("/api/v1/briefings", lead), 200);
    ASSERT_EQ(listed["items"].size(), 1U);
    EXPECT_EQ(listed["items"][0]["title"], "Neglect audit: seven-minute briefing");
}
