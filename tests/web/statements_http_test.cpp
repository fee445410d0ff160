// No page or API list issues a query per row (docs/decisions/0007): a real server with the
// statement counter on (X-Assure-Statements) serves every list page and API list once over one
// partnership-year and once over four partnership-years each of three partnerships, and
// each request runs no more statements on the larger database than on the smaller. Counts,
// not timings: nothing here is timed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "app/access.hpp"
#include "cli/demo_scale.hpp"
#include "cli/runtime.hpp"
#include "crypto/sodium.hpp"
#include "store/open.hpp"
#include "web/harness.hpp"
#include "web/server.hpp"

namespace assure {
namespace {

const std::string kScalePassword = "statements test password";

// A server over a generated England (cli/demo_scale.hpp), counting statements.
class ScaleServer {
public:
    ScaleServer(int partnerships, int years)
        : path_((std::filesystem::temp_directory_path() /
                 ("assure-statements-" + std::to_string(::getpid()) + "-" + std::to_string(years) + ".db"))
                    .string()) {
        crypto::initialise();
        store_ = store::open_store(path_);
        services_ = std::make_unique<Services>(Services{*store_, clock_, hasher_, tokens_, SessionPolicy{}, &sealer_});
        cli::ScaleOptions o;
        o.partnerships = partnerships;
        o.years = years;
        o.password = kScalePassword;
        report_ = cli::load_england(*services_, o);
        web::WebConfig config;
        config.public_dir = ASSURE_PUBLIC_DIR;
        config.threads = 4;
        config.count_statements = true;
        app_ = std::make_unique<web::WebApp>(*services_, config);
        port_ = app_->bind_any_port();
        thread_ = std::thread([this] { app_->run(); });
        for (int i = 0; i < 200 && !app_->running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~ScaleServer() {
        app_->stop();
        thread_.join();
        app_.reset();
        services_.reset();
        store_.reset();
        for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + s);
    }
    ScaleServer(const ScaleServer&) = delete;
    ScaleServer& operator=(const ScaleServer&) = delete;

    [[nodiscard]] std::string email(const std::string& role) const {
        for (const auto& a : report_.first_partnership_accounts) {
            if (a.role == role) return a.email;
        }
        throw std::logic_error("no " + role + " account");
    }
    [[nodiscard]] int port() const { return port_; }
    Services& services() { return *services_; }
    Store& store() { return *store_; }

private:
    std::string path_;
    std::unique_ptr<sql::SqlStore> store_;
    cli::SystemClock clock_;
    crypto::Argon2idHasher hasher_{1, 8u << 20};
    crypto::SodiumTokens tokens_;
    crypto::SecretboxSealer sealer_{std::string(32, 'k')};
    std::unique_ptr<Services> services_;
    cli::ScaleReport report_;
    std::unique_ptr<web::WebApp> app_;
    std::thread thread_;
    int port_ = 0;
};

// The first partnership's records that pages are about: a monthly group, its newest held
// meeting, the newest cycle, a case, a source with actions.
std::map<std::string, std::string> ids_of(Store& store) {
    std::map<std::string, std::string> ids;
    const PartnershipId p{1};
    store.read([&](Transaction& tx) {
        const auto groups = tx.governance().groups(p);
        const auto executive = std::find_if(groups.begin(), groups.end(), [](const Group& g) { return g.type == GroupType::executive; });
        ids["group"] = executive->id.str();
        MeetingQuery mq;
        mq.partnership = p;
        mq.group = executive->id;
        mq.statuses = {MeetingStatus::held};
        mq.newest_first = true;
        mq.page.limit = 1;
        ids["meeting"] = tx.governance().meetings(mq).items.at(0).id.str();
        ids["cycle"] = tx.learning().cycles(p).at(0).id.str();
        CaseQuery cq;
        cq.partnership = p;
        cq.page.limit = 1;
        ids["case"] = tx.cases().list(cq).items.at(0).id.str();
        // The newest source with actions raised from it and no briefing drawn from it, in both
        // databases, so that both pages show the same kinds of thing: each kind (the actions with
        // their leads' and agencies' names; a briefing's sources) costs a statement once, whatever
        // its rows, and the small database has no source with both.
        SourceQuery sq;
        sq.partnership = p;
        sq.page.limit = PageRequest::max_limit;
        for (const auto& src : tx.learning().sources(sq).items) {
            ImprovementQuery iq;
            iq.partnership = p;
            iq.source = src.id;
            iq.page.limit = 1;
            if (tx.learning().improvements(iq).items.empty() || !tx.learning().briefings_for(p, {src.id}).empty()) continue;
            ids["source"] = src.id.str();
            break;
        }
        EXPECT_TRUE(ids.contains("source")) << "no source has actions raised from it";
    });
    return ids;
}

std::string with_ids(std::string path, const std::map<std::string, std::string>& ids) {
    for (const auto& [name, id] : ids) {
        const std::string slot = "{" + name + "}";
        for (auto at = path.find(slot); at != std::string::npos; at = path.find(slot)) path.replace(at, slot.size(), id);
    }
    return path;
}

// Every list page and API list, and the pages that list a record's children.
const std::vector<std::string> kBusinessUnitPages = {
    "/", "/actions", "/actions?state=open", "/groups", "/groups/{group}", "/meetings/{meeting}", "/attendance", "/forward-plan",
    "/interests", "/improvement", "/learning", "/learning/{source}", "/briefings", "/priorities", "/audits", "/audits/{cycle}",
    "/reviews", "/reviews/{case}", "/agencies", "/people", "/audit", "/dataset/returns?state=all", "/reports", "/reports/2026-27"};
const std::vector<std::string> kAdministratorPages = {"/users", "/audit/reads"};
const std::vector<std::string> kApiLists = {
    "/api/v1/actions", "/api/v1/agencies", "/api/v1/people", "/api/v1/groups", "/api/v1/groups/{group}/meetings",
    "/api/v1/groups/{group}/members", "/api/v1/groups/{group}/attendance", "/api/v1/improvement-actions", "/api/v1/learning",
    "/api/v1/audits", "/api/v1/audits/{cycle}/returns", "/api/v1/incidents", "/api/v1/dataset-returns", "/api/v1/reports/2026-27"};

int statements_of(const httplib::Result& r, const std::string& path) {
    EXPECT_TRUE(r) << path;
    if (!r) return -1;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_TRUE(r->has_header("X-Assure-Statements")) << path;
    return r->has_header("X-Assure-Statements") ? std::stoi(r->get_header_value("X-Assure-Statements")) : -1;
}

// Statements run by each request, by path pattern.
std::map<std::string, int> measure(ScaleServer& server) {
    const auto ids = ids_of(server.store());
    std::map<std::string, int> out;
    testing::Browser bu("127.0.0.1", server.port());
    EXPECT_TRUE(bu.sign_in(server.email("business_unit"), kScalePassword));
    for (const auto& page : kBusinessUnitPages) out[page] = statements_of(bu.get(with_ids(page, ids)), page);
    testing::Browser admin("127.0.0.1", server.port());
    EXPECT_TRUE(admin.sign_in(server.email("administrator"), kScalePassword));
    for (const auto& page : kAdministratorPages) out[page] = statements_of(admin.get(with_ids(page, ids)), page);
    const std::string token = create_api_token(server.services(), server.email("business_unit"), "statements");
    httplib::Client api("127.0.0.1", server.port());
    for (const auto& list : kApiLists) {
        out[list] = statements_of(api.Get(with_ids(list, ids), {{"Authorization", "Bearer " + token}}), list);
    }
    return out;
}

TEST(Statements, NoListRunsMoreStatementsWithMoreRows) {
    // One day for both databases, whatever day the test runs: the generator writes records
    // relative to today, and a page rightly runs a statement more when it has something of a
    // kind to show (a flagged action's names, say) that the smaller one may lack on some days.
    ::setenv("ASSURE_TODAY", "2026-12-01", 1);
    std::map<std::string, int> small, large;
    {
        ScaleServer s(1, 1);
        small = measure(s);
    }
    {
        ScaleServer s(3, 4);
        large = measure(s);
    }
    ::unsetenv("ASSURE_TODAY");
    for (const auto& [path, n] : small) {
        EXPECT_GT(n, 0) << path << ": the counter saw nothing";
        EXPECT_LE(large.at(path), n) << path << " ran " << n << " statements over one year and " << large.at(path)
                                     << " over four years of three partnerships";
    }
}

TEST(Statements, CountedOnlyWhenSwitchedOn) {
    testing::Server server;  // count_statements left at its default
    auto r = server.client().Get("/login");
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->has_header("X-Assure-Statements"));
}

}  // namespace
}  // namespace assure
