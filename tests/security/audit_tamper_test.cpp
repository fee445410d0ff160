// The audit trail against someone who can write the database file: rows edited, deleted,
// reordered or cut from the end, behind Assure's back. `assure audit verify` names the first
// broken row and exits 2; a checkpoint the server logged catches even a rewritten head; the
// audit page warns.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "app/audit.hpp"
#include "security/run.hpp"
#include "store/sqlite/store.hpp"
#include "web/harness.hpp"
#include "web/serve_process.hpp"

namespace assure::testing {
namespace {

// A database with eight audit rows written by Assure, its append-only triggers then dropped
// as anyone who can write the file can.
std::string trail_of_eight(const TempDir& dir) {
    const auto path = dir / "trail.db";
    {
        sqlite::SqliteStore store(path);
        store.write([&](Transaction& tx) {
            const auto p = tx.partnerships().insert({PartnershipId{}, "k", "K"}, PartnershipRules());
            for (int i = 1; i <= 8; ++i) {
                tx.audit().append(AuditEntry{0, p, 1000 + i, UserId{}, "Ann <ann@example.org>", "case.read_identities",
                                             "review_case", std::to_string(i), "", ""});
            }
        });
    }
    sqlite::Connection(path).exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete");
    return path;
}

void tamper(const std::string& path, const std::string& sql) { sqlite::Connection(path).exec(sql); }

std::string head_checkpoint(const std::string& path) {
    sqlite::Connection db(path, true);
    auto q = db.prepare("SELECT last_id || ':' || last_hash FROM audit_chain_head");
    return q->step() ? q->text(0) : std::string();
}

}  // namespace

TEST(AuditTamper, AnUntouchedTrailVerifies) {
    TempDir dir;
    const auto db = trail_of_eight(dir);
    const auto out = run("audit verify --db " + db);
    EXPECT_EQ(out.status, 0) << out.text;
    EXPECT_NE(out.text.find("Audit trail intact: 8 rows; head row 8 hash "), std::string::npos) << out.text;
}

TEST(AuditTamper, AnEditedRowIsNamed) {
    TempDir dir;
    const auto db = trail_of_eight(dir);
    tamper(db, "UPDATE audit_log SET actor_label = 'Someone else' WHERE id = 4");
    const auto out = run("audit verify --db " + db);
    EXPECT_EQ(out.status, 2) << out.text;
    EXPECT_NE(out.text.find("Audit trail broken at row 4: its content does not match its hash: it was edited"),
              std::string::npos)
        << out.text;
}

TEST(AuditTamper, ADeletedReadOfIdentitiesIsNamedByTheRowAfterIt) {
    TempDir dir;
    const auto db = trail_of_eight(dir);
    tamper(db, "DELETE FROM audit_log WHERE id = 5");
    const auto out = run("audit verify --db " + db);
    EXPECT_EQ(out.status, 2) << out.text;
    EXPECT_NE(out.text.find("broken at row 6: it does not follow row 4"), std::string::npos) << out.text;
}

TEST(AuditTamper, ReorderedRowsAreNamed) {
    TempDir dir;
    const auto db = trail_of_eight(dir);
    tamper(db, "UPDATE audit_log SET id = -1 WHERE id = 6; UPDATE audit_log SET id = 6 WHERE id = 7; "
               "UPDATE audit_log SET id = 7 WHERE id = -1");
    const auto out = run("audit verify --db " + db);
    EXPECT_EQ(out.status, 2) << out.text;
    EXPECT_NE(out.text.find("broken at row 6"), std::string::npos) << out.text;
}

TEST(AuditTamper, RowsCutFromTheEndAreNamed) {
    TempDir dir;
    const auto db = trail_of_eight(dir);
    tamper(db, "DELETE FROM audit_log WHERE id > 6");
    const auto out = run("audit verify --db " + db);
    EXPECT_EQ(out.status, 2) << out.text;
    EXPECT_NE(out.text.find("broken at row 8: the chain's recorded head is row 8 but the trail ends at row 6"),
              std::string::npos)
        << out.text;
}

// Cutting rows from the end and rewriting the recorded head leaves a chain that is sound in
// itself: only a checkpoint kept outside the database (the server's log) shows the loss.
TEST(AuditTamper, ACheckpointFromTheLogCatchesACutEndWithARewrittenHead) {
    TempDir dir;
    const auto db = trail_of_eight(dir);
    const auto logged = head_checkpoint(db);
    ASSERT_EQ(logged.rfind("8:", 0), 0u) << logged;
    tamper(db, "DELETE FROM audit_log WHERE id > 6; "
               "UPDATE audit_chain_head SET last_id = 6, last_hash = (SELECT row_hash FROM audit_log WHERE id = 6)");
    EXPECT_EQ(run("audit verify --db " + db).status, 0) << "the chain alone cannot see it";
    const auto out = run("audit verify --db " + db + " --checkpoint " + logged);
    EXPECT_EQ(out.status, 2) << out.text;
    EXPECT_NE(out.text.find("broken at row 8: the checkpoint's row is missing"), std::string::npos) << out.text;
}

TEST(AuditTamper, AMalformedCheckpointIsRefusedClearly) {
    TempDir dir;
    const auto db = trail_of_eight(dir);
    const auto out = run("audit verify --db " + db + " --checkpoint nonsense");
    EXPECT_EQ(out.status, 1) << out.text;
    EXPECT_NE(out.text.find("--checkpoint must be ROW:HASH"), std::string::npos) << out.text;
}

// `serve` checks the whole trail at start and writes its head to the log; the line's ROW:HASH
// is what `audit verify --checkpoint` takes.
TEST(AuditTamper, ServeWritesTheHeadToItsLog) {
    TempDir dir;
    const auto db = trail_of_eight(dir);
    const auto logged = head_checkpoint(db);
    const auto log = dir / "serve.log";
    const int port = free_port();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        const std::string p = std::to_string(port);
        ::execl(ASSURE_BINARY, ASSURE_BINARY, "serve", "--db", db.c_str(), "--port", p.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    std::string text;
    const std::string line = "audit checkpoint: head row 8 hash " + logged.substr(2) + " (8 rows sound, whole trail checked)";
    for (int i = 0; i < 400 && text.find(line) == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        std::ifstream in(log);
        std::stringstream s;
        s << in.rdbuf();
        text = s.str();
    }
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
    EXPECT_NE(text.find(line), std::string::npos) << text;
}

// The audit page reads the server's latest check, not the trail: before the check finds a
// break it shows no warning; after, it names the row.
TEST(AuditTamper, TheAuditPageWarnsOnceACheckFindsTheChainBroken) {
    Server server;
    AuditTrailWatch watch;
    server.services().audit_watch = &watch;
    Browser admin(server);
    ASSERT_TRUE(admin.sign_in(server.email(Role::administrator)));
    EXPECT_TRUE(watch.check(server.services().store, true, 1'795'392'000).intact);
    auto page = admin.get("/audit");
    ASSERT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("data-audit-chain"), std::string::npos);

    server.raw_sql_exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_label = 'Nobody' WHERE id = 2");
    EXPECT_FALSE(watch.check(server.services().store, true, 1'795'392'000).intact);
    page = admin.get("/audit");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("data-audit-chain=\"broken\""), std::string::npos);
    EXPECT_NE(page->body.find("found row 2 broken: its content does not match its hash"), std::string::npos) << page->body;
}

}  // namespace assure::testing
