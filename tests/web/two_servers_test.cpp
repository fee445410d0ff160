// Several `assure serve` processes on one PostgreSQL database, as behind a load balancer. The
// servers keep nothing of their own: a session, its CSRF token, signing out and a lockout begun
// at one server hold at the other. And the database going away: a 503, nothing saved, and every
// request succeeds again once it is back. Skipped without ASSURE_TEST_POSTGRES.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <regex>
#include <thread>
#include <vector>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "cli/runtime.hpp"
#include "crypto/sodium.hpp"
#include "store/postgres/store.hpp"
#include "store/postgres_scratch.hpp"
#include "web/harness.hpp"
#include "web/serve_process.hpp"
#include "web/tcp_relay.hpp"

namespace assure::testing {
namespace {

const std::string kCaseKeyHex(64, 'a');
const std::string kAdmin = "admin@example.org", kOfficer = "officer@example.org", kLead = "lead@example.org";

// One partnership in a scratch schema, seeded here: an administrator, a business unit officer
// and a partner lead whose password hash has the servers' real (slow) settings, so attempts
// sent together overlap as they would in production.
class SharedDatabase {
public:
    SharedDatabase() {
        crypto::initialise();
        postgres::PostgresStore store(scratch_.url());
        cli::SystemClock clock;
        crypto::Argon2idHasher light{1, 8u << 20}, real;
        crypto::SodiumTokens tokens;
        Services fast{store, clock, light, tokens, SessionPolicy{}, nullptr};
        Services slow{store, clock, real, tokens, SessionPolicy{}, nullptr};
        PartnershipId pid;
        store.write([&](Transaction& tx) { pid = tx.partnerships().insert({PartnershipId{}, "halton", "Halton SCP"}, PartnershipRules{}); });
        const Actor system = Actor::system(pid);
        const auto council = create_agency(fast, system, {"Halton Borough Council", "statutory_partner", "local_authority",
                                                          "local_authority"}).id;
        auto add = [&](Services& s, const std::string& name, const std::string& email, const char* role) {
            const auto person = create_person(s, system, {name, "Officer", council.str(), email});
            add_user(s, system, {person.id.str(), role, kPassword});
        };
        add(fast, "Ada Admin", kAdmin, "administrator");
        add(fast, "Olu Officer", kOfficer, "business_unit");
        add(slow, "Lee Lead", kLead, "partner_lead");
        token_ = create_api_token(fast, kOfficer, "test");
    }
    [[nodiscard]] const std::string& url() const { return scratch_.url(); }
    [[nodiscard]] const std::string& schema() const { return scratch_.name(); }
    [[nodiscard]] const std::string& token() const { return token_; }

private:
    ScratchSchema scratch_;
    std::string token_;
};

// The servers read the case key from the environment they are started with.
class TwoServers : public ::testing::Test {
protected:
    void SetUp() override {
        if (test_postgres_url().empty()) GTEST_SKIP() << kNoPostgres;
        db = std::make_unique<SharedDatabase>();
        ::setenv("ASSURE_CASE_KEY", kCaseKeyHex.c_str(), 1);
    }
    void TearDown() override { ::unsetenv("ASSURE_CASE_KEY"); }

