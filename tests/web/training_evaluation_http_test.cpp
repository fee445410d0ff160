// Training evaluation over HTTP against a real server on loopback: the business unit sends the
// requests due; a delegate with no account answers through the link in their email (a form
// signed out, guarded by the double-submit cookie); bad answers and forms without the CSRF
// token change nothing; only delegates who attended evaluate; the certificate is a PDF for
// them and a clear refusal for a no-show; the API lists and records evaluations with
// problem+json field errors; the results show on the session and course pages with a chart.
#include <nlohmann/json.hpp>

#include <ctime>

#include "app/training_evaluations.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

std::string today_iso() { return london_date(static_cast<Instant>(std::time(nullptr))).iso(); }

class TrainingEvaluationHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        bu = auth(Role::business_unit);
        course_id = ok(post("/api/v1/courses",
                            {{"title", "Exploring Neglect"}, {"level", "multi_agency_core"}, {"outcomes", "Recognise neglect\nUse the Graded Care Profile"},
                             {"audience", "Every agency"}, {"duration_minutes", 360}},
                            bu),
                       201)["id"]
                        .get<int>();
        // A session today: Ann and Cy attend, Bob does not.
        session_id = ok(post("/api/v1/sessions",
                             {{"course_id", course_id}, {"on", today_iso()}, {"starts_at", "09:30"}, {"ends_at", "15:30"},
                              {"venue", "Kirkby Suite"}, {"capacity", 20}, {"trainer", "A. Trainer"}},
                             bu),
                        201)["id"]
                         .get<int>();
        for (const char* who : {"ann", "bob", "cy"}) {
            booking[who] = ok(post(session_path() + "/bookings", {{"name", std::string(who) + " Smith"}, {"email", std::string(who) + "@example.org"}}, bu),
                              201)["id"]
                               .get<int>();
        }
        auto c = server->client();
        const json marks{{"items",
                          {{{"booking_id", booking["ann"]}, {"attendance", "attended"}},
                           {{"booking_id", booking["bob"]}, {"attendance", "no_show"}},
                           {{"booking_id", booking["cy"]}, {"attendance", "attended"}}}}};
        ok(c.Put(session_path() + "/attendance", bu, marks.dump(), "application/json"), 200);
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    httplib::Result post(const std::string& path, const json& body, const httplib::Headers& h) {
        return server->client().Post(path, h, body.dump(), "application/json");
    }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        if (!r) return json();
        EXPECT_EQ(r->status, status) << r->body;
        return json::parse(r->body, nullptr, false);
    }
    std::string session_path() const { return "/api/v1/sessions/" + std::to_string(session_id); }
    std::string page_path() const { return "/training/sessions/" + std::to_string(session_id); }
    int evaluations() {
        return static_cast<int>(ok(server->client().Get("/api/v1/evaluations?session_id=" + std::to_string(session_id), bu), 200)["items"].size());
    }
    // The path of the evaluation link in the newest request to `to`.
    std::string link_for(const std::string& to) {
        const std::string body = server->raw_sql_text("SELECT body FROM mail_outbox WHERE kind = 'evaluation_request' AND to_address = '" + to +
                                                      "' ORDER BY id DESC LIMIT 1");
        const auto at = body.find("/training/evaluate/");
        if (at == std::string::npos) return "";
        return body.substr(at, body.find('\n', at) - at);
    }
    static httplib::Params answers(const char* outcomes) {
        return {{"stage", "after_session"}, {"outcomes_met", outcomes}, {"confidence_before", "2"}, {"confidence_after", "4"},
                {"relevance", "5"}, {"do_differently", "Use the Graded Care Profile"}};
    }
    // The business unit presses "Send the evaluation requests due" on the session's page.
    void send_requests() {
        Browser b(*server);
        ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
        b.get(page_path());
        auto r = b.post(page_path() + "/evaluation-requests", {});
        ASSERT_TRUE(r);
        ASSERT_EQ(r->status, 303) << r->body;
    }

    std::unique_ptr<Server> server;
    httplib::Headers bu;
    int course_id = 0, session_id = 0;
    std::map<std::string, int> booking;
};

