// The public site against a real server on loopback: publishing is a step with a named
// approver (the business unit proposes, a partner lead approves, the proposer cannot; each step
// audited); only approved items appear; nothing restricted reaches any public page, feed or
// sitemap (a case's pseudonym and child's name, a case's unpublished document, an unapproved
// item); review reports past the partnership's minimum are on request and their files gone;
// every public response is cacheable with an ETag and answers 304 to If-None-Match; an
// approved yearly report is published as a page; the old training address redirects; a
// partnership's own host name serves its site at the root.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "app/documents.hpp"
#include "app/report.hpp"
#include "app/reviews.hpp"
#include "documents/disk_files.hpp"
#include "documents/magic_sniffer.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string pdf(const std::string& words) {
    return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + words + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
}

Date days_from_today(int days) { return Date::from_days(london_date(std::time(nullptr)).days() + days); }

// The documents' services without a scanner: the test's own files are kept unscanned.
struct Files {
    Files()
        : dir(fs::temp_directory_path() / ("assure-public-" + std::to_string(::getpid()) + "-" + std::to_string(++made))),
          files((dir / "files").string()),
          docs{sniffer, nullptr, files, DocumentLimits{}, true} {
        fs::create_directories(dir / "incoming");
    }
    ~Files() { fs::remove_all(dir); }
    fs::path dir;
    documents::MagicSniffer sniffer;
    documents::DiskFiles files;
    DocumentServices docs;
    static inline int made = 0;
};

class PublicSiteHttp : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<Server>([this](web::WebConfig& c) {
            c.documents = &files.docs;
            c.upload_dir = (files.dir / "incoming").string();
        });
    }
    Actor actor(Role role) { return Actor{server->user_id(role), PartnershipId{1}, role, std::string(role_label(role)) + " <x@example.org>"}; }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        if (!r) return json();
        EXPECT_EQ(r->status, status) << r->body;
        return r->body.empty() ? json() : json::parse(r->body);
    }
    std::int64_t upload(const std::string& title, const std::string& words, DocumentRecord type = DocumentRecord::partnership,
                        std::int64_t record = 0, const std::string& filename = "paper.pdf") {
        const std::string bytes = pdf(words);
        DocumentUpload up{type, record, std::nullopt, title, filename, bytes};
        return upload_document(server->services(), files.docs, actor(Role::business_unit), up).id.value;
    }
    std::int64_t a_case(const Child& child = {"Child Q", "Jamie Restricted", "2015-04-01", ""}) {
        IncidentInput in;
        in.became_aware_on = days_from_today(-30).iso();
        in.incident_on = days_from_today(-31).iso();
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital with unexplained injuries";
        in.children = {child};
        return notify_incident(server->services(), actor(Role::business_unit), in).record.id.value;
    }
    httplib::Result propose(const json& body) {
        return server->client().Post("/api/v1/publications", auth(Role::business_unit), body.dump(), "application/json");
    }
    json proposal(const std::string& kind, const std::string& title, std::int64_t document, const std::string& on) {
        return {{"kind", kind}, {"title", title}, {"summary", "What we learned."}, {"published_on", on}, {"document_id", document}};
    }
    httplib::Result decide(Role role, std::int64_t id, int version, const std::string& what = "approve") {
        return server->client().Post("/api/v1/publications/" + std::to_string(id) + "/" + what, auth(role),
                                     json{{"version", version}}.dump(), "application/json");
    }
    // Proposed by the business unit and approved by the partner lead.
    json publish(const std::string& kind, const std::string& title, std::int64_t document, const std::string& on) {
        const json p = ok(propose(proposal(kind, title, document, on)), 201);
        return ok(decide(Role::partner_lead, p["id"], p["version"]), 200);
    }
    httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) { return server->client().Get(path, headers); }

    Files files;
    std::unique_ptr<Server> server;
};

}  // namespace

