// `assure demo --scale england` at a tiny scale (2 partnerships × 1 year), on SQLite and on
// PostgreSQL: the rows it says it wrote are in the store, every one of them reads back through
// the strict row mapping (every list paged to its end), and the same seed gives the same records.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>

#include "cli/demo_scale.hpp"
#include "cli/runtime.hpp"
#include "crypto/sodium.hpp"
#include "store/open.hpp"
#include "store/postgres_scratch.hpp"

namespace assure {
namespace {

const std::string kScalePassword = "scale test password";

// A store with the generator's services; light hashing, as the web tests use.
struct Generated {
    explicit Generated(const std::string& db) : store(store::open_store(db)) { crypto::initialise(); }
    cli::ScaleReport run(int partnerships, int years) {
        cli::ScaleOptions o;
        o.partnerships = partnerships;
        o.years = years;
        o.password = kScalePassword;
        return cli::load_england(services, o);
    }
    std::unique_ptr<sql::SqlStore> store;
    cli::SystemClock clock;
    crypto::Argon2idHasher hasher{1, 8u << 20};
    crypto::SodiumTokens tokens;
    crypto::SecretboxSealer sealer{std::string(32, 'k')};
    Services services{*store, clock, hasher, tokens, SessionPolicy{}, &sealer};
};

// Pages through a list to its end, returning how many items it held.
template <class T>
std::int64_t count_pages(const std::function<Page<T>(const PageRequest&)>& fetch) {
    std::int64_t n = 0;
    PageRequest page;
    page.limit = PageRequest::max_limit;
    for (;;) {
        const auto p = fetch(page);
        n += static_cast<std::int64_t>(p.items.size());
        if (!p.next) return n;
        page.after = *p.next;
    }
}

// Every generated row of the listed tables, read back through the ports, by table.
std::map<std::string, std::int64_t> read_back(Store& store) {
    std::map<std::string, std::int64_t> n;
    store.read([&](Transaction& tx) {
        for (const auto& p : tx.partnerships().list()) {
            ++n["partnerships"];
            const auto id = p.id;
            if (tx.partnerships().rules(id)) ++n["partnership_rules"];
            n["agencies"] += count_pages<Agency>([&](const PageRequest& r) { return tx.agencies().query({id, {}, {}, "", r}); });
            n["people"] += count_pages<Person>([&](const PageRequest& r) { return tx.people().query({id, {}, {}, "", r}); });
            n["users"] += count_pages<User>([&](const PageRequest& r) { return tx.users().query({id, r}); });
            n["governance_meetings"] += count_pages<Meeting>([&](const PageRequest& r) {
                MeetingQuery q;
                q.partnership = id;
                q.page = r;
                return tx.governance().meetings(q);
            });
            n["governance_actions"] += count_pages<ActionItem>([&](const PageRequest& r) {
                ActionQuery q;
                q.partnership = id;
                q.page = r;
                return tx.governance().actions(q);
            });
            n["governance_interests"] += count_pages<Interest>([&](const PageRequest& r) {
                InterestQuery q;
                q.partnership = id;
                q.page = r;
                return tx.governance().interests(q);
            });
            n["governance_groups"] += static_cast<std::int64_t>(tx.governance().groups(id).size());
            n["review_cases"] += count_pages<Case>([&](const PageRequest& r) {
                CaseQuery q;
                q.partnership = id;
                q.page = r;
                return tx.cases().list(q);
            });
            n["learning_sources"] += count_pages<LearningSource>([&](const PageRequest& r) {
                SourceQuery q;
                q.partnership = id;
                q.page = r;
                return tx.learning().sources(q);
            });
            n["improvement_actions"] += count_pages<ImprovementAction>([&](const PageRequest& r) {
                ImprovementQuery q;
                q.partnership = id;
                q.page = r;
                return tx.learning().improvements(q);
            });
            for (const auto& c : tx.learning().cycles(id)) {
                ++n["audit_cycles"];
                n["audit_returns"] += static_cast<std::int64_t>(tx.learning().returns_of(id, c.id).size());
            }
            n["briefings"] += static_cast<std::int64_t>(tx.learning().briefings(id).size());
            n["audit_log"] += count_pages<AuditEntry>([&](const PageRequest& r) {
                AuditFilter f;
                f.partnership = id;
                return tx.audit().query(f, r);
            });
            n["access_log"] += count_pages<AccessEntry>([&](const PageRequest& r) {
                AccessQuery q;
                q.partnership = id;
                q.page = r;
                return tx.access_entries().query(q);
            });
        }
    });
    return n;
}

void expect_tiny_england(const std::string& db) {
    Generated g(db);
    const auto report = g.run(2, 1);
    // About a partnership-year each: ~90 meetings, ~900 actions, ~30 cases.
    EXPECT_EQ(report.rows.at("partnerships"), 2);
    EXPECT_GT(report.rows.at("governance_meetings"), 2 * 80);
    EXPECT_LT(report.rows.at("governance_meetings"), 2 * 130);  // with three months planned ahead
    EXPECT_GT(report.rows.at("governance_actions"), 2 * 600);
    EXPECT_LT(report.rows.at("governance_actions"), 2 * 1200);
    EXPECT_GT(report.rows.at("review_cases"), 2 * 25);
    EXPECT_LT(report.rows.at("review_cases"), 2 * 35);
    EXPECT_GT(report.rows.at("improvement_actions"), 0);
    EXPECT_GT(report.rows.at("audit_returns"), 0);
    EXPECT_GT(report.rows.at("access_log"), 0);
    ASSERT_FALSE(report.first_partnership_accounts.empty());

    const auto stored = read_back(*g.store);
    for (const auto& [table, rows] : stored) {
        ASSERT_TRUE(report.rows.count(table)) << table;
        EXPECT_EQ(rows, report.rows.at(table)) << table;
    }

    // The first partnership's business unit can sign in with the password given.
    std::optional<User> bu;
    g.store->read([&](Transaction& tx) {
        for (const auto& a : report.first_partnership_accounts) {
            if (a.role == "business_unit") bu = tx.users().find_by_email(a.email);
        }
    });
    ASSERT_TRUE(bu.has_value());
    EXPECT_TRUE(g.hasher.verify(bu->password_hash, kScalePassword));
}

std::string temp_db(const char* name) {
    return (std::filesystem::temp_directory_path() / ("assure-scale-" + std::to_string(::getpid()) + "-" + name + ".db")).string();
}

void remove_db(const std::string& path) {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
}

TEST(DemoScale, TinyEnglandOnSqliteReadsBackEveryRow) {
    const auto path = temp_db("tiny");
    expect_tiny_england(path);
    remove_db(path);
}

TEST(DemoScale, TinyEnglandOnPostgresReadsBackEveryRow) {
    if (testing::test_postgres_url().empty()) GTEST_SKIP() << testing::kNoPostgres;
    testing::ScratchSchema schema;
    expect_tiny_england(schema.url());
}

TEST(DemoScale, SameSeedSameRecords) {
    const auto a = temp_db("a"), b = temp_db("b");
    std::vector<std::string> texts[2];
    int i = 0;
    for (const auto& path : {a, b}) {
        Generated g(path);
        g.run(1, 1);
        g.store->read([&](Transaction& tx) {
            ActionQuery q;
            q.partnership = PartnershipId{1};
            q.page.limit = 200;
            for (const auto& x : tx.governance().actions(q).items) {
                texts[i].push_back(x.due.iso() + " " + x.text + " " + x.owner.str() + " " + std::string(action_status_key(x.status)));
            }
        });
        ++i;
    }
    EXPECT_EQ(texts[0].size(), 200u);
    EXPECT_EQ(texts[0], texts[1]);
    remove_db(a);
    remove_db(b);
}

}  // namespace
}  // namespace assure