// A visitor with no account: the cookie the form page sets, and the token in the form.
struct Visitor {
    Browser b;
    std::string cookie;
    explicit Visitor(const Server& s) : b(s) {}
    // The browser keeps its cookie and the last form's token (a page with no form has none).
    httplib::Result open(const std::string& path) {
        auto r = cookie.empty() ? b.http.Get(path) : b.http.Get(path, {{"Cookie", cookie}});
        if (r && r->status == 200) {
            if (const auto set = Browser::cookie_from(r, "assure_login_csrf"); !set.empty()) cookie = set;
            if (const auto token = Browser::hidden(r->body, "csrf_token"); !token.empty()) b.csrf = token;
        }
        return r;
    }
    httplib::Result send(const std::string& path, httplib::Params form, bool with_csrf = true) {
        if (with_csrf) form.emplace("csrf_token", b.csrf);
        return b.http.Post(path, {{"Cookie", cookie}}, form);
    }
};

}  // namespace

TEST_F(TrainingEvaluationHttp, ADelegateWithoutAnAccountAnswersThroughTheirLinkOnceAndBadAnswersChangeNothing) {
    send_requests();
    const std::string link = link_for("ann@example.org");
    ASSERT_FALSE(link.empty());
    EXPECT_TRUE(link_for("bob@example.org").empty()) << "no request to a delegate who did not attend";
    Visitor ann(*server);
    auto form = ann.open(link);
    ASSERT_TRUE(form);
    ASSERT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("ann Smith, you attended Exploring Neglect"), std::string::npos);
    EXPECT_NE(form->body.find("The session met its learning outcomes"), std::string::npos);
    EXPECT_FALSE(ann.cookie.empty());

    auto forged = ann.send(link, answers("4"), false);
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 403) << "no CSRF token";
    auto bad = ann.send(link, answers("7"));
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(bad->body.find("Select a score from 1 to 5"), std::string::npos);
    EXPECT_EQ(evaluations(), 0) << "nothing saved";

    auto saved = ann.send(link, answers("5"));
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->status, 303);
    EXPECT_EQ(evaluations(), 1);
    auto thanks = ann.open(link);
    EXPECT_NE(thanks->body.find("Your answers to this stage are saved"), std::string::npos);
    EXPECT_EQ(thanks->body.find("Send your answers"), std::string::npos) << "no second form";
    auto again = ann.send(link, answers("3"));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 409);
    EXPECT_EQ(evaluations(), 1);
    EXPECT_EQ(server->client().Get("/training/evaluate/ThisTokenWasNeverSentToAnyone")->status, 404);
}

