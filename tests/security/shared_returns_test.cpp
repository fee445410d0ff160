// Issue 14, item 2: one partnership planted a submitted Section 11 return in another's cycle by
// giving its own agency record the other's organisation code and submitting with share: true.
// A return now crosses only along a link the receiving partnership accepted (or an
// administrator of the server set); a typed code carries nothing.
#include <nlohmann/json.hpp>

#include <ctime>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "web/harness.hpp"

namespace assure::testing {
namespace {

using nlohmann::json;

Date days_from_today(int days) { return Date::from_days(london_date(std::time(nullptr)).days() + days); }

// The harness's partnership ("Test SCP") plays the attacker; a second one on the same server,
// with a police force coded RW4 and an open Section 11 cycle inviting it, is the target.
class SharedReturns : public ::testing::Test {
protected:
    void SetUp() override {
        Services& svc = server.services();
        svc.store.write([&](Transaction& tx) { victim = tx.partnerships().insert({PartnershipId{}, "victim", "Victim SCP"}, PartnershipRules{}); });
        const Actor system = Actor::system(victim);
        victim_police = create_agency(svc, system, {"Victim Police", "statutory_partner", "police", "police", "", "RW4"}).id;
        const auto manager = create_person(svc, system, {"Victim Manager", "Business manager", victim_police.str(), "manager@victim.example"});
        add_user(svc, system, {manager.id.str(), "business_unit", kPassword});
        victim_bu = {{"Authorization", "Bearer " + create_api_token(svc, "manager@victim.example", "test")}};
        attacker_bu = {{"Authorization", "Bearer " + server.token(Role::business_unit)}};
        attacker_lead = {{"Authorization", "Bearer " + server.token(Role::agency_lead)}};
        victim_cycle = open_cycle(victim_bu, victim_police.value);
    }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        if (!r) return json::object();
        EXPECT_EQ(r->status, status) << r->body;
        return r->body.empty() ? json::object() : json::parse(r->body);
    }
    json send(const char* method, const std::string& path, const json& body, const httplib::Headers& h, int status) {
        auto c = server.client();
        if (std::string(method) == "PUT") return ok(c.Put(path, h, body.dump(), "application/json"), status);
        if (std::string(method) == "PATCH") return ok(c.Patch(path, h, body.dump(), "application/json"), status);
        return ok(c.Post(path, h, body.dump(), "application/json"), status);
    }
    int open_cycle(const httplib::Headers& who, std::int64_t agency) {
        return send("POST", "/api/v1/audits", {{"kind", "section_11"}, {"title", "Section 11 audit"}, {"opens", days_from_today(-5).iso()},
                                              {"closes", days_from_today(30).iso()}, {"invited_ids", {agency}}},
                    who, 201)["id"].get<int>();
    }
    static json answers() {
        json out = json::array();
        for (int i = 1; i <= 8; ++i) out.push_back({{"code", std::to_string(i)}, {"grade", "4"}, {"narrative", "Planted"}});
        return out;
    }
    // What the target partnership holds for its police force in its open cycle.
    json victims_cycle() { return ok(server.client().Get("/api/v1/audits/" + std::to_string(victim_cycle), victim_bu), 200); }
    int victims_audit(const std::string& action) {
        AuditFilter f;
        f.partnership = victim;
        f.action_prefix = action;
        int n = 0;
        server.services().store.read([&](Transaction& tx) { n = tx.audit().count(f); });
        return n;
    }
    // The attack's first steps: its own agency record typed with the target's code, invited to
    // its own cycle. Returns the path of its return there.
    std::string copy_the_code() {
        const std::string agency = "/api/v1/agencies/" + server.council().str();
        EXPECT_EQ(send("PATCH", agency, {{"version", 1}, {"organisation_code", "rw4"}}, attacker_bu, 200)["organisation_code"], "RW4");
        const int cycle = open_cycle(attacker_bu, server.council().value);
        return "/api/v1/audits/" + std::to_string(cycle) + "/returns/" + server.council().str();
    }

