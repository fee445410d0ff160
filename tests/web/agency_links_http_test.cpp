// Links with other partnerships' agencies through the pages: proposed by one partnership,
// accepted (or declined) by the other, removed by either; refusals keep what was chosen and
// save nothing. The API and the sharing attack: tests/security/shared_returns_test.cpp.
#include "app/partnership.hpp"
#include "web/harness.hpp"

namespace assure::testing {
namespace {

std::string link_id_from(const httplib::Result& r) {
    const std::string at = r->get_header_value("Location");  // /agency-links/7?saved=1
    return at.substr(std::string("/agency-links/").size(), at.find('?') - std::string("/agency-links/").size());
}

TEST(AgencyLinksHttp, OnePartnershipProposesAndTheOtherAcceptsWithItsOwnAgency) {
    Server server;
    Services& svc = server.services();
    PartnershipId other;
    svc.store.write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "other", "Other SCP"}, PartnershipRules{}); });
    const Actor there = Actor::system(other);
    const auto their_council = create_agency(svc, there, {"Other Council", "statutory_partner", "local_authority", "local_authority"});
    const auto manager = create_person(svc, there, {"Other Manager", "Business manager", their_council.id.str(), "manager@other.example"});
    add_user(svc, there, {manager.id.str(), "business_unit", kPassword});

    Browser bu(server);
    ASSERT_TRUE(bu.sign_in(server.email(Role::business_unit)));
    EXPECT_NE(bu.get("/agencies")->body.find("href=\"/agency-links\""), std::string::npos);
    const auto form = bu.get("/agency-links/new");
    ASSERT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("Other SCP"), std::string::npos);
    EXPECT_EQ(form->body.find("their_organisation_code"), std::string::npos) << "only an administrator sets a link at once";

    auto r = bu.post("/agency-links", {{"agency_id", server.council().str()}, {"partnership", ""}});
    ASSERT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r->body.find("Select another partnership on this service"), std::string::npos);
    EXPECT_NE(r->body.find("value=\"" + server.council().str() + "\" selected"), std::string::npos) << "the choice is kept";
    EXPECT_EQ(server.count_audit("agency_link."), 0);

    r = bu.post("/agency-links", {{"agency_id", server.council().str()}, {"partnership", other.str()}});
    ASSERT_EQ(r->status, 303);
    const std::string id = link_id_from(r);
    EXPECT_NE(bu.get("/agency-links/" + id + "?saved=1")->body.find("Link proposed. Other SCP is asked to accept it."), std::string::npos);
    EXPECT_EQ(server.count_audit("agency_link.propose"), 1);

    // Someone without the directory's editing right sees none of it.
    Browser member(server);
    ASSERT_TRUE(member.sign_in(server.email(Role::member)));
    EXPECT_EQ(member.get("/agency-links")->status, 403);

    Browser them(server);
    ASSERT_TRUE(them.sign_in("manager@other.example"));
    const auto list = them.get("/agency-links");
    ASSERT_EQ(list->status, 200);
    EXPECT_NE(list->body.find("Waiting for your answer"), std::string::npos);
    const auto page = them.get("/agency-links/" + id);
    EXPECT_NE(page->body.find("Proposal from Test SCP"), std::string::npos);
    EXPECT_NE(page->body.find("Accept link"), std::string::npos);
    r = them.post("/agency-links/" + id + "/accept", {{"version", "1"}, {"agency_id", ""}});
    ASSERT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos);
    r = them.post("/agency-links/" + id + "/accept", {{"version", "1"}, {"agency_id", their_council.id.str()}});
    ASSERT_EQ(r->status, 303);
    const auto linked = them.get("/agency-links/" + id + "?saved=1");
    EXPECT_NE(linked->body.find("Linked with Test SCP"), std::string::npos);
    EXPECT_NE(linked->body.find("Other Council"), std::string::npos);
    EXPECT_NE(bu.get("/agency-links")->body.find("Linked</strong>"), std::string::npos) << "the proposer sees it accepted";

    // Either side removes it.
    bu.get("/agency-links/" + id);
    r = bu.post("/agency-links/" + id + "/remove", {{"version", "2"}});
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), "/agency-links?removed=1");
    EXPECT_NE(bu.get("/agency-links?removed=1")->body.find("Your agencies have no links"), std::string::npos);
    EXPECT_EQ(server.count_audit("agency_link.end"), 1);
}

TEST(AgencyLinksHttp, AnAdministratorOfTheServerSetsALinkByTheAgencysCode) {
    Server server;
    Services& svc = server.services();
    PartnershipId other;
    svc.store.write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "other", "Other SCP"}, PartnershipRules{}); });
    create_agency(svc, Actor::system(other), {"Other Police", "statutory_partner", "police", "police", "", "MERPOL"});
    Browser admin(server);
    ASSERT_TRUE(admin.sign_in(server.email(Role::administrator)));
    EXPECT_NE(admin.get("/agency-links/new")->body.find("their_organisation_code"), std::string::npos);
    auto r = admin.post("/agency-links", {{"agency_id", server.council().str()}, {"partnership", other.str()}, {"their_organisation_code", "RW4"}});
    ASSERT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("Other SCP has no active agency with organisation code RW4"), std::string::npos);
    r = admin.post("/agency-links", {{"agency_id", server.council().str()}, {"partnership", other.str()}, {"their_organisation_code", "merpol"}});
    ASSERT_EQ(r->status, 303);
    EXPECT_NE(admin.get(r->get_header_value("Location"))->body.find("Link saved. Returns can now be shared along it."), std::string::npos);
    EXPECT_EQ(server.count_audit("agency_link.set"), 1);
}

}  // namespace
}  // namespace assure::testing
