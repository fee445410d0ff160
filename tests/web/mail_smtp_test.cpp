// Mail end to end: a real `assure serve` sends the outbox to a real SMTP server on loopback
// (tests/web/mail_smtp_server.py, Debian's python3-aiosmtpd), started and stopped by the test.
// The message arrives with its headers and body and is marked sent; with the SMTP server
// stopped the failure is recorded and retried; once it is back the message arrives; a message
// queued while no server runs is sent after a restart; with no [mail] host nothing is sent.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/access.hpp"
#include "app/mail.hpp"
#include "app/partnership.hpp"
#include "cli/runtime.hpp"
#include "crypto/sodium.hpp"
#include "store/sqlite/store.hpp"
#include "web/harness.hpp"
#include "web/serve_process.hpp"

namespace assure::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kOfficer = "officer@example.org";
const std::string kFrom = "assure@example.org";
// Aware Friday 20 November 2026, served as if on Wednesday 25th: the Panel and the partners are
// due on Friday 27th, two working days away, so the day's job queues two reminders.
const char* kToday = "2026-11-25";

// The test's SMTP server: a child process, started and stopped at will on one port.
class SmtpSink {
public:
    SmtpSink(int port, std::string folder) : port_(port), folder_(std::move(folder)) {}
    ~SmtpSink() { stop(); }
    void start() {
        const char* python = std::getenv("ASSURE_TEST_PYTHON");
        const std::string interpreter = python != nullptr ? python : "/usr/bin/python3";
        const std::string script = std::string(ASSURE_TESTS_DIR) + "/web/mail_smtp_server.py";
        const std::string port = std::to_string(port_);
        pid_ = ::fork();
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::execl(interpreter.c_str(), interpreter.c_str(), script.c_str(), port.c_str(), folder_.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        for (int i = 0; i < 400 && !listening(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    [[nodiscard]] bool listening() const {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port_));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
        ::close(fd);
        return ok;
    }
    // The messages received so far, in the order they arrived.
    [[nodiscard]] std::vector<std::string> messages() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(folder_)) {
            if (e.path().extension() == ".eml") names.push_back(e.path().string());
        }
        std::sort(names.begin(), names.end());
        std::vector<std::string> out;
        for (const auto& n : names) {
            std::ifstream in(n, std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            out.push_back(text.str());
        }
        return out;
    }

private:
    int port_;
    std::string folder_;
    pid_t pid_ = -1;
};

// A header's value as received ("" when absent); headers end at the first empty line.
std::string header(const std::string& message, const std::string& name) {
    const auto end = message.find("\r\n\r\n");
    const std::string head = "\r\n" + message.substr(0, end);
    const auto at = head.find("\r\n" + name + ": ");
    if (at == std::string::npos) return "";
    const auto from = at + name.size() + 4;
    return head.substr(from, head.find("\r\n", from) - from);
}
std::string body(const std::string& message) { return message.substr(message.find("\r\n\r\n") + 4); }
// A quoted-printable body with its soft line breaks ("=" at a line's end) joined up again.
std::string unfolded(std::string text) {
    for (std::size_t at; (at = text.find("=\r\n")) != std::string::npos;) text.erase(at, 3);
    return text;
}

template <class Check>
bool eventually(Check check, int seconds = 30) {
    for (int i = 0; i < seconds * 20; ++i) {
        if (check()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return check();
}

class MailSmtp : public ::testing::Test {
protected:
    void SetUp() override {
        crypto::initialise();
        ::setenv("ASSURE_TODAY", kToday, 1);  // the server's clock and this test's agree on the day
        folder_ = fs::temp_directory_path() / ("assure-mail-" + std::to_string(::getpid()));
        fs::remove_all(folder_);
        fs::create_directories(folder_ / "received");
        db_ = (folder_ / "assure.db").string();
        seed();
    }
    void TearDown() override {
        ::unsetenv("ASSURE_TODAY");
        fs::remove_all(folder_);
    }

    void seed() {
        sqlite::SqliteStore store(db_);
        cli::SystemClock clock;
        crypto::Argon2idHasher light{1, 8u << 20};
        crypto::SodiumTokens tokens;
        Services s{store, clock, light, tokens, SessionPolicy{}, nullptr};
        store.write([&](Transaction& tx) { partnership_ = tx.partnerships().insert({PartnershipId{}, "halton", "Halton SCP"}, PartnershipRules{}); });
        const Actor system = Actor::system(partnership_);
        const auto council = create_agency(s, system, {"Halton Borough Council", "statutory_partner", "local_authority", "local_authority"}).id;
        const auto person = create_person(s, system, {"Olu Officer", "Business manager", council.str(), kOfficer});
        add_user(s, system, {person.id.str(), "business_unit", kPassword});
        token_ = create_api_token(s, kOfficer, "test");
        Case c;
        c.partnership = partnership_;
        c.reference = "SI-2026-01";
        c.became_aware_on = *Date::parse("2026-11-20");
        c.incident_on = c.became_aware_on;
        c.children = {{"Child W"}};
        store.write([&](Transaction& tx) { tx.cases().insert(c, standing_of(c, WorkingCalendar())); });
    }

    // Queues through the seam a producer calls, on the server's database, as its clock says now.
    void queue(const std::string& to, const std::string& subject, const std::string& text) {
        sqlite::SqliteStore store(db_);
        cli::SystemClock clock;
        store.write([&](Transaction& tx) { queue_mail(tx, clock.now(), {partnership_, MailKind::milestone_reminder, to, subject, text}); });
    }

    std::string config(int smtp_port) {
        const std::string path = (folder_ / "assure.toml").string();
        std::ofstream out(path);
        out << "[mail]\nhost = \"127.0.0.1\"\nport = " << smtp_port << "\nfrom = \"" << kFrom
            << "\"\ntls = \"none\"\npoll_seconds = 1\nretry_first_seconds = 1\nretry_max_seconds = 2\n";
        return path;
    }

    // The outbox as the API answers it to the business unit, newest first.
    json outbox(int port) {
        httplib::Client c("127.0.0.1", port);
        auto r = c.Get("/api/v1/outbox", {{"Authorization", "Bearer " + token_}});
        if (!r || r->status != 200) return json::array();
        return json::parse(r->body)["items"];
    }
    static json with_subject(const json& items, const std::string& subject) {
        for (const auto& m : items) {
            if (m["subject"] == subject) return m;
        }
        return nullptr;
    }

    fs::path folder_;
    std::string db_;
    PartnershipId partnership_;
    std::string token_;
};

}  // namespace

TEST_F(MailSmtp, MessagesReachARealSmtpServerAreRetriedWhileItIsDownAndSurviveARestart) {
    const int smtp_port = free_port();
    SmtpSink sink(smtp_port, (folder_ / "received").string());
    sink.start();
    ASSERT_TRUE(sink.listening()) << "the SMTP server did not start: is python3-aiosmtpd installed (./scripts/setup)?";
    queue("chair@example.org", "Papers for the Strategic Forum", "The papers are ready.\nCafé at 10:00; agenda item 3 = budget.");
    const std::string toml = config(smtp_port);

    auto serve = std::make_unique<ServeProcess>(db_, free_port(), toml);
    ASSERT_TRUE(serve->ready());
    const int port = serve->port();

    // 1. The queued message and the day's two reminders arrive, with their headers and body.
    ASSERT_TRUE(eventually([&] { return sink.messages().size() >= 3; })) << sink.messages().size() << " received";
    const auto received = sink.messages();
    ASSERT_EQ(received.size(), 3u);
    const auto papers = std::find_if(received.begin(), received.end(), [](const std::string& m) { return m.find("Papers for") != std::string::npos; });
    ASSERT_NE(papers, received.end());
    EXPECT_EQ(papers->rfind("X-Envelope: " + kFrom + " -> chair@example.org\r\n", 0), 0u) << *papers;
    EXPECT_EQ(header(*papers, "From"), kFrom);
    EXPECT_EQ(header(*papers, "To"), "chair@example.org");
    EXPECT_EQ(header(*papers, "Subject"), "Papers for the Strategic Forum");
    EXPECT_EQ(header(*papers, "Content-Type"), "text/plain; charset=utf-8");
    EXPECT_EQ(header(*papers, "Content-Transfer-Encoding"), "quoted-printable");
    EXPECT_EQ(header(*papers, "Auto-Submitted"), "auto-generated");
    EXPECT_FALSE(header(*papers, "Date").empty());
    EXPECT_EQ(body(*papers), "The papers are ready.\r\nCaf=C3=A9 at 10:00; agenda item 3 =3D budget.\r\n");
    int reminders = 0;
    for (const auto& m : received) {
        if (header(m, "Subject") != "SI-2026-01: Notify the Panel is due on 27 November 2026" &&
            header(m, "Subject") != "SI-2026-01: Inform the safeguarding partners is due on 27 November 2026") {
            continue;
        }
        ++reminders;
        EXPECT_EQ(header(m, "To"), kOfficer);
        EXPECT_NE(unfolded(body(m)).find("is due on 27 November 2026, in 2 working days."), std::string::npos) << body(m);
        EXPECT_EQ(m.find("Child W"), std::string::npos) << "no child is named in an email";
    }
    EXPECT_EQ(reminders, 2);
    ASSERT_TRUE(eventually([&] {
        const json items = outbox(port);
        return items.size() == 3 && std::all_of(items.begin(), items.end(), [](const json& m) { return m["status"] == "sent"; });
    })) << outbox(port).dump();
    EXPECT_FALSE(with_subject(outbox(port), "Papers for the Strategic Forum")["sent_at"].is_null());

    // 2. The SMTP server stops: the next message fails, its error is kept, and it is tried again.
    sink.stop();
    queue("chair@example.org", "While the server was down", "Second message.");
    ASSERT_TRUE(eventually([&] {
        const json m = with_subject(outbox(port), "While the server was down");
        return !m.is_null() && m["status"] == "failing" && m["attempts"].get<int>() >= 2;
    })) << outbox(port).dump();
    const json failing = with_subject(outbox(port), "While the server was down");
    EXPECT_NE(failing["last_error"].get<std::string>().find("127.0.0.1:" + std::to_string(smtp_port)), std::string::npos) << failing.dump();
    EXPECT_TRUE(failing["sent_at"].is_null());

    // 3. It comes back: the message is delivered and marked sent, its failed attempts still counted.
    sink.start();
    ASSERT_TRUE(eventually([&] { return sink.messages().size() == 4; }));
    EXPECT_EQ(header(sink.messages().back(), "Subject"), "While the server was down");
    ASSERT_TRUE(eventually([&] { return with_subject(outbox(port), "While the server was down")["status"] == "sent"; }));
    EXPECT_GE(with_subject(outbox(port), "While the server was down")["attempts"].get<int>(), 2);

    // 4. Assure stops; a message is queued meanwhile; a new process sends it (state is in the
    // database), and the day's reminders, already queued, are not queued again.
    EXPECT_EQ(serve->terminate(), 0);
    serve.reset();
    queue("chair@example.org", "Queued while Assure was stopped", "Third message.");
    serve = std::make_unique<ServeProcess>(db_, free_port(), toml);
    ASSERT_TRUE(serve->ready());
    ASSERT_TRUE(eventually([&] { return sink.messages().size() == 5; }));
    EXPECT_EQ(header(sink.messages().back(), "Subject"), "Queued while Assure was stopped");
    ASSERT_TRUE(eventually([&] { return with_subject(outbox(serve->port()), "Queued while Assure was stopped")["status"] == "sent"; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a poll or more: nothing else arrives
    EXPECT_EQ(sink.messages().size(), 5u);
    EXPECT_EQ(outbox(serve->port()).size(), 5u);
}

TEST_F(MailSmtp, WithNoMailServerConfiguredNothingIsSentAndMessagesWaitInTheOutbox) {
    queue("chair@example.org", "Papers for the Strategic Forum", "The papers are ready.");
    ServeProcess serve(db_, free_port());
    ASSERT_TRUE(serve.ready());
    // The day's reminders are queued all the same, for the outbox page.
    ASSERT_TRUE(eventually([&] { return outbox(serve.port()).size() == 3; })) << outbox(serve.port()).dump();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    for (const auto& m : outbox(serve.port())) {
        EXPECT_EQ(m["status"], "waiting") << m.dump();
        EXPECT_EQ(m["attempts"], 0);
    }
}

}  // namespace assure::testing
