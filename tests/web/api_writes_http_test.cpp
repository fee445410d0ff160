// What the pages of the first four areas change, the API changes too (issue 20 item 1): a
// learning record edited and a practice review's recommendations brought into it; a cycle
// closed and an action raised from a gap in a return; the panel's recommendation on a declared
// interest; an agency's chronology uploaded as a sheet and the names its anonymised view replaces.
// Each refuses bad input as the page does (422 naming the field), a stale version with 409, and
// a role without the permission with 403.
#include <nlohmann/json.hpp>

#include "app/reviews.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

class ApiWritesHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>();
        unit = Actor{server->user_id(Role::business_unit), PartnershipId{1}, Role::business_unit, "Unit <u@example.org>"};
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    httplib::Result send(const char* method, const std::string& path, const json& body, Role as = Role::business_unit) {
        auto c = server->client();
        const std::string text = body.dump();
        if (std::string(method) == "PATCH") return c.Patch(path, auth(as), text, "application/json");
        if (std::string(method) == "DELETE") return c.Delete(path, auth(as));
        return c.Post(path, auth(as), text, "application/json");
    }
    static json field_errors(const httplib::Result& r) { return json::parse(r->body).value("errors", json::array()); }
    CaseId notify() {
        IncidentInput in;
        in.became_aware_on = "2026-11-02";
        in.incident_on = "2026-11-01";
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital";
        in.children = {{"Child X", "Xena Example", "2012-02-02", ""}};
        in.agency_ids = {server->council().str()};
        return notify_incident(server->services(), unit, in).record.id;
    }
    std::unique_ptr<Server> server;
    Actor unit;
};

}  // namespace