TEST_F(TrainingEvaluationHttp, OnlyDelegatesWhoAttendedEvaluateThroughTheApi) {
    const json refused = ok(post("/api/v1/evaluations",
                                 {{"session_id", session_id}, {"booking_id", booking["bob"]}, {"stage", "after_session"},
                                  {"scores", {{"outcomes_met", 4}, {"confidence_before", 2}, {"confidence_after", 4}, {"relevance", 5}}},
                                  {"do_differently", "x"}},
                                 bu),
                            422);
    EXPECT_EQ(refused["errors"][0]["field"], "booking");
    const json bad = ok(post("/api/v1/evaluations",
                             {{"session_id", session_id}, {"booking_id", booking["ann"]}, {"stage", "after_session"},
                              {"scores", {{"outcomes_met", 9}, {"confidence_before", "two"}, {"confidence_after", 4}, {"relevance", 5}}}},
                             bu),
                        422);
    EXPECT_EQ(bad["errors"][0]["field"], "confidence_before") << bad.dump();
    const json missing = ok(post("/api/v1/evaluations", {{"stage", "after_session"}}, bu), 422);
    EXPECT_EQ(missing["errors"].size(), 2u) << "session_id and booking_id";
    EXPECT_EQ(evaluations(), 0);
    const json made = ok(post("/api/v1/evaluations",
                              {{"session_id", session_id}, {"booking_id", booking["ann"]}, {"stage", "after_session"},
                               {"scores", {{"outcomes_met", 4}, {"confidence_before", 2}, {"confidence_after", 5}, {"relevance", 5}}},
                               {"do_differently", "Ask about the child's day"}},
                              bu),
                         201);
    EXPECT_EQ(made["scores"]["confidence_after"], 5);
    EXPECT_EQ(made["delegate"], "ann Smith");
    const json listed = ok(server->client().Get("/api/v1/evaluations?course_id=" + std::to_string(course_id) + "&stage=after_session", bu), 200);
    ASSERT_EQ(listed["items"].size(), 1u);
    EXPECT_EQ(listed["items"][0]["booking_id"], booking["ann"]);
    EXPECT_EQ(ok(server->client().Get("/api/v1/evaluations?stage=later", bu), 422)["errors"][0]["field"], "stage");
    EXPECT_EQ(ok(server->client().Get("/api/v1/evaluations", auth(Role::member)), 403).is_object(), true) << "names: the business unit only";
    const json results = ok(server->client().Get(session_path() + "/evaluation", auth(Role::member)), 200);
    EXPECT_EQ(results["attended"], 2);
    EXPECT_EQ(results["after_session_response_percent"], 50);
    EXPECT_EQ(results["mean_scores"]["confidence_after"], 5.0);
    EXPECT_EQ(results["confidence_rise"], 3.0);
}

TEST_F(TrainingEvaluationHttp, TheCertificateIsAPdfForADelegateWhoAttendedAndRefusedForANoShow) {
    Browser b(*server);
    ASSERT_TRUE(b.sign_in(server->email(Role::business_unit)));
    auto page = b.get(page_path());
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("/bookings/" + std::to_string(booking["ann"]) + "/certificate.pdf"), std::string::npos);
    EXPECT_EQ(page->body.find("/bookings/" + std::to_string(booking["bob"]) + "/certificate.pdf"), std::string::npos)
        << "no certificate offered for a no-show";
    auto refused = b.get(page_path() + "/bookings/" + std::to_string(booking["bob"]) + "/certificate.pdf");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("bob Smith did not attend: a certificate is given only to delegates who attended"), std::string::npos)
        << refused->body.substr(0, 2000);
    auto pdf = b.get(page_path() + "/bookings/" + std::to_string(booking["ann"]) + "/certificate.pdf");
    ASSERT_TRUE(pdf);
    ASSERT_EQ(pdf->status, 200) << pdf->body.substr(0, 500);
    EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
    // A member may not print someone else's certificate.
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    EXPECT_EQ(member.get(page_path() + "/bookings/" + std::to_string(booking["ann"]) + "/certificate.pdf")->status, 403);
}