TEST_F(PublicSiteHttp, PublishingIsProposedThenApprovedByAnotherAndOnlyThenPublic) {
    const auto doc = upload("Threshold guidance 2026", "levels of need");
    const json p = ok(propose(proposal("threshold", "Continuum of need", doc, days_from_today(-1).iso())), 201);
    EXPECT_EQ(p["state"], "proposed");
    EXPECT_EQ(p["document_version"], 1);
    auto page = get("/p/test/policies");
    ASSERT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("Continuum of need"), std::string::npos) << "not public until approved";
    EXPECT_EQ(get("/p/test/files/" + p["id"].dump())->status, 404);

    EXPECT_EQ(decide(Role::business_unit, p["id"], 1)->status, 403) << "a business-unit officer who is not the business manager";
    EXPECT_EQ(decide(Role::member, p["id"], 1)->status, 403);
    EXPECT_EQ(decide(Role::partner_lead, p["id"], 7)->status, 409) << "a stale version";
    const json approved = ok(decide(Role::partner_lead, p["id"], 1), 200);
    EXPECT_EQ(approved["state"], "approved");
    EXPECT_EQ(approved["decided_by"], "Statutory partner lead Person <partner_lead@example.org>");
    EXPECT_EQ(decide(Role::partner_lead, p["id"], 2)->status, 409) << "approved once";
    EXPECT_EQ(server->count_audit("publication."), 2) << "the proposal and the approval";

    page = get("/p/test/policies");
    EXPECT_NE(page->body.find("Continuum of need"), std::string::npos);
    EXPECT_NE(page->body.find("href=\"/p/test/files/" + p["id"].dump() + "\""), std::string::npos);
    auto file = get("/p/test/files/" + p["id"].dump());
    ASSERT_EQ(file->status, 200);
    EXPECT_EQ(file->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(file->body, pdf("levels of need"));
    EXPECT_NE(file->get_header_value("Content-Disposition").find("continuum-of-need.pdf"), std::string::npos);
    EXPECT_NE(file->get_header_value("Cache-Control").find("public"), std::string::npos);

    ok(decide(Role::business_unit, p["id"], 2, "withdraw"), 200);
    EXPECT_EQ(get("/p/test/policies")->body.find("Continuum of need"), std::string::npos) << "withdrawn: gone from the site";
    EXPECT_EQ(get("/p/test/files/" + p["id"].dump())->status, 404);
    EXPECT_EQ(server->count_audit("publication."), 3);
}

TEST_F(PublicSiteHttp, NothingRestrictedReachesAnyPublicPageOrFeed) {
    const auto case_id = a_case();
    // The case's own document, never published, named after the child.
    const auto restricted = upload("Child Q chronology", "restricted words", DocumentRecord::review_case, case_id, "jamie-restricted.pdf");
    const auto report = upload("Final report", "the report", DocumentRecord::review_case, case_id, "child-q-final.pdf");
    const std::string on = days_from_today(-2).iso();

    // A title or summary that names the child is refused, by pseudonym or by name.
    auto refused = propose(proposal("review_report", "Serious case review: Child Q", report, on));
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("\"title\""), std::string::npos) << refused->body;
    auto named = proposal("review_report", "Serious case review: a baby's injuries", report, on);
    named["summary"] = "Jamie Restricted was seen by four agencies.";
    refused = propose(named);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("\"summary\""), std::string::npos) << refused->body;
    EXPECT_EQ(server->count_audit("publication."), 0) << "nothing saved";
    EXPECT_EQ(ok(server->client().Get("/api/v1/publications", auth(Role::business_unit)), 200)["items"].size(), 0u);

    // An item proposed and never approved, and one approved.
    ok(propose(proposal("briefing", "Unapproved briefing", upload("Draft briefing", "draft"), on)), 201);
    const json published = publish("review_report", "Serious case review: a baby's injuries", report, on);

    // Every public page, feed and sitemap, and every file they link to.
    std::vector<std::string> paths{"/p/test/", "/p/test/policies", "/p/test/reviews", "/p/test/briefings", "/p/test/reports",
                                   "/p/test/training", "/p/test/training.ics", "/p/test/feed.atom", "/p/test/sitemap.xml"};
    std::set<std::string> seen;
    const std::regex link(R"(/p/test/files/\d+)");
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (!seen.insert(paths[i]).second) continue;
        auto r = get(paths[i]);
        ASSERT_TRUE(r) << paths[i];
        ASSERT_EQ(r->status, 200) << paths[i];
        for (const char* word : {"Child Q", "child q", "Jamie Restricted", "jamie-restricted", "Child Q chronology", "Unapproved briefing",
                                 "Draft briefing", "child-q-final", "Final report", "restricted words"}) {
            EXPECT_EQ(r->body.find(word), std::string::npos) << paths[i] << " shows " << word;
            for (const auto& [name, value] : r->headers) EXPECT_EQ(value.find(word), std::string::npos) << paths[i] << " " << name;
        }
        for (auto it = std::sregex_iterator(r->body.begin(), r->body.end(), link); it != std::sregex_iterator(); ++it) {
            paths.push_back(it->str());
        }
    }
    EXPECT_TRUE(seen.contains("/p/test/files/" + published["id"].dump())) << "the approved report's file was linked and read";
    for (std::int64_t id = 1; id <= 5; ++id) {
        if (id == published["id"].get<std::int64_t>()) continue;
        EXPECT_EQ(get("/p/test/files/" + std::to_string(id))->status, 404) << "publication " << id;
    }
    (void)restricted;
    // Approval checks again: a title that was clean when proposed but names a child of a case
    // opened since is refused.
    const json later = ok(propose(proposal("briefing", "Learning about Child Z", upload("Z", "z"), on)), 201);
    a_case({"Child Z", "", "", ""});
    EXPECT_EQ(decide(Role::partner_lead, later["id"], later["version"])->status, 422);
    EXPECT_EQ(get("/p/test/briefings")->body.find("Child Z"), std::string::npos);
}

