// The assure command as an operator uses it: bad configuration, SIGTERM, backup and restore,
// PostgreSQL URLs and copying a database between engines, importing a dataset file.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <thread>

#include "cli/runtime.hpp"
#include "documents/disk_files.hpp"
#include "store/sqlite/database.hpp"
#include "store/postgres_scratch.hpp"
#include "store/sqlite/store.hpp"
#include "store/table_contents.hpp"
#include "web/serve_process.hpp"

namespace {

namespace fs = std::filesystem;

struct Output {
    int status;
    std::string text;
};

// `env` is "NAME=value" placed before the command, or "".
Output run(const std::string& args, const std::string& env = "") {
    const fs::path out = fs::temp_directory_path() / ("assure-cli-" + std::to_string(::getpid()) + ".out");
    const std::string prefix = env.empty() ? "" : "env " + env + " ";
    const int rc = std::system((prefix + ASSURE_BINARY + " " + args + " > " + out.string() + " 2>&1").c_str());
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    fs::remove(out);
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, text.str()};
}

class TempDir {
public:
    TempDir() : path_(fs::temp_directory_path() / ("assure-cli-" + std::to_string(::getpid()))) {
        fs::create_directories(path_);
    }
    ~TempDir() { fs::remove_all(path_); }
    [[nodiscard]] std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    fs::path path_;
};

using assure::testing::free_port;
using assure::testing::ServeProcess;

}  // namespace

TEST(Cli, VersionAndHelp) {
    EXPECT_NE(run("--version").text.find("assure "), std::string::npos);
    const auto help = run("--help");
    EXPECT_EQ(help.status, 0);
    for (const char* command : {"demo", "serve", "migrate", "user", "token", "copy", "backup", "restore"}) {
        EXPECT_NE(help.text.find(command), std::string::npos) << command;
    }
}

