// Storage faults an operator meets: a database file that cannot be written, a full disk. The
// log names the real cause (never "cannot rollback - no transaction is active"), /healthz says
// the server cannot write, /readyz that it can still read.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "security/run.hpp"
#include "store/sqlite/store.hpp"
#include "web/serve_process.hpp"

namespace assure::testing {
namespace {

const std::string kKey = "ASSURE_CASE_KEY=" + std::string(64, 'a');

std::string read_all(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// `assure serve` on a database it may read but not write: run as an unprivileged user when
// the tests run as root (root writes any file), else on a file made read-only.
class ReadOnlyServer {
public:
    ReadOnlyServer(const std::string& binary, const std::string& db, const std::string& log, int port) : port_(port) {
        const bool root = ::geteuid() == 0;
        if (!root) ::chmod(db.c_str(), 0444);
        pid_ = ::fork();
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            if (root && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {  // nobody
                std::fputs("the test could not become the unprivileged user\n", stderr);
                ::_exit(126);
            }
            ::setenv("ASSURE_CASE_KEY", std::string(64, 'a').c_str(), 1);
            const std::string p = std::to_string(port);
            ::execl(binary.c_str(), binary.c_str(), "serve", "--db", db.c_str(), "--port", p.c_str(), static_cast<char*>(nullptr));
            std::perror(("the test could not run " + binary).c_str());
            ::_exit(127);
        }
        httplib::Client c("127.0.0.1", port_);
        for (int i = 0; i < 400 && !ready_; ++i) {
            if (auto r = c.Get("/readyz"); r && r->status == 200) ready_ = true;
            if (!ready_) std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
    }
    ~ReadOnlyServer() {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    [[nodiscard]] bool ready() const { return ready_; }

private:
    pid_t pid_ = -1;
    int port_;
    bool ready_ = false;
};

}  // namespace

TEST(StorageFaults, AReadOnlyDatabaseIsUnhealthyButReadyAndTheLogSaysWhy) {
    TempDir dir;
    const auto db = dir / "ro.db";
    const auto made = run("partnership add --db " + db + " --slug k --name Knowsley", kKey);
    ASSERT_EQ(made.status, 0) << made.text;
    // The folder stays writable (SQLite keeps its shared-memory file there); the file does not.
    std::filesystem::permissions(std::filesystem::path(db).parent_path(), std::filesystem::perms::all);
    std::filesystem::permissions(db, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                         std::filesystem::perms::group_read | std::filesystem::perms::others_read);
    const auto log = dir / "serve.log";
    const int port = free_port();
    // The build may sit in a folder the unprivileged user cannot enter (a checkout under /root),
    // so the server runs from a copy of the binary in the test's own folder.
    const auto binary = dir / "assure";
    std::filesystem::copy_file(ASSURE_BINARY, binary);
    std::filesystem::permissions(binary, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                             std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                                             std::filesystem::perms::others_exec);
    ReadOnlyServer server(binary, db, log, port);
    ASSERT_TRUE(server.ready()) << read_all(log);

    httplib::Client c("127.0.0.1", port);
    auto health = c.Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 503);
    EXPECT_EQ(health->body, "unhealthy: the database cannot be written (the server log says why)\n");
    EXPECT_EQ(health->body.find("ro.db"), std::string::npos) << "the body names no file";
    auto ready = c.Get("/readyz");
    ASSERT_TRUE(ready);
    EXPECT_EQ(ready->status, 200);
    EXPECT_EQ(ready->body, "ready\n");

    const auto text = read_all(log);
    EXPECT_NE(text.find("/healthz: the database cannot be written"), std::string::npos) << text;
    EXPECT_NE(text.find("readonly database"), std::string::npos) << text;
    EXPECT_EQ(text.find("cannot rollback"), std::string::npos) << text;
}

// A full disk (here: a file-size limit, which fails writes as ENOSPC-like errors do) ends
// SQLite's transaction by itself; the error the store reports is the disk's, not the
// ROLLBACK's that follows it.
TEST(StorageFaults, AFullDiskIsReportedAsTheDiskNotAsAFailedRollback) {
    TempDir dir;
    const auto db = dir / "full.db";
    sqlite::SqliteStore store(db);
    PartnershipId p;
    store.write([&](Transaction& tx) { p = tx.partnerships().insert({PartnershipId{}, "k", "K"}, PartnershipRules()); });

    ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead of ending the process
    rlimit old{};
    ::getrlimit(RLIMIT_FSIZE, &old);
    rlimit small = old;
    small.rlim_cur = 256 * 1024;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string error;
    try {
        store.write([&](Transaction& tx) {
            Agency a;
            a.partnership = p;
            a.name = std::string(4 << 20, 'x');  // larger than the limit: the journal cannot hold it
            a.kind = AgencyKind::relevant_agency;
            a.sector = "education";
            tx.agencies().insert(a);
        });
    } catch (const Failure& f) {
        error = std::string(f.what()) + " | " + f.detail();
    } catch (const std::exception& e) {
        error = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    EXPECT_FALSE(error.empty()) << "the write should have failed";
    EXPECT_EQ(error.find("cannot rollback"), std::string::npos) << error;
    EXPECT_TRUE(error.find("disk") != std::string::npos || error.find("full") != std::string::npos) << error;
    // Space back: the store carries on.
    EXPECT_NO_THROW(store.write([&](Transaction& tx) { tx.health().beat(1); }));
}

}  // namespace assure::testing