TEST_F(PublicSiteHttp, AReviewReportPastThePartnershipsMinimumIsAvailableOnRequest) {
    const json old = publish("review_report", "An older review", upload("Old", "old"), days_from_today(-400).iso());
    const json recent = publish("executive_summary", "A recent summary", upload("Recent", "recent"), days_from_today(-300).iso());
    const json policy = publish("escalation", "Escalation procedure", upload("Escalation", "esc"), days_from_today(-900).iso());
    auto reviews = get("/p/test/reviews");
    ASSERT_EQ(reviews->status, 200);
    const std::string& html = reviews->body;
    EXPECT_NE(html.find("An older review"), std::string::npos) << "still listed";
    EXPECT_NE(html.find("Available on request"), std::string::npos);
    EXPECT_EQ(html.find("/p/test/files/" + old["id"].dump() + "\""), std::string::npos) << "no link once on request";
    EXPECT_NE(html.find("/p/test/files/" + recent["id"].dump() + "\""), std::string::npos);
    EXPECT_EQ(get("/p/test/files/" + old["id"].dump())->status, 404);
    EXPECT_EQ(get("/p/test/files/" + recent["id"].dump())->status, 200);
    EXPECT_EQ(get("/p/test/files/" + policy["id"].dump())->status, 200) << "procedures have no minimum";
    EXPECT_NE(html.find("for at least 12 months"), std::string::npos);
}

