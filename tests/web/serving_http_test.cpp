// The HTTP layer under the loads that took the old one offline: slow clients (slowloris), many
// idle keep-alive connections, long forms, and bodies over the limit refused before they are
// read. Functional checks with generous bounds, not benchmarks (those are in tests/bench).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "app/partnership.hpp"
#include "web/harness.hpp"

using namespace assure;
using namespace assure::testing;
using Steady = std::chrono::steady_clock;

namespace {

// A raw TCP connection, for clients no HTTP library would be: slow, idle, or rude.
class RawClient {
public:
    explicit RawClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in at{};
        at.sin_family = AF_INET;
        at.sin_port = htons(static_cast<std::uint16_t>(port));
        at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&at), sizeof at) == 0;
    }
    ~RawClient() {
        if (fd_ >= 0) ::close(fd_);
    }
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    [[nodiscard]] bool connected() const { return connected_; }
    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            const auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n <= 0) return false;
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }
    // One response: its header and as many body bytes as Content-Length says; "" if the
    // connection closes or nothing complete arrives within `wait`.
    // A response to HEAD has a Content-Length and no body: `head` says so.
    std::string response(std::chrono::milliseconds wait = std::chrono::milliseconds(5000), bool head = false) {
        const auto deadline = Steady::now() + wait;
        while (true) {
            if (const auto end = got_.find("\r\n\r\n"); end != std::string::npos) {
                std::size_t length = 0;
                if (const auto at = got_.find("Content-Length: "); !head && at != std::string::npos && at < end) {
                    length = std::stoul(got_.substr(at + 16));
                }
                if (got_.size() >= end + 4 + length) {
                    std::string one = got_.substr(0, end + 4 + length);
                    got_.erase(0, end + 4 + length);
                    return one;
                }
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Steady::now()).count();
            if (left <= 0) return {};
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left)) <= 0) return {};
            char buf[16384];
            const auto n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) return {};
            got_.append(buf, static_cast<std::size_t>(n));
        }
    }

private:
    int fd_;
    bool connected_ = false;
    std::string got_;
};

const std::string kHealthz = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

bool is_ok(const std::string& response) { return response.rfind("HTTP/1.1 200 ", 0) == 0; }

// A fresh client's GET /healthz: its status (0 if none) and how long it took.
std::pair<int, Steady::duration> timed_healthz(const Server& server) {
    auto client = server.client();
    client.set_connection_timeout(5);
    client.set_read_timeout(5);
    const auto start = Steady::now();
    const auto r = client.Get("/healthz");
    return {r ? r->status : 0, Steady::now() - start};
}

}  // namespace