    std::unique_ptr<SharedDatabase> db;
};

// One sign-in attempt from a fresh browser; the status of the POST (303 signed in, 401 refused).
int attempt(int port, const std::string& email, const std::string& password) {
    Browser b(port);
    auto form = b.http.Get("/login");
    if (!form) return -1;
    auto r = b.http.Post("/login", {{"Cookie", Browser::cookie_from(form, "assure_login_csrf")}},
                         httplib::Params{{"email", email}, {"password", password},
                                         {"csrf_token", Browser::hidden(form->body, "csrf_token")}});
    return r ? r->status : -1;
}

bool shows(Browser& b, const std::string& path, const std::string& text) {
    auto r = b.get(path);
    return r && r->status == 200 && r->body.find(text) != std::string::npos;
}

}  // namespace

TEST_F(TwoServers, SignedInAtOneServerTheSessionActsAtTheOtherAndSigningOutEndsItAtBoth) {
    ServeProcess one(db->url(), free_port()), two(db->url(), free_port());
    ASSERT_TRUE(one.ready() && two.ready());

    Browser at_one(one.port()), at_two(two.port());
    ASSERT_TRUE(at_one.sign_in(kOfficer));
    at_two.cookie = at_one.cookie;  // the load balancer sends the next request to the other server
    ASSERT_EQ(at_two.get("/agencies/new")->status, 200);
    EXPECT_EQ(at_two.csrf, at_one.csrf) << "the CSRF token is the session's, held in the database";

    auto created = at_two.post("/agencies", {{"name", "Riverside College"}, {"kind", "relevant_agency"},
                                             {"statutory_role", "none"}, {"sector", "education"}});
    ASSERT_TRUE(created);
    EXPECT_EQ(created->status, 303);
    EXPECT_TRUE(shows(at_one, "/agencies", "Riverside College"));
    EXPECT_TRUE(shows(at_two, "/agencies", "Riverside College"));

    auto out = at_one.post("/logout", {});
    ASSERT_TRUE(out);
    EXPECT_EQ(out->status, 303);
    auto after = at_two.get("/agencies");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 303) << "signed out at one server, still signed in at the other";
    EXPECT_EQ(after->get_header_value("Location").rfind("/login", 0), 0u);
}

TEST_F(TwoServers, WrongPasswordsAtEitherServerCountTowardsOneLockout) {
    ServeProcess one(db->url(), free_port()), two(db->url(), free_port());
    ASSERT_TRUE(one.ready() && two.ready());
    for (int i = 0; i < 3; ++i) EXPECT_EQ(attempt(one.port(), kAdmin, "not the password"), 401);
    for (int i = 0; i < 2; ++i) EXPECT_EQ(attempt(two.port(), kAdmin, "not the password"), 401);
    // Three at one and two at the other: five in all, so the right password is refused at both.
    EXPECT_EQ(attempt(one.port(), kAdmin, kPassword), 401);
    EXPECT_EQ(attempt(two.port(), kAdmin, kPassword), 401);
    EXPECT_EQ(attempt(two.port(), kOfficer, kPassword), 303) << "another account is not locked";
}

// Guesses sent at the same moment to both servers each count: none is lost to another's write.
TEST_F(TwoServers, WrongPasswordsSentTogetherToBothServersLockTheAccount) {
    ServeProcess one(db->url(), free_port()), two(db->url(), free_port());
    ASSERT_TRUE(one.ready() && two.ready());
    std::vector<std::thread> guesses;
    std::vector<int> statuses(5, 0);
    for (int i = 0; i < 5; ++i) {
        guesses.emplace_back([&, i] { statuses[i] = attempt(i % 2 ? two.port() : one.port(), kLead, "a guess " + std::to_string(i)); });
    }
    for (auto& g : guesses) g.join();
    for (const int s : statuses) EXPECT_EQ(s, 401);
    EXPECT_EQ(attempt(one.port(), kLead, kPassword), 401) << "five wrong passwords sent together did not lock the account";
}

// Servers started together on a new, empty database each bring it up to date or find it so:
// the migrations (and the table recording them) are made under the write lock.
TEST_F(TwoServers, ServersStartingTogetherOnAnEmptyDatabaseAllStart) {
    ScratchSchema empty;
    std::vector<std::thread> starts;
    std::vector<int> statuses(4, -1);
    for (int i = 0; i < 4; ++i) {
        starts.emplace_back([&, i] {
            const std::string command = std::string(ASSURE_BINARY) + " migrate --db '" + empty.url() + "' > /dev/null 2>&1";
            const int rc = std::system(command.c_str());
            statuses[i] = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
        });
    }
    for (auto& s : starts) s.join();
    for (const int s : statuses) EXPECT_EQ(s, 0);
    postgres::Connection check(empty.url());
    auto q = check.prepare("SELECT count(*) FROM schema_migrations");
    ASSERT_TRUE(q->step());
    EXPECT_EQ(q->integer(0), static_cast<int>(postgres::bundled_migrations().size()));
}