TEST_F(PublicSiteHttp, PublicResponsesAreCacheableAndAnswer304ToTheirETag) {
    publish("briefing", "7-minute briefing: neglect", upload("Neglect", "neglect"), days_from_today(-3).iso());
    for (const std::string path : {"/p/test/", "/p/test/briefings", "/p/test/feed.atom", "/p/test/sitemap.xml", "/p/test/training"}) {
        auto first = get(path);
        ASSERT_EQ(first->status, 200) << path;
        const std::string tag = first->get_header_value("ETag");
        EXPECT_FALSE(tag.empty()) << path;
        EXPECT_EQ(first->get_header_value("Cache-Control").rfind("public, max-age=", 0), 0u) << path;
        EXPECT_EQ(first->headers.count("Cache-Control"), 1u) << path;
        EXPECT_EQ(get(path)->get_header_value("ETag"), tag) << path << ": the same bytes, the same tag";
        auto again = get(path, {{"If-None-Match", tag}});
        EXPECT_EQ(again->status, 304) << path;
        EXPECT_TRUE(again->body.empty()) << path;
        EXPECT_EQ(again->get_header_value("ETag"), tag);
        EXPECT_EQ(get(path, {{"If-None-Match", "\"other\", " + tag}})->status, 304) << path;
        EXPECT_EQ(get(path, {{"If-None-Match", "\"other\""}})->status, 200) << path;
    }
    const std::string before = get("/p/test/briefings")->get_header_value("ETag");
    publish("briefing", "7-minute briefing: domestic abuse", upload("Abuse", "abuse"), days_from_today(-1).iso());
    auto changed = get("/p/test/briefings", {{"If-None-Match", before}});
    EXPECT_EQ(changed->status, 200) << "a new publication changes the page and its tag";
    EXPECT_NE(changed->get_header_value("ETag"), before);
    EXPECT_NE(changed->body.find("domestic abuse"), std::string::npos);

    auto feed = get("/p/test/feed.atom");
    EXPECT_EQ(feed->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
    EXPECT_EQ(feed->body.rfind("<?xml", 0), 0u);
    EXPECT_NE(feed->body.find("<title>7-minute briefing: domestic abuse</title>"), std::string::npos);
    EXPECT_NE(feed->body.find("xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
    auto sitemap = get("/p/test/sitemap.xml");
    EXPECT_EQ(sitemap->get_header_value("Content-Type"), "application/xml; charset=utf-8");
    EXPECT_NE(sitemap->body.find("<loc>http://127.0.0.1:" + std::to_string(server->port()) + "/p/test/briefings</loc>"), std::string::npos)
        << sitemap->body;
    EXPECT_EQ(get("/p/nowhere/")->status, 404);
    auto bare = get("/p/test");
    EXPECT_EQ(bare->status, 301);
    EXPECT_EQ(bare->get_header_value("Location"), "/p/test/");
}

TEST_F(PublicSiteHttp, AnApprovedYearlyReportIsPublishedAsAPage) {
    const json draft = {{"kind", "yearly_report"}, {"title", "Yearly report 2016 to 2017"}, {"published_on", "2017-09-28"}, {"report_year", "2016-17"}};
    auto refused = propose(draft);
    EXPECT_EQ(refused->status, 422) << "a draft report is not published";
    EXPECT_NE(refused->body.find("not approved yet"), std::string::npos) << refused->body;

    const Actor bu = actor(Role::business_unit);
    for (const char* s : {"foreword", "introduction", "what_changed", "voice_of_children", "scrutiny", "next_priorities", "conclusion"}) {
        save_report_section(server->services(), bu, "2016-17", s, 0, std::string("The ") + s + " of the year.");
    }
    sign_off_report(server->services(), actor(Role::partner_lead), "2016-17");
    EXPECT_EQ(get("/p/test/reports/2016-17")->status, 404) << "approved but not yet published";
    const json p = ok(propose(draft), 201);
    EXPECT_EQ(get("/p/test/reports/2016-17")->status, 404) << "proposed, not approved";
    ok(decide(Role::partner_lead, p["id"], p["version"]), 200);
    EXPECT_EQ(propose(draft)->status, 422) << "published once";

    auto page = get("/p/test/reports/2016-17");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Yearly report 2016 to 2017"), std::string::npos);
    EXPECT_NE(page->body.find("The foreword of the year."), std::string::npos);
    EXPECT_FALSE(page->get_header_value("ETag").empty());
    auto list = get("/p/test/reports");
    EXPECT_NE(list->body.find("href=\"/p/test/reports/2016-17\""), std::string::npos);
    EXPECT_EQ(get("/p/test/reports/2017-18")->status, 404);

    // The same report as a PDF, linked from its page; none for a year not published.
    EXPECT_NE(page->body.find("href=\"/p/test/reports/2016-17.pdf\""), std::string::npos);
    auto pdf = get("/p/test/reports/2016-17.pdf");
    ASSERT_EQ(pdf->status, 200);
    EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0U);
    EXPECT_FALSE(pdf->get_header_value("ETag").empty());
    EXPECT_EQ(get("/p/test/reports/2017-18.pdf")->status, 404);
}

TEST_F(PublicSiteHttp, TheSignedInPagesProposeApproveAndWithdraw) {
    const auto doc = upload("Arrangements", "arrangements");
    Browser bu(*server);
    ASSERT_TRUE(bu.sign_in(server->email(Role::business_unit), kPassword));
    auto docs = bu.get("/documents");
    ASSERT_TRUE(docs);
    EXPECT_NE(docs->body.find("/publications/new?document_id=" + std::to_string(doc)), std::string::npos);
    auto form = bu.get("/publications/new?document_id=" + std::to_string(doc));
    ASSERT_EQ(form->status, 200);
    auto bad = bu.post("/publications", {{"kind", "arrangements"}, {"title", ""}, {"document_id", std::to_string(doc)}});
    ASSERT_EQ(bad->status, 422);
    EXPECT_NE(bad->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(bad->body.find("Enter the title the public will read"), std::string::npos);
    const Date d = days_from_today(-1);
    auto saved = bu.post("/publications", {{"kind", "arrangements"},
                                           {"title", "Our safeguarding arrangements"},
                                           {"published_on-day", std::to_string(d.day)},
                                           {"published_on-month", std::to_string(d.month)},
                                           {"published_on-year", std::to_string(d.year)},
                                           {"document_id", std::to_string(doc)}});
    ASSERT_EQ(saved->status, 303) << saved->body;
    auto list = bu.get("/publications?saved=proposed");
    EXPECT_NE(list->body.find("Awaiting approval"), std::string::npos);
    EXPECT_EQ(list->body.find("/publications/1/approve"), std::string::npos) << "the proposer is offered no approval";

    Browser lead(*server);
    ASSERT_TRUE(lead.sign_in(server->email(Role::partner_lead), kPassword));
    list = lead.get("/publications");
    ASSERT_NE(list->body.find("/publications/1/approve"), std::string::npos);
    auto approved = lead.post("/publications/1/approve", {{"version", "1"}});
    EXPECT_EQ(approved->status, 303);
    EXPECT_NE(get("/p/test/")->body.find("Our safeguarding arrangements"), std::string::npos);
    EXPECT_EQ(lead.post("/publications/1/approve", {{"version", "2"}})->status, 409);
}

TEST_F(PublicSiteHttp, APartnershipsOwnHostNameServesItsSiteAtTheRootAndLinksWithoutThePrefix) {
    Server own([](web::WebConfig& c) { c.public_hosts.emplace("safeguarding.example.org", "test"); });
    const httplib::Headers at_host{{"Host", "Safeguarding.Example.org:8443"}};
    auto home = own.client().Get("/", at_host);
    ASSERT_TRUE(home);
    ASSERT_EQ(home->status, 200);
    EXPECT_NE(home->body.find("href=\"/reviews\""), std::string::npos);
    EXPECT_NE(home->body.find("href=\"/training\""), std::string::npos);
    EXPECT_EQ(home->body.find("/p/test"), std::string::npos) << "no link keeps the prefix";
    EXPECT_FALSE(home->get_header_value("ETag").empty());

    // The shared address keeps its prefix, and each is kept apart from the other by the page cache.
    auto shared = own.client().Get("/p/test/");
    ASSERT_EQ(shared->status, 200);
    EXPECT_NE(shared->body.find("href=\"/p/test/reviews\""), std::string::npos);
    EXPECT_EQ(own.client().Get("/", at_host)->body, home->body);
    EXPECT_EQ(own.client().Get("/p/test/")->body, shared->body);

    auto moved = own.client().Get("/p/test/reviews?page=2", at_host);
    EXPECT_EQ(moved->status, 301);
    EXPECT_EQ(moved->get_header_value("Location"), "/reviews?page=2");
    EXPECT_EQ(own.client().Get("/p/test", at_host)->get_header_value("Location"), "/");
    EXPECT_EQ(own.client().Get("/p/test//elsewhere.example/x", at_host)->get_header_value("Location"), "/elsewhere.example/x")
        << "never an address on another host";

    auto training = own.client().Get("/training", at_host);
    ASSERT_EQ(training->status, 200);
    EXPECT_EQ(training->body.find("/p/test"), std::string::npos);
    auto sitemap = own.client().Get("/sitemap.xml", {{"Host", "safeguarding.example.org"}});
    ASSERT_EQ(sitemap->status, 200);
    EXPECT_NE(sitemap->body.find("<loc>http://safeguarding.example.org/reviews</loc>"), std::string::npos) << sitemap->body;
    EXPECT_NE(own.client().Get("/feed.atom", at_host)->body.find("<link rel=\"alternate\" href=\"/\"/>"), std::string::npos);

    // Other addresses are answered as at the shared address: assets, signing in; no other site's pages.
    EXPECT_EQ(own.client().Get("/assets/govuk-frontend.min.css", at_host)->status, 200);
    EXPECT_EQ(own.client().Get("/login", at_host)->status, 200);
    EXPECT_EQ(own.client().Get("/p/other/", at_host)->status, 404);
    EXPECT_EQ(own.client().Get("/nothing-here", at_host)->status, 404);

    // Another host name, or a client naming the mapped host in the server's own header, changes nothing.
    EXPECT_NE(own.client().Get("/", {{"Host", "elsewhere.example.org"}})->body, home->body);
    auto forged = own.client().Get("/p/test/", {{"Assure-Public-Host", "safeguarding.example.org"}});
    EXPECT_NE(forged->body.find("href=\"/p/test/reviews\""), std::string::npos);
}