    Server server;
    PartnershipId victim;
    AgencyId victim_police;
    httplib::Headers victim_bu, attacker_bu, attacker_lead;
    int victim_cycle = 0;
};

TEST_F(SharedReturns, TypingAnotherPartnershipsOrganisationCodeSharesNothing) {
    const std::string ours = copy_the_code();
    const json preview = ok(server.client().Get(ours, attacker_lead), 200);
    EXPECT_FALSE(preview.contains("share_targets")) << "no partnership is offered on a code alone";

    // Submit with share: true: refused on the share field, and nothing at all is saved.
    const json refused = send("PUT", ours, {{"version", 0}, {"submit", true}, {"share", true}, {"answers", answers()}}, attacker_lead, 422);
    EXPECT_EQ(refused["errors"][0]["field"], "share");
    // Submitted without sharing, then shared on its own: refused again.
    const json sent = send("PUT", ours, {{"version", 0}, {"submit", true}, {"answers", answers()}}, attacker_lead, 200);
    EXPECT_EQ(send("POST", ours + "/share", {{"version", sent["version"]}}, attacker_lead, 422)["errors"][0]["field"], "share");

    // The target partnership received nothing: no return in its cycle, no trace in its trail.
    const json cycle = victims_cycle();
    for (const auto& r : cycle["returns"]) EXPECT_NE(r["status"], "submitted") << r.dump();
    const auto theirs = server.client().Get("/api/v1/audits/" + std::to_string(victim_cycle) + "/returns/" + victim_police.str(), victim_bu);
    ASSERT_TRUE(theirs);
    if (theirs->status == 200) {
        EXPECT_NE(json::parse(theirs->body).value("status", ""), "submitted") << theirs->body;
    }
    EXPECT_EQ(victims_audit("audit_return."), 0);
}

TEST_F(SharedReturns, AProposalTheTargetHasNotAcceptedSharesNothingEither) {
    const std::string ours = copy_the_code();
    // The attacker proposes a link; it cannot accept it for the other side, nor set one at once.
    const json proposed = send("POST", "/api/v1/agency-links", {{"agency_id", server.council().value}, {"partnership_id", victim.value}}, attacker_bu, 201);
    const std::string link = "/api/v1/agency-links/" + std::to_string(proposed["id"].get<int>());
    EXPECT_EQ(send("POST", link + "/accept", {{"version", 1}, {"agency_id", server.council().value}}, attacker_bu, 422)["errors"][0]["field"], "link");
    EXPECT_EQ(send("POST", "/api/v1/agency-links", {{"agency_id", server.council().value}, {"partnership_id", victim.value},
                                                    {"their_organisation_code", "RW4"}},
                   attacker_bu, 422)["errors"][0]["field"],
              "their_organisation_code");
    // An agency of the other partnership named by id is not one of the acceptor's: refused.
    EXPECT_EQ(send("POST", link + "/accept", {{"version", 1}, {"agency_id", server.council().value}}, victim_bu, 422)["errors"][0]["field"],
              "agency_id");

    EXPECT_EQ(send("PUT", ours, {{"version", 0}, {"submit", true}, {"share", true}, {"answers", answers()}}, attacker_lead, 422)["errors"][0]["field"],
              "share");
    for (const auto& r : victims_cycle()["returns"]) EXPECT_NE(r["status"], "submitted") << r.dump();
    EXPECT_EQ(victims_audit("audit_return."), 0);
    EXPECT_EQ(victims_audit("agency_link.propose"), 1) << "the target is told of the proposal";

    // Declined by the target: gone for both.
    ok(server.client().Delete(link + "?version=1", victim_bu), 204);
    EXPECT_EQ(victims_audit("agency_link.decline"), 1);
    EXPECT_EQ(server.client().Get(link, attacker_bu)->status, 404);
}

TEST_F(SharedReturns, ALinkTheTargetAcceptedSharesTheReturn) {
    const std::string ours = copy_the_code();
    const json proposed = send("POST", "/api/v1/agency-links", {{"agency_id", server.council().value}, {"partnership_id", victim.value}}, attacker_bu, 201);
    const std::string link = "/api/v1/agency-links/" + std::to_string(proposed["id"].get<int>());
    const json incoming = ok(server.client().Get("/api/v1/agency-links", victim_bu), 200);
    ASSERT_EQ(incoming["items"].size(), 1u);
    EXPECT_EQ(incoming["items"][0]["incoming"], true);
    EXPECT_EQ(send("POST", link + "/accept", {{"version", 1}, {"agency_id", victim_police.value}}, victim_bu, 200)["status"], "accepted");

    const json sent = send("PUT", ours, {{"version", 0}, {"submit", true}, {"share", true}, {"answers", answers()}}, attacker_lead, 200);
    ASSERT_EQ(sent["shared_with"].size(), 1u);
    EXPECT_EQ(sent["shared_with"][0]["partnership_name"], "Victim SCP");
    const json copy = ok(server.client().Get("/api/v1/audits/" + std::to_string(victim_cycle) + "/returns/" + victim_police.str(), victim_bu), 200);
    EXPECT_EQ(copy["status"], "submitted");
    EXPECT_EQ(copy["shared_from"]["partnership_name"], "Test SCP");
    EXPECT_EQ(victims_audit("audit_return.receive_shared"), 1);
}

}  // namespace
}  // namespace assure::testing