// Issue 14, item 1: 64 clients sending a header line every few seconds held every thread of the
// old server, and /healthz timed out for as long as they stayed.
TEST(ServingHttp, TwoHundredSlowClientsDoNotStopAnotherBeingServed) {
    Server server;
    std::vector<std::unique_ptr<RawClient>> slow;
    for (int i = 0; i < 200; ++i) {
        slow.push_back(std::make_unique<RawClient>(server.port()));
        ASSERT_TRUE(slow.back()->connected()) << "slow client " << i;
    }
    // One byte of a request header per client per second, as a slowloris sends.
    std::atomic<bool> done{false};
    std::atomic<int> bytes_sent{0};
    std::thread dribble([&] {
        for (std::size_t k = 0; k < kHealthz.size() - 4 && !done; ++k) {
            for (auto& c : slow) {
                if (c->send(kHealthz.substr(k, 1))) ++bytes_sent;
            }
            for (int t = 0; t < 10 && !done; ++t) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // every slow client mid-header
    const auto [status, took] = timed_healthz(server);
    done = true;
    dribble.join();
    EXPECT_GE(bytes_sent.load(), 400) << "the slow clients were sending";
    EXPECT_EQ(status, 200);
    EXPECT_LT(took, std::chrono::seconds(2)) << "a fresh client waited behind the slow ones";
}

// Issue 13: the old server held one of its threads for each keep-alive connection, so a few
// dozen open browsers stalled everyone else.
TEST(ServingHttp, AThousandIdleKeepAliveConnectionsDoNotStopANewClient) {
    Server server;
    std::vector<std::unique_ptr<RawClient>> idle;
    for (int i = 0; i < 1000; ++i) {
        idle.push_back(std::make_unique<RawClient>(server.port()));
        ASSERT_TRUE(idle.back()->connected()) << "connection " << i;
        ASSERT_TRUE(idle.back()->send(kHealthz));
        ASSERT_TRUE(is_ok(idle.back()->response())) << "connection " << i;  // and left open, idle
    }
    const auto [status, took] = timed_healthz(server);
    EXPECT_EQ(status, 200);
    EXPECT_LT(took, std::chrono::seconds(2)) << "a new client waited behind idle connections";
    // They were held open all along: the first and the last still answer.
    for (auto* c : {idle.front().get(), idle.back().get()}) {
        ASSERT_TRUE(c->send(kHealthz));
        EXPECT_TRUE(is_ok(c->response()));
    }
}

// Issue 14, item 9: form bodies over 8 KB were refused and the typed text lost.
TEST(ServingHttp, ATwentyKilobyteFormIsAccepted) {
    Server server;
    const auto bu = server.token(Role::business_unit);
    auto api = server.client();
    const auto people = list_people(server.services(), Actor::system(PartnershipId{1}), PersonFilter{});
    const auto chair = std::find_if(people.begin(), people.end(), [&](const auto& p) {
        return p.email == server.email(Role::business_unit);
    });
    ASSERT_NE(chair, people.end());
    const nlohmann::json group{{"name", "Core Business Group"}, {"type", "executive"}, {"chair_kind", "fixed"},
                               {"chair_id", chair->id.value}, {"cadence_months", 2}, {"quorum_kind", "min_members"},
                               {"quorum_value", 1}, {"active_from", "2020-01-01"}};
    auto created = api.Post("/api/v1/groups", {{"Authorization", "Bearer " + bu}}, group.dump(), "application/json");
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body;
    const std::string page = "/groups/" + std::to_string(nlohmann::json::parse(created->body)["id"].get<std::int64_t>());

    std::string terms = "# Purpose\n\n";
    for (int i = 0; terms.size() < 20 * 1024; ++i) {
        terms += "- The group reviews the partnership's work and agrees action " + std::to_string(i) + ".\n";
    }
    terms += "\nThe last line of a long document.\n";
    Browser b(server);
    ASSERT_TRUE(b.sign_in(server.email(Role::business_unit)));
    b.get(page);
    const std::string today = Date::from_days(london_date(std::time(nullptr)).days()).iso();
    auto r = b.post(page + "/terms", {{"markdown", terms}, {"approved_on", today}});
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 303) << r->body;
    const std::string html = b.get(page)->body;
    EXPECT_NE(html.find("The last line of a long document."), std::string::npos);
}

// The limit is checked against Content-Length with the header: a client that declares 2 MB
// and sends nothing more is answered at once, without the server waiting for the body.
TEST(ServingHttp, ABodyOverTheLimitIsRefusedBeforeItIsRead) {
    Server server;
    RawClient c(server.port());
    ASSERT_TRUE(c.connected());
    ASSERT_TRUE(c.send("POST /agencies HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2097152\r\n\r\n"));
    const std::string answer = c.response(std::chrono::milliseconds(2000));
    EXPECT_EQ(answer.rfind("HTTP/1.1 413 ", 0), 0u) << answer.substr(0, 200);
    EXPECT_NE(answer.find("Connection: close"), std::string::npos);
}

TEST(ServingHttp, AnOversizedHeaderIsRefused) {
    Server server;
    RawClient c(server.port());
    ASSERT_TRUE(c.connected());
    ASSERT_TRUE(c.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: " + std::string(64 * 1024, 'x') + "\r\n\r\n"));
    EXPECT_EQ(c.response().rfind("HTTP/1.1 431 ", 0), 0u);
}

// Slow clients are cut off: a header not complete within the header timeout closes the
// connection, so the server keeps nothing for it.
TEST(ServingHttp, AHeaderThatNeverCompletesIsCutOff) {
    Server server([](web::WebConfig& c) { c.header_timeout_seconds = 1; });
    RawClient c(server.port());
    ASSERT_TRUE(c.connected());
    ASSERT_TRUE(c.send("GET /healthz HTTP/1.1\r\nHost: 12"));
    const auto start = Steady::now();
    EXPECT_EQ(c.response(std::chrono::milliseconds(5000)), "") << "no answer to half a header";
    const auto took = Steady::now() - start;
    EXPECT_GE(took, std::chrono::milliseconds(500));
    EXPECT_LT(took, std::chrono::milliseconds(4000)) << "closed by the server, not by the test's wait";
}

// What the handlers and browsers relied on from the old server, kept by the new one.
TEST(ServingHttp, HeadIsAnsweredAsGetWithItsLengthAndNoBody) {
    Server server;
    RawClient c(server.port());
    ASSERT_TRUE(c.connected());
    ASSERT_TRUE(c.send("HEAD /login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    const std::string head = c.response(std::chrono::milliseconds(5000), true);
    EXPECT_EQ(head.rfind("HTTP/1.1 200 ", 0), 0u) << head;
    const auto length = head.find("Content-Length: ");
    ASSERT_NE(length, std::string::npos) << head;
    EXPECT_GT(std::stoul(head.substr(length + 16)), 1000u) << "the GET page's length";
    // No body followed: the next answer on the connection starts with its status line.
    ASSERT_TRUE(c.send(kHealthz));
    EXPECT_TRUE(is_ok(c.response()));
}

TEST(ServingHttp, PipelinedRequestsAreAnsweredInOrder) {
    Server server;
    RawClient c(server.port());
    ASSERT_TRUE(c.connected());
    ASSERT_TRUE(c.send(kHealthz + "GET /no-such-page HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + kHealthz));
    EXPECT_TRUE(is_ok(c.response()));
    EXPECT_EQ(c.response().rfind("HTTP/1.1 404 ", 0), 0u);
    EXPECT_TRUE(is_ok(c.response()));
}

TEST(ServingHttp, AClientThatExpectsContinueIsToldToSendItsBody) {
    Server server;
    RawClient c(server.port());
    ASSERT_TRUE(c.connected());
    const std::string body = "email=someone%40example.org&password=x&csrf_token=wrong";
    ASSERT_TRUE(c.send("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                       "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n"));
    EXPECT_EQ(c.response(), "HTTP/1.1 100 Continue\r\n\r\n");
    ASSERT_TRUE(c.send(body));
    EXPECT_EQ(c.response().rfind("HTTP/1.1 403 ", 0), 0u) << "the form was read: its CSRF token is wrong";
}

TEST(ServingHttp, AnUnknownMethodIsABadRequestAndAKnownOneWithNoRouteIsNotFound) {
    Server server;
    RawClient c(server.port());
    ASSERT_TRUE(c.connected());
    ASSERT_TRUE(c.send("BREW /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    EXPECT_EQ(c.response().rfind("HTTP/1.1 400 ", 0), 0u);
    ASSERT_TRUE(c.send("DELETE /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    EXPECT_EQ(c.response().rfind("HTTP/1.1 404 ", 0), 0u);
}