// The database unreachable from one server (its connections cut, new ones refused): pages are
// a 503 page, the API a 503 problem, a form saves nothing; when it is back, every request works.
TEST_F(TwoServers, TheDatabaseGoingAwayIsA503AndTheServerRecoversWhenItReturns) {
    const std::string base = test_postgres_url();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(base, m, std::regex("@([0-9.]+):([0-9]+)/"))) << base;
    TcpRelay relay(m[1].str(), std::stoi(m[2].str()));
    const std::string via_relay = std::regex_replace(db->url(), std::regex("@[0-9.]+:[0-9]+/"),
                                                     "@127.0.0.1:" + std::to_string(relay.port()) + "/");
    ServeProcess server(via_relay, free_port());
    ASSERT_TRUE(server.ready());
    Browser b(server.port());
    ASSERT_TRUE(b.sign_in(kOfficer));
    ASSERT_EQ(b.get("/agencies/new")->status, 200);
    const httplib::Headers api{{"Authorization", "Bearer " + db->token()}};
    ASSERT_EQ(b.http.Get("/api/v1/agencies", api)->status, 200);

    relay.cut();
    auto page = b.http.Get("/agencies", {{"Cookie", b.cookie}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 503);
    EXPECT_EQ(page->get_header_value("Content-Type").rfind("text/html", 0), 0u);
    EXPECT_NE(page->body.find("Sorry, the service is unavailable"), std::string::npos) << page->body;
    EXPECT_FALSE(page->get_header_value("Retry-After").empty());
    auto listed = b.http.Get("/api/v1/agencies", api);
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->status, 503);
    EXPECT_EQ(listed->get_header_value("Content-Type"), "application/problem+json");
    const auto problem = nlohmann::json::parse(listed->body);
    EXPECT_EQ(problem["status"], 503);
    EXPECT_NE(problem["title"].get<std::string>().find("Nothing was saved"), std::string::npos) << listed->body;
    auto posted = b.post("/agencies", {{"name", "Lost In The Outage"}, {"kind", "relevant_agency"},
                                       {"statutory_role", "none"}, {"sector", "education"}});
    ASSERT_TRUE(posted);
    EXPECT_EQ(posted->status, 503);
    EXPECT_EQ(b.http.Get("/healthz")->status, 503) << "a load balancer takes the server out of rotation";

    relay.restore();
    int failed = 0;
    for (int i = 0; i < 10; ++i) {
        auto r = b.http.Get("/api/v1/agencies", api);
        if (!r || r->status != 200) ++failed;
        if (!shows(b, "/agencies", "Halton Borough Council")) ++failed;
    }
    EXPECT_EQ(failed, 0) << "requests failed after the database came back";
    EXPECT_FALSE(shows(b, "/agencies", "Lost In The Outage"));
    EXPECT_EQ(b.http.Get("/healthz")->status, 200);
}

// Every pooled connection ended at once (what a database restart does to them): no request
// fails, because a connection found dead at BEGIN is replaced before anything has run.
TEST_F(TwoServers, AfterEveryPooledConnectionIsEndedNoRequestFails) {
    const std::string label = "assure_" + db->schema();
    ServeProcess server(db->url() + "&application_name=" + label, free_port());
    ASSERT_TRUE(server.ready());
    const httplib::Headers api{{"Authorization", "Bearer " + db->token()}};
    postgres::Connection admin(test_postgres_url());
    auto count = admin.prepare("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?");
    auto connections = [&] {
        count->reset();
        count->bind(1, label);
        return count->step() ? count->integer(0) : 0;
    };
    // Requests at once, until the server's pool holds several connections.
    for (int round = 0; round < 20 && connections() < 3; ++round) {
        std::vector<std::thread> together;
        for (int i = 0; i < 6; ++i) {
            together.emplace_back([&] { httplib::Client("127.0.0.1", server.port()).Get("/api/v1/agencies", api); });
        }
        for (auto& t : together) t.join();
    }
    ASSERT_GE(connections(), 3) << "the pool held fewer connections than the test means to end";
    auto ended = admin.prepare("SELECT count(*) FROM (SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                               "WHERE application_name = ?) AS t");
    ended->bind(1, label);
    ASSERT_TRUE(ended->step());
    EXPECT_GE(ended->integer(0), 3);

    httplib::Client c("127.0.0.1", server.port());
    for (int i = 0; i < 12; ++i) {
        auto r = c.Get("/api/v1/agencies", api);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200) << "request " << i << ": " << r->body;
    }
}

}  // namespace assure::testing