TEST_F(ApiWritesHttp, ALearningRecordIsEditedAndTakesItsReviewsRecommendations) {
    const CaseId review = notify();
    add_recommendation(server->services(), unit, review, {"Share every call-out with health visiting", "Domestic abuse", {server->council().str()}});
    auto made = send("POST", "/api/v1/learning", {{"kind", "practice_review"}, {"title", "Child X"}, {"on", "2026-11-20"}, {"status", "in_progress"},
                                                  {"review_id", review.value}});
    ASSERT_EQ(made->status, 201) << made->body;
    const json src = json::parse(made->body);
    const std::string path = "/api/v1/learning/" + std::to_string(src["id"].get<std::int64_t>());

    auto bad = send("PATCH", path, {{"version", src["version"]}, {"kind", "practice_review"}, {"title", ""}, {"on", "2026-11-20"}, {"review_id", review.value}});
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(bad->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(field_errors(bad)[0]["field"], "title");
    EXPECT_EQ(send("PATCH", path, {{"version", src["version"]}, {"kind", "practice_review"}, {"title", "Child X"}, {"on", "2026-11-20"}}, Role::member)->status,
              403);
    auto edited = send("PATCH", path, {{"version", src["version"]}, {"kind", "practice_review"}, {"title", "Child X: local review"}, {"on", "2026-11-20"},
                                       {"status", "complete"}, {"review_id", review.value}});
    ASSERT_EQ(edited->status, 200) << edited->body;
    const json after = json::parse(edited->body);
    EXPECT_EQ(after["title"], "Child X: local review");
    EXPECT_EQ(after["version"], src["version"].get<int>() + 1);
    EXPECT_EQ(send("PATCH", path, {{"version", src["version"]}, {"kind", "practice_review"}, {"title", "Again"}, {"on", "2026-11-20"}})->status, 409);

    auto imported = send("POST", path + "/import", {{"version", after["version"]}});
    ASSERT_EQ(imported->status, 200) << imported->body;
    const json with = json::parse(imported->body);
    ASSERT_EQ(with["recommendations"].size(), 1u);
    EXPECT_EQ(with["recommendations"][0]["text"], "Share every call-out with health visiting");
    EXPECT_EQ(send("POST", path + "/import", {{"version", after["version"]}})->status, 409) << "stale";
}

TEST_F(ApiWritesHttp, ACycleIsClosedAndAGapInAReturnRaisesAnAction) {
    auto made = send("POST", "/api/v1/audits", {{"kind", "section_11"}, {"title", "Section 11 audit"}, {"opens", "2026-11-01"}, {"closes", "2027-01-29"},
                                                {"invited_ids", {server->council().str()}}});
    ASSERT_EQ(made->status, 201) << made->body;
    const json cycle = json::parse(made->body);
    const std::string base = "/api/v1/audits/" + std::to_string(cycle["id"].get<std::int64_t>());
    json answers = json::array();
    for (int i = 1; i <= 8; ++i) answers.push_back({{"code", std::to_string(i)}, {"grade", i == 5 ? "4" : "2"}, {"narrative", "We meet it"}, {"evidence", ""}});
    auto put = server->client().Put(base + "/returns/" + server->council().str(), auth(Role::business_unit),
                                    json{{"version", 0}, {"submit", true}, {"answers", answers}}.dump(), "application/json");
    ASSERT_EQ(put->status, 200) << put->body;

    const std::string gap = base + "/returns/" + server->council().str() + "/gaps/5/actions";
    auto missing = send("POST", gap, {{"text", ""}, {"agency_id", server->council().value}});
    ASSERT_EQ(missing->status, 422);
    EXPECT_EQ(field_errors(missing)[0]["field"], "text");
    PersonId lead;
    server->services().store.read([&](Transaction& tx) { lead = tx.users().find(unit.user)->person; });
    auto raised = send("POST", gap, {{"text", "Make the allegations procedure known to every team"}, {"agency_id", server->council().value},
                                     {"lead_id", lead.value}, {"due", "2027-03-31"}, {"success_measure", "Every team can name the LADO"}});
    ASSERT_EQ(raised->status, 201) << raised->body;

    EXPECT_EQ(json::parse(raised->body)["text"], "Make the allegations procedure known to every team");
    EXPECT_EQ(send("POST", gap, {{"text", "x"}, {"agency_id", server->council().value}}, Role::agency_lead)->status, 403);

    EXPECT_EQ(send("POST", base + "/close", {{"version", cycle["version"].get<int>() + 7}})->status, 409);
    EXPECT_EQ(send("POST", base + "/close", {{"version", cycle["version"]}}, Role::member)->status, 403);
    auto closed = send("POST", base + "/close", {{"version", cycle["version"]}});
    ASSERT_EQ(closed->status, 200) << closed->body;
    EXPECT_EQ(json::parse(closed->body)["closed"], true);
}

TEST_F(ApiWritesHttp, ThePanelsRecommendationOnADeclaredInterestIsRecorded) {
    const CaseId id = notify();
    const std::string api = "/api/v1/incidents/" + id.str();
    ASSERT_EQ(send("POST", api + "/interests", {{"interest", "I know the family"}}, Role::partner_lead)->status, 204);
    const int version = read_case(server->services(), unit, id).record.version;
    const auto lead = server->user_id(Role::partner_lead).value;
    auto wrong = send("POST", api + "/interests/decide", {{"user_id", lead}, {"panel", "perhaps"}, {"version", version}});
    ASSERT_EQ(wrong->status, 422);
    EXPECT_EQ(field_errors(wrong)[0]["field"], "panel");
    auto decided = send("POST", api + "/interests/decide", {{"user_id", lead}, {"panel", "take_part"}, {"version", version}});
    ASSERT_EQ(decided->status, 200) << decided->body;
    EXPECT_EQ(server->client().Get(api, auth(Role::partner_lead))->status, 200) << "the panel says she may take part";
    EXPECT_EQ(send("POST", api + "/interests/decide", {{"user_id", lead}, {"panel", "exclude"}, {"version", version}})->status, 409);
}

TEST_F(ApiWritesHttp, AnAgencysChronologyIsUploadedAndItsNamesReplaced) {
    const CaseId id = notify();
    const std::string api = "/api/v1/incidents/" + id.str() + "/chronology";
    auto c = server->client();
    const std::string council = server->council().str();
    auto bad = c.Post(api + "/upload?agency_id=" + council, auth(Role::business_unit), "Date,Time,Event,Source\n31/09/2026,,Seen,Log\n", "text/csv");
    ASSERT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("Row 2"), std::string::npos) << bad->body;
    auto up = c.Post(api + "/upload?agency_id=" + council, auth(Role::business_unit),
                     "Date,Time,Event,Source\n20/08/2026,,Jade Turner seen at home,Visit log\n30/09/2026,14:00,Appointment offered,Letter\n", "text/csv");
    ASSERT_EQ(up->status, 200) << up->body;
    EXPECT_EQ(json::parse(up->body)["added"], 2) << up->body;
    EXPECT_EQ(c.Post(api + "/upload?agency_id=" + council, auth(Role::read_only), "Date,Time,Event,Source\n", "text/csv")->status, 404)
        << "a case they may not know of";

    auto missing = send("POST", api + "/names", {{"name", "Jade Turner"}});
    ASSERT_EQ(missing->status, 422);
    EXPECT_EQ(field_errors(missing)[0]["field"], "stands_for");
    auto named = send("POST", api + "/names", {{"name", "Jade Turner"}, {"stands_for", "Mother"}});
    ASSERT_EQ(named->status, 201) << named->body;
    const auto alias = json::parse(named->body)["id"].get<std::int64_t>();
    const json shown = json::parse(c.Get(api, auth(Role::business_unit))->body);
    EXPECT_NE(shown["items"][0]["event"].get<std::string>().find("Mother seen at home"), std::string::npos) << shown.dump();
    const auto listed = [&] {
        std::vector<std::string> out;
        const json view = json::parse(c.Get(api + "?view=named", auth(Role::business_unit))->body);
        for (const auto& n : view["names"]) {
            out.push_back(n["name"].get<std::string>() + " = " + n["stands_for"].get<std::string>());
        }
        return out;
    };
    const auto before = listed();
    EXPECT_NE(std::find(before.begin(), before.end(), "Jade Turner = Mother"), before.end());
    ASSERT_EQ(send("DELETE", api + "/names/" + std::to_string(alias), {})->status, 204);
    const auto after = listed();
    EXPECT_EQ(std::find(after.begin(), after.end(), "Jade Turner = Mother"), after.end());
    EXPECT_EQ(after.size(), before.size() - 1);
}
