// Agency quotas over HTTP (issue 16 item 2): the business unit sets the places one agency may
// hold on a session (a wrong number named in the error summary); the session page says so; a
// booking past it is refused with the agency named and nothing saved; the API reads and sets it.
#include <nlohmann/json.hpp>

#include "fakes/training_records.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;

namespace {

bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

TrainingSessionId upcoming(Server& server) {
    TrainingSessionId id;
    server.services().store.write([&](Transaction& tx) { id = store_session(tx, PartnershipId{1}, "Exploring Neglect", Date{2099, 6, 11}); });
    return id;
}

}  // namespace

TEST(TrainingQuotasHttp, TheUnitSetsAQuotaAndABookingPastItIsRefusedNamingTheAgency) {
    Server server;
    const std::string session = "/training/sessions/" + upcoming(server).str();
    Browser unit(server);
    ASSERT_TRUE(unit.sign_in(server.email(Role::business_unit)));
    EXPECT_TRUE(has(unit.get(session), "No limit"));
    ASSERT_EQ(unit.get(session + "/quota")->status, 200);
    auto wrong = unit.post(session + "/quota", {{"quota", "25"}, {"version", "0"}});
    ASSERT_EQ(wrong->status, 422);
    EXPECT_TRUE(has(wrong, "href=\"#quota\""));
    ASSERT_EQ(unit.post(session + "/quota", {{"quota", "1"}, {"version", "0"}})->status, 303);
    EXPECT_EQ(server.count_audit("training_session.quota"), 1);
    EXPECT_TRUE(has(unit.get(session), "At most 1 for any one agency"));

    const std::string council = server.council().str();
    ASSERT_EQ(unit.post(session + "/bookings", {{"name", "Sam Carter"}, {"email", "sam@example.org"}, {"agency_id", council}})->status, 303);
    auto past = unit.post(session + "/bookings", {{"name", "Jo Bloggs"}, {"email", "jo@example.org"}, {"agency_id", council}});
    ASSERT_EQ(past->status, 422);
    EXPECT_TRUE(has(past, "Test Council may hold 1 place on this session and holds 1"));
    EXPECT_EQ(server.count_audit("training_booking.create"), 1) << "nothing saved";

    const httplib::Headers api{{"Authorization", "Bearer " + server.token(Role::business_unit)}};
    auto c = server.client();
    const std::string path = "/api/v1/sessions/" + session.substr(session.rfind('/') + 1) + "/quota";
    EXPECT_EQ(json::parse(c.Get(path, api)->body)["per_agency"], 1);
    auto bad = c.Put(path, api, json{{"per_agency", 0}}.dump(), "application/json");
    ASSERT_EQ(bad->status, 422);
    EXPECT_EQ(json::parse(bad->body)["errors"][0]["field"], "per_agency");
    auto none = c.Put(path, api, json{{"per_agency", nullptr}}.dump(), "application/json");
    ASSERT_EQ(none->status, 200);
    EXPECT_TRUE(json::parse(none->body)["per_agency"].is_null());
    const httplib::Headers member{{"Authorization", "Bearer " + server.token(Role::member)}};
    EXPECT_EQ(c.Put(path, member, json{{"per_agency", 2}}.dump(), "application/json")->status, 403);
}