TEST(Cli, BadConfigurationStopsStartUpWithAClearMessage) {
    TempDir dir;
    std::ofstream(dir / "bad.toml") << "[server]\nport = \"eighty\"\n";
    auto r = run("--config " + (dir / "bad.toml") + " migrate --db " + (dir / "x.db"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("[server] port"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("wrong type"), std::string::npos) << r.text;

    std::ofstream(dir / "unknown.toml") << "[sever]\nport = 80\n";
    r = run("--config " + (dir / "unknown.toml") + " migrate --db " + (dir / "x.db"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("unknown section [sever]"), std::string::npos) << r.text;

    std::ofstream(dir / "slow.toml") << "[log]\nslow_statement_ms = -5\n";
    r = run("--config " + (dir / "slow.toml") + " migrate --db " + (dir / "x.db"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("log.slow_statement_ms"), std::string::npos) << r.text;
    r = run("migrate --db " + (dir / "x.db"), "ASSURE_SLOW_STATEMENT_MS=fast");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("ASSURE_SLOW_STATEMENT_MS"), std::string::npos) << r.text;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.db")) << "a refused start-up makes no database";
}

TEST(Cli, BadReviewRulesAndCaseKeysStopStartUp) {
    TempDir dir;
    std::ofstream(dir / "anchor.toml") << "[reviews]\nrapid_review_anchor = \"whenever\"\n";
    auto r = run("--config " + (dir / "anchor.toml") + " migrate --db " + (dir / "x.db"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("rapid_review_anchor"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("must be became_aware or notification"), std::string::npos) << r.text;

    std::ofstream(dir / "zero.toml") << "[reviews]\nrapid_review_working_days = 0\n";
    r = run("--config " + (dir / "zero.toml") + " migrate --db " + (dir / "x.db"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("Working days for a rapid review must be at least 1"), std::string::npos) << r.text;

    std::ofstream(dir / "holiday.toml") << "[calendar]\nextra_holidays = [ { date = \"2027-02-30\", name = \"X\" } ]\n";
    r = run("--config " + (dir / "holiday.toml") + " migrate --db " + (dir / "x.db"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("extra_holidays"), std::string::npos) << r.text;

    r = run("migrate --db " + (dir / "y.db"), "ASSURE_CASE_KEY=abc");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("ASSURE_CASE_KEY must be 64 hexadecimal characters"), std::string::npos) << r.text;

    r = run("migrate --db " + (dir / "y.db"), "ASSURE_TODAY=23/11/2026");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("ASSURE_TODAY must be a date"), std::string::npos) << r.text;
}

// Whatever the real time of day and season, ASSURE_TODAY is that date on calendars in England.
TEST(Cli, AssureTodayIsThatDateInEngland) {
    const char* const outside = std::getenv("ASSURE_TODAY");
    const std::string kept = outside == nullptr ? "" : outside;
    for (const char* day : {"2026-01-15", "2026-03-29", "2026-07-15", "2026-10-25", "2026-12-31"}) {
        ::setenv("ASSURE_TODAY", day, 1);
        const assure::cli::SystemClock clock;
        EXPECT_EQ(assure::london_date(clock.now()).iso(), day);
    }
    if (outside == nullptr) {
        ::unsetenv("ASSURE_TODAY");
    } else {
        ::setenv("ASSURE_TODAY", kept.c_str(), 1);
    }
}

TEST(Cli, ServeStopsCleanlyOnSigtermAndRestoreWaitsForIt) {
    TempDir dir;
    const std::string db = dir / "assure.db";
    ASSERT_EQ(run("partnership add --db " + db + " --slug test --name Test").status, 0);
    const int port = free_port();
    ServeProcess serve(db, port);
    ASSERT_TRUE(serve.ready());

    const auto backup = run("backup --db " + db + " --to " + (dir / "copy.db"));
    EXPECT_EQ(backup.status, 0) << backup.text;
    const auto refused = run("restore --from " + (dir / "copy.db") + " --db " + db);
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.text.find("is being served"), std::string::npos) << refused.text;

    EXPECT_EQ(serve.terminate(), 0);
    const auto restored = run("restore --from " + (dir / "copy.db") + " --db " + db);
    EXPECT_EQ(restored.status, 0) << restored.text;
}

// A backup that no longer matches the checksum written beside it is refused, and the database
// is left as it was.
TEST(Cli, RestoreRefusesABackupThatNoLongerMatchesItsChecksum) {
    TempDir dir;
    const std::string db = dir / "assure.db";
    ASSERT_EQ(run("partnership add --db " + db + " --slug test --name Test").status, 0);
    ASSERT_EQ(run("backup --db " + db + " --to " + (dir / "copy.db")).status, 0);
    ASSERT_EQ(run("partnership add --db " + db + " --slug later --name Later").status, 0);
    {
        // One byte of the copy changed, in the free space at its end, so SQLite still reads it.
        std::fstream copy(dir / "copy.db", std::ios::in | std::ios::out | std::ios::binary);
        copy.seekp(0, std::ios::end);
        copy.write("x", 1);
    }
    const auto bytes_of = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const std::string before = bytes_of(db);
    const auto refused = run("restore --from " + (dir / "copy.db") + " --db " + db);
    EXPECT_EQ(refused.status, 1) << refused.text;
    EXPECT_NE(refused.text.find("does not match its checksum"), std::string::npos) << refused.text;
    EXPECT_EQ(bytes_of(db), before) << "the database was changed";
    // Without the checksum file the integrity check alone decides, and says so.
    std::filesystem::remove(dir / "copy.db.sha256");
    const auto unchecked = run("restore --from " + (dir / "copy.db") + " --db " + db);
    EXPECT_EQ(unchecked.status, 0) << unchecked.text;
    EXPECT_NE(unchecked.text.find("no checksum beside"), std::string::npos) << unchecked.text;
}

// A backup carries the documents its database names (beside it, in FILE.documents), verify
// checks each against its checksum, and restore puts them back; a backup missing one restores
// nothing.
TEST(Cli, BackupVerifyAndRestoreCarryTheDocuments) {
    TempDir dir;
    const std::string db = dir / "assure.db", backup = dir / "copy.db";
    ASSERT_EQ(run("partnership add --db " + db + " --slug test --name Test").status, 0);
    const std::string bytes = "%PDF-1.4 the signed minutes";
    const std::string sha = assure::documents::DiskFiles(db + ".documents").keep(bytes);
    {
        assure::sqlite::Connection c(db);
        c.exec("INSERT INTO documents(id, partnership_id, record_type, record_id, title, created_at, updated_at) "
               "VALUES (1, 1, 'partnership', 0, 'Minutes', 1, 1)");
        c.exec("INSERT INTO document_versions(partnership_id, document_id, number, filename, content_type, size, sha256, "
               "uploaded_by_label, uploaded_at) VALUES (1, 1, 1, 'minutes.pdf', 'application/pdf', " + std::to_string(bytes.size()) +
               ", '" + sha + "', 'Ann', 1)");
    }
    const auto made = run("backup --db " + db + " --to " + backup);
    ASSERT_EQ(made.status, 0) << made.text;
    EXPECT_NE(made.text.find("Documents: 1 files"), std::string::npos) << made.text;
    const std::string kept = backup + ".documents/" + sha.substr(0, 2) + "/" + sha;
    ASSERT_TRUE(fs::exists(kept));
    EXPECT_EQ((fs::status(kept).permissions() & fs::perms::all), fs::perms::owner_read | fs::perms::owner_write);
    const auto good = run("backup verify --from " + backup);
    EXPECT_EQ(good.status, 0) << good.text;
    EXPECT_NE(good.text.find("Documents: 1 files"), std::string::npos) << good.text;

    // Restored into a new place, the document comes with the database.
    const std::string elsewhere = dir / "restored.db";
    ASSERT_EQ(run("migrate --db " + elsewhere).status, 0);
    const auto restored = run("restore --from " + backup + " --db " + elsewhere);
    ASSERT_EQ(restored.status, 0) << restored.text;
    std::ifstream back(elsewhere + ".documents/" + sha.substr(0, 2) + "/" + sha, std::ios::binary);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(back), {}), bytes);

    // A document changed in the backup is named by verify; one missing stops a restore.
    { std::ofstream(kept, std::ios::binary) << "tampered"; }
    const auto bad = run("backup verify --from " + backup);
    EXPECT_EQ(bad.status, 2) << bad.text;
    EXPECT_NE(bad.text.find("does not match its name: " + kept), std::string::npos) << bad.text;
    fs::remove(kept);
    const std::string fresh = dir / "fresh.db";
    ASSERT_EQ(run("migrate --db " + fresh).status, 0);
    const auto refused = run("restore --from " + backup + " --db " + fresh);
    EXPECT_EQ(refused.status, 1) << refused.text;
    EXPECT_NE(refused.text.find("missing: " + kept), std::string::npos) << refused.text;
    assure::sqlite::Connection untouched(fresh);
    auto q = untouched.prepare("SELECT count(*) FROM partnerships");
    ASSERT_TRUE(q->step());
    EXPECT_EQ(q->int64(0), 0) << "nothing of the database was restored";
}

TEST(Cli, MigrateSaysWhetherItAppliedAnything) {
    TempDir dir;
    const std::string db = dir / "assure.db";
    const auto first = run("migrate --db " + db);
    ASSERT_EQ(first.status, 0) << first.text;
    EXPECT_NE(first.text.find("is up to date: applied "), std::string::npos) << first.text;
    EXPECT_NE(first.text.find(" migrations"), std::string::npos) << first.text;
    const auto again = run("migrate --db " + db);
    ASSERT_EQ(again.status, 0) << again.text;
    EXPECT_NE(again.text.find("was already up to date"), std::string::npos) << again.text;
}

TEST(Cli, UserAddAndTokenCreate) {
    TempDir dir;
    const std::string db = dir / "assure.db";
    ASSERT_EQ(run("partnership add --db " + db + " --slug test --name Test").status, 0);
    auto added = run("user add --db " + db + " --email Admin@Example.org --name 'Ada Admin' --role administrator"
                     " < /dev/null");
    EXPECT_EQ(added.status, 1) << "an empty password must be refused";
    EXPECT_NE(added.text.find("password"), std::string::npos) << added.text;
    ::setenv("ASSURE_PASSWORD", "a properly long password", 1);
    added = run("user add --db " + db + " --email admin@example.org --name 'Ada Admin' --role administrator");
    ::unsetenv("ASSURE_PASSWORD");
    EXPECT_EQ(added.status, 0) << added.text;
    const auto token = run("token create --db " + db + " --user admin@example.org");
    EXPECT_EQ(token.status, 0);
    EXPECT_GE(token.text.size(), 40u);
    EXPECT_EQ(run("token create --db " + db + " --user nobody@example.org").status, 1);
}

TEST(Cli, TheDatabaseAndItsBackupAreReadableByTheirOwnerOnly) {
    TempDir dir;
    const std::string db = dir / "assure.db", backup = dir / "backup.db";
    ASSERT_EQ(run("partnership add --db " + db + " --slug test --name Test").status, 0);
    ASSERT_EQ(run("backup --db " + db + " --to " + backup).status, 0);
    for (const auto& path : {db, backup}) {
        ASSERT_TRUE(fs::exists(path)) << path;
        const auto others = fs::perms::group_all | fs::perms::others_all;
        EXPECT_EQ(fs::status(path).permissions() & others, fs::perms::none) << path;
    }
}

namespace {

const std::string kCaseKey = "ASSURE_CASE_KEY=" + std::string(64, 'a');

std::map<std::string, std::vector<std::string>> contents(const std::string& path) {
    assure::sqlite::Driver driver(path);
    assure::sqlite::Connection db(path, true);
    return assure::testing::table_contents(driver, db);
}

}  // namespace

// A database remembers its case key (a check sealed with it): a server or command started with
// another key is refused before it seals anything, saying what to do and never showing a key.
TEST(Cli, AnotherCaseKeyOnAnExistingDatabaseIsRefused) {
    TempDir dir;
    const std::string db = dir / "keyed.db";
    const std::string other_hex = std::string(64, 'b');
    auto r = run("migrate --db " + db, kCaseKey);
    ASSERT_EQ(r.status, 0) << r.text;
    for (const std::string& command : {std::string("migrate"), "serve --port " + std::to_string(free_port())}) {
        r = run(command + " --db " + db, "ASSURE_CASE_KEY=" + other_hex);
        EXPECT_EQ(r.status, 1) << command << ": " << r.text;
        EXPECT_NE(r.text.find("case key is not the database's case key"), std::string::npos) << command << ": " << r.text;
        EXPECT_NE(r.text.find("the same ASSURE_CASE_KEY"), std::string::npos) << command << ": " << r.text;
        EXPECT_EQ(r.text.find(other_hex), std::string::npos) << command << ": the key was shown";
        EXPECT_EQ(r.text.find(std::string(64, 'a')), std::string::npos) << command << ": the key was shown";
    }
    r = run("migrate --db " + db, kCaseKey);
    EXPECT_EQ(r.status, 0) << "the database's own key still opens it: " << r.text;

    // Restored without its key file: the key made for it at the new place is not the database's.
    const std::string restored = dir / "restored.db";
    ASSERT_EQ(run("demo --db " + (dir / "demo.db") + " --password 'a demo password'").status, 0);
    fs::copy_file(dir / "demo.db", restored);
    r = run("migrate --db " + restored);
    EXPECT_EQ(r.status, 1) << r.text;
    EXPECT_NE(r.text.find("restore the case key that was backed up with it"), std::string::npos) << r.text;
    fs::copy_file(dir / "demo.db.key", restored + ".key", fs::copy_options::overwrite_existing);
    r = run("migrate --db " + restored);
    EXPECT_EQ(r.status, 0) << "with its own key file it opens: " << r.text;
}

// The demo's live cases count working days back from today; built on a day that is not a working
// day (a Saturday, a Sunday, the Monday in lieu of Boxing Day) none of their events is after it.
TEST(Cli, TheDemoBuildsOnADayThatIsNotAWorkingDay) {
    for (const char* day : {"2026-12-05", "2026-12-06", "2026-12-28"}) {
        TempDir dir;
        const Output r = run("demo --db " + (dir / "demo.db") + " --password 'a demo password'", kCaseKey + " ASSURE_TODAY=" + day);
        EXPECT_EQ(r.status, 0) << day << ": " << r.text;
        EXPECT_EQ(r.text.find("There is a problem"), std::string::npos) << day << ": " << r.text;
    }
}

// Two servers on one PostgreSQL database, each made its own key: the second is refused.
TEST(CliOnPostgres, ASecondServerWithAnotherCaseKeyIsRefused) {
    if (assure::testing::test_postgres_url().empty()) GTEST_SKIP() << assure::testing::kNoPostgres;
    assure::testing::ScratchSchema scratch;
    const std::string url = "'" + scratch.url() + "'";
    auto r = run("migrate --db " + url, kCaseKey);
    ASSERT_EQ(r.status, 0) << r.text;
    r = run("serve --port " + std::to_string(free_port()) + " --db " + url, "ASSURE_CASE_KEY=" + std::string(64, 'c'));
    EXPECT_EQ(r.status, 1) << r.text;
    EXPECT_NE(r.text.find("Give every server on this database the same case key"), std::string::npos) << r.text;
    EXPECT_EQ(r.text.find(std::string(64, 'c')), std::string::npos) << "the key was shown";
}

TEST(Cli, AWrongDatabaseUrlStopsStartUpNamingItWithoutItsPassword) {
    const std::string url = "postgresql://assure:s3cret@127.0.0.1:1/assure?connect_timeout=2";
    for (const std::string command : {"migrate", "serve", "demo", "token create --user a@b.org"}) {
        const auto r = run(command + " --db '" + url + "'", kCaseKey);
        EXPECT_EQ(r.status, 1) << command << ": " << r.text;
        EXPECT_NE(r.text.find("postgresql://assure@127.0.0.1:1/assure"), std::string::npos) << command << ": " << r.text;
        EXPECT_EQ(r.text.find("s3cret"), std::string::npos) << command << ": " << r.text;
    }
    const auto no_key = run("migrate --db '" + url + "'");
    EXPECT_EQ(no_key.status, 1);
    EXPECT_NE(no_key.text.find("ASSURE_CASE_KEY"), std::string::npos) << no_key.text;
    const auto backup = run("backup --db '" + url + "' --to x.db");
    EXPECT_EQ(backup.status, 1);
    EXPECT_NE(backup.text.find("pg_dump"), std::string::npos) << backup.text;
    EXPECT_EQ(backup.text.find("s3cret"), std::string::npos) << backup.text;
}

// A server that answers, but not to this URL: a database it does not have, a malformed URL.
TEST(CliOnPostgres, AWrongDatabaseNameOrAMalformedUrlStopsStartUpNamingIt) {
    if (assure::testing::test_postgres_url().empty()) GTEST_SKIP() << assure::testing::kNoPostgres;
    const std::string base = assure::testing::test_postgres_url();
    const auto at = base.find('@'), slash = base.rfind('/');
    ASSERT_NE(at, std::string::npos);
    const std::string host = base.substr(at + 1, slash - at - 1);  // 127.0.0.1:port
    const std::string wrong = "postgresql://assure:s3cret@" + host + "/no_such_database";
    auto r = run("serve --port " + std::to_string(free_port()) + " --db '" + wrong + "'", kCaseKey);
    EXPECT_EQ(r.status, 1) << r.text;
    EXPECT_NE(r.text.find("postgresql://assure@" + host + "/no_such_database"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("does not exist"), std::string::npos) << r.text;
    EXPECT_EQ(r.text.find("s3cret"), std::string::npos) << r.text;

    const std::string malformed = "postgresql://assure:s3cret@" + host + "/x?sslmode=sometimes";
    r = run("migrate --db '" + malformed + "'", kCaseKey);
    EXPECT_EQ(r.status, 1) << r.text;
    EXPECT_NE(r.text.find("postgresql://assure@" + host + "/x?sslmode=sometimes"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("sslmode"), std::string::npos) << r.text;
    EXPECT_EQ(r.text.find("s3cret"), std::string::npos) << r.text;
}

TEST(CliOnPostgres, TheDemoCopiesToPostgresAndBackUnchanged) {
    if (assure::testing::test_postgres_url().empty()) GTEST_SKIP() << assure::testing::kNoPostgres;
    assure::testing::ScratchSchema scratch;
    const std::string url = "'" + scratch.url() + "'";
    TempDir dir;
    const std::string original = dir / "original.db", back = dir / "back.db";
    // The copy carries the database's case key check, so the server that serves it later is
    // given the key the demo was sealed with.
    ASSERT_EQ(run("demo --db " + original + " --password 'a demo password'", kCaseKey).status, 0);

    auto r = run("copy --from " + original + " --to " + url);
    ASSERT_EQ(r.status, 0) << r.text;
    EXPECT_NE(r.text.find("audit_log: "), std::string::npos) << r.text;
    r = run("copy --from " + url + " --to " + back);
    ASSERT_EQ(r.status, 0) << r.text;
    const auto before = contents(original), after = contents(back);
    ASSERT_EQ(before.size(), after.size());
    for (const auto& [table, rows] : before) {
        ASSERT_TRUE(after.count(table)) << table;
        EXPECT_EQ(after.at(table), rows) << table;
        if (table == "audit_log" || table == "agencies" || table == "governance_meetings") {
            EXPECT_FALSE(rows.empty()) << table;
        }
    }

    r = run("copy --from " + original + " --to " + url);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("is not empty"), std::string::npos) << r.text;

    // The copy continues the ids: the next record takes a new one, and the server serves it.
    r = run("partnership add --db " + url + " --slug halton --name Halton", kCaseKey);
    EXPECT_EQ(r.status, 0) << r.text;
    ::setenv("ASSURE_CASE_KEY", std::string(64, 'a').c_str(), 1);
    ServeProcess serve(scratch.url(), free_port());
    ::unsetenv("ASSURE_CASE_KEY");
    ASSERT_TRUE(serve.ready());
    EXPECT_EQ(serve.terminate(), 0);
}

TEST(CliOnPostgres, DemoStartsFromAnEmptySchemaEachTime) {
    if (assure::testing::test_postgres_url().empty()) GTEST_SKIP() << assure::testing::kNoPostgres;
    assure::testing::ScratchSchema scratch;
    const std::string url = "'" + scratch.url() + "'";
    ASSERT_EQ(run("partnership add --db " + url + " --slug knowsley --name Stale", kCaseKey).status, 0);
    auto r = run("demo --db " + url + " --password 'a demo password'", kCaseKey);
    ASSERT_EQ(r.status, 0) << r.text;
    EXPECT_NE(r.text.find("joanne.pritchard@sefton-council.example"), std::string::npos) << r.text;
    r = run("token create --db " + url + " --user joanne.pritchard@sefton-council.example", kCaseKey);
    EXPECT_EQ(r.status, 0) << r.text;
}

TEST(Cli, ImportReadsTheFileWhereItLiesAndSaysWhatItSaved) {
    TempDir dir;
    const std::string db = dir / "assure.db";
    ASSERT_EQ(run("partnership add --db " + db + " --slug test --name Test").status, 0);
    std::ofstream(dir / "population.csv") << "year,children\n2016,32486\n";
    auto r = run("import --db " + db + " --kind population --file " + (dir / "population.csv"));
    EXPECT_EQ(r.status, 0) << r.text;
    EXPECT_NE(r.text.find("population from population.csv: 1 rows read, 1 valid, 0 refused"), std::string::npos) << r.text;

    const std::string child = "<Child><ChildIdentifiers><LAchildID>LA1</LAchildID></ChildIdentifiers><CINdetails>"
                              "<CINreferralDate>2016-05-03</CINreferralDate></CINdetails></Child>\n";
    const std::string head = "<Message><Header><CollectionDetails><ReferenceDate>2017-03-31</ReferenceDate></CollectionDetails></Header><Children>\n";
    std::ofstream(dir / "cin.xml") << head << child << "</Children></Message>\n";
    r = run("import --db " + db + " --kind cin-census --period 2016-17 --file " + (dir / "cin.xml"));
    EXPECT_EQ(r.status, 0) << r.text;
    EXPECT_NE(r.text.find("1 children read, 1 valid, 0 refused"), std::string::npos) << r.text;
    std::ofstream(dir / "cin2.xml") << head << child << "<Child><ChildIdentifiers><LAchildID>LA2</LAchildID></ChildIdentifiers><CINdetails>"
                                                         "<CINreferralDate>2016-06-01</CINreferralDate></CINdetails></Child>\n</Children></Message>\n";
    r = run("import --db " + db + " --kind cin-census --period 2016-17 --file " + (dir / "cin2.xml"));
    EXPECT_EQ(r.status, 0) << r.text;
    EXPECT_NE(r.text.find("replacing import 2: 1 children added, 0 removed, 1 unchanged"), std::string::npos) << r.text;

    std::ofstream(dir / "empty.xml") << "";
    r = run("import --db " + db + " --kind cin-census --period 2016-17 --file " + (dir / "empty.xml"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("not well-formed XML"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("Nothing was saved."), std::string::npos) << r.text;
}

TEST(Cli, AWrongPublicHostOrImportLimitStopsStartUp) {
    TempDir dir;
    std::ofstream(dir / "host.toml") << "[public_site]\nhosts = { \"Safeguarding.Example\" = \"knowsley\" }\n";
    auto r = run("--config " + (dir / "host.toml") + " migrate --db " + (dir / "x.db"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("is not a host name in lower case"), std::string::npos) << r.text;
    std::ofstream(dir / "slug.toml") << "[public_site]\nhosts = { \"safeguarding.example\" = \"Knowsley Partnership\" }\n";
    r = run("--config " + (dir / "slug.toml") + " migrate --db " + (dir / "x.db"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("must name a partnership's slug"), std::string::npos) << r.text;
    std::ofstream(dir / "limit.toml") << "[dataset]\nmax_import_mb = 0\n";
    r = run("--config " + (dir / "limit.toml") + " migrate --db " + (dir / "x.db"));
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.text.find("dataset.max_import_mb"), std::string::npos) << r.text;
    std::ofstream(dir / "good.toml") << "[public_site]\nhosts = { \"safeguarding.example\" = \"knowsley\" }\n[dataset]\nmax_import_mb = 64\n";
    r = run("--config " + (dir / "good.toml") + " migrate --db " + (dir / "x.db"));
    EXPECT_EQ(r.status, 0) << r.text;
}