TEST_F(TrainingEvaluationHttp, ResultsShowOnTheSessionAndCoursePagesWithAChart) {
    send_requests();
    Visitor ann(*server), cy(*server);
    ann.open(link_for("ann@example.org"));
    cy.open(link_for("cy@example.org"));
    ASSERT_EQ(ann.send(link_for("ann@example.org"), answers("5"))->status, 303);
    ASSERT_EQ(cy.send(link_for("cy@example.org"), answers("4"))->status, 303);
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    auto session_page = member.get(page_path());
    ASSERT_EQ(session_page->status, 200);
    EXPECT_NE(session_page->body.find("100% (2)"), std::string::npos) << "both who attended evaluated";
    EXPECT_NE(session_page->body.find("<svg"), std::string::npos);
    EXPECT_NE(session_page->body.find("4.5"), std::string::npos) << "the mean of 5 and 4";
    EXPECT_EQ(session_page->body.find("Send the evaluation requests due"), std::string::npos) << "the business unit's button";
    auto course_page = member.get("/training/courses/" + std::to_string(course_id));
    EXPECT_NE(course_page->body.find("Mean scores out of 5"), std::string::npos);
    EXPECT_NE(course_page->body.find("No impact evidence is linked"), std::string::npos);

    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    unit.get("/training/courses/" + std::to_string(course_id) + "/evidence/new");
    const std::string evidence = "/training/courses/" + std::to_string(course_id) + "/evidence";
    auto bad = unit.post(evidence, {{"source", "audit"}, {"link", "javascript:alert(1)"}, {"note", ""}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_EQ(unit.post(evidence, {{"source", "audit"}, {"link", "/audits/1"}, {"note", "Referrals named the threshold"}}, false)->status, 403);
    EXPECT_EQ(unit.post(evidence, {{"source", "audit"}, {"link", "/audits/1"}, {"note", "Referrals named the threshold"}})->status, 303);
    const json course = ok(server->client().Get("/api/v1/courses/" + std::to_string(course_id) + "/evaluation", bu), 200);
    EXPECT_EQ(course["after_session"], 2);
    ASSERT_EQ(course["impact_evidence"].size(), 1u) << "the forged and the bad posts saved nothing";
    EXPECT_EQ(course["impact_evidence"][0]["link"], "/audits/1");
}

namespace {

json first_stage_body(int session_id, int booking_id, int outcomes, const std::string& differently) {
    return {{"session_id", session_id},
            {"booking_id", booking_id},
            {"stage", "after_session"},
            {"scores", {{"outcomes_met", outcomes}, {"confidence_before", 2}, {"confidence_after", 4}, {"relevance", 5}}},
            {"do_differently", differently}};
}

}  // namespace

// The delegates' words, one by one: the business unit's page (paged in the store's order, a
// filter by stage) and its CSV; no one else may read them, and the results pages name no one.
TEST_F(TrainingEvaluationHttp, TheAnswersListIsTheBusinessUnitsPagedAndDownloadable) {
    ok(post("/api/v1/evaluations", first_stage_body(session_id, booking["ann"], 5, "Use the Graded Care Profile, first visit"), bu), 201);
    ok(post("/api/v1/evaluations", first_stage_body(session_id, booking["cy"], 4, "=HYPERLINK(\"x\"), then ask the school"), bu), 201);
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    const auto session_page = unit.get(page_path());
    ASSERT_EQ(session_page->status, 200);
    EXPECT_NE(session_page->body.find(page_path() + "/answers"), std::string::npos) << "the session page links to the answers";
    EXPECT_EQ(session_page->body.find("Graded Care Profile, first visit"), std::string::npos) << "the results name no one";

    const auto list = unit.get(page_path() + "/answers");
    ASSERT_EQ(list->status, 200) << list->body;
    EXPECT_NE(list->body.find("ann Smith"), std::string::npos);
    EXPECT_NE(list->body.find("Use the Graded Care Profile, first visit"), std::string::npos);
    EXPECT_NE(list->body.find("cy Smith"), std::string::npos);
    EXPECT_LT(list->body.find("ann Smith"), list->body.find("cy Smith")) << "in the order they answered";
    const auto paged = unit.get(page_path() + "/answers?limit=1");
    ASSERT_EQ(paged->status, 200);
    EXPECT_NE(paged->body.find("ann Smith"), std::string::npos);
    EXPECT_EQ(paged->body.find("cy Smith"), std::string::npos) << "one a page";
    EXPECT_NE(paged->body.find("govuk-pagination"), std::string::npos) << "with a next page";
    const auto follow_ups = unit.get(page_path() + "/answers?stage=follow_up");
    ASSERT_EQ(follow_ups->status, 200);
    EXPECT_EQ(follow_ups->body.find("ann Smith"), std::string::npos) << "no follow-up answered yet";
    EXPECT_NE(follow_ups->body.find("No delegate has answered yet"), std::string::npos);
    const auto bad = unit.get(page_path() + "/answers?stage=later");
    ASSERT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("govuk-error-summary"), std::string::npos);
    const auto course = unit.get("/training/courses/" + std::to_string(course_id) + "/answers");
    ASSERT_EQ(course->status, 200);
    EXPECT_NE(course->body.find("cy Smith"), std::string::npos);

    const auto csv = unit.get(page_path() + "/answers.csv");
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
    EXPECT_NE(csv->body.find("ann Smith"), std::string::npos);
    EXPECT_NE(csv->body.find(",after_session,"), std::string::npos);
    EXPECT_NE(csv->body.find("\"'=HYPERLINK"), std::string::npos) << "a formula is defused: " << csv->body;

    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    EXPECT_EQ(member.get(page_path() + "/answers")->status, 403);
    EXPECT_EQ(member.get(page_path() + "/answers.csv")->status, 403);
    EXPECT_EQ(member.get("/training/courses/" + std::to_string(course_id) + "/answers")->status, 403);
    EXPECT_EQ(member.get(page_path())->body.find("/answers"), std::string::npos) << "no link for those who may not read them";
    EXPECT_EQ(server->client().Get(page_path() + "/answers")->status, 303) << "signed out: to the sign-in page";
}

// The server's daily round sends the requests by itself, once; a delegate with an account then
// finds theirs in "My work" and answers it signed in, on their own booking only.
TEST_F(TrainingEvaluationHttp, ADelegateSignedInFindsTheirEvaluationInMyWorkAndAnswersIt) {
    const int mine = ok(post(session_path() + "/bookings", {{"name", "Mo Member"}, {"email", server->email(Role::member)}}, bu), 201)["id"].get<int>();
    auto c = server->client();
    const json marks{{"items", {{{"booking_id", mine}, {"attendance", "attended"}}}}};
    ok(c.Put(session_path() + "/attendance", bu, marks.dump(), "application/json"), 200);
    const Date today = london_date(static_cast<Instant>(std::time(nullptr)));
    const auto sent = queue_due_evaluation_requests(server->services(), today, "https://assure.test");
    EXPECT_EQ(sent.after_session, 3) << "ann, cy and the member";
    EXPECT_EQ(queue_due_evaluation_requests(server->services(), today, "https://assure.test").after_session, 0) << "nothing twice";
    EXPECT_EQ(link_for("ann@example.org").rfind("/training/evaluate/", 0), 0u);

    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    const auto work = member.get("/my-work");
    ASSERT_EQ(work->status, 200);
    const std::string form = page_path() + "/bookings/" + std::to_string(mine) + "/evaluation/after_session";
    EXPECT_NE(work->body.find("Evaluations waiting for you"), std::string::npos);
    EXPECT_NE(work->body.find(form), std::string::npos) << work->body;
    const auto api = ok(c.Get("/api/v1/my-work", auth(Role::member)), 200);
    ASSERT_EQ(api["evaluations"].size(), 1u);
    EXPECT_EQ(api["evaluations"][0]["link"], form);
    EXPECT_EQ(api["evaluations"][0]["stage"], "after_session");

    ASSERT_EQ(member.get(form)->status, 200);
    const auto before = evaluations();
    const auto wrong = member.post(form, answers("9"));
    ASSERT_EQ(wrong->status, 422);
    EXPECT_NE(wrong->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_EQ(member.post(form, answers("4"), false)->status, 403) << "no CSRF token";
    EXPECT_EQ(evaluations(), before) << "nothing saved";
    const auto saved = member.post(form, answers("4"));
    ASSERT_EQ(saved->status, 303) << saved->body;
    EXPECT_EQ(evaluations(), before + 1);
    EXPECT_EQ(member.post(form, answers("4"))->status, 409) << "once per stage";
    EXPECT_EQ(member.get("/my-work")->body.find(form), std::string::npos) << "answered: no longer waiting";
    const std::string anns = page_path() + "/bookings/" + std::to_string(booking["ann"]) + "/evaluation/after_session";
    EXPECT_EQ(member.get(anns)->status, 403) << "another person's booking";
    EXPECT_EQ(member.post(anns, answers("4"))->status, 403);
}
