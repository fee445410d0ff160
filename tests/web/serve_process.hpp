#pragma once
// `assure serve` as a child process, the way an operator runs it, for tests that need a real
// server process (signals, several servers on one database).
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

namespace assure::testing {

// Starts `assure serve --db DB --port PORT` (with this process's environment, and `--config
// FILE` when one is given) and waits until /healthz answers.
class ServeProcess {
public:
    ServeProcess(const std::string& db, int port, const std::string& config = {}) : port_(port) {
        pid_ = ::fork();
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a test that crashes leaves no server behind
            const std::string p = std::to_string(port);
            if (!config.empty()) {
                ::execl(ASSURE_BINARY, ASSURE_BINARY, "--config", config.c_str(), "serve", "--db", db.c_str(), "--port", p.c_str(),
                        "--bind", "127.0.0.1", static_cast<char*>(nullptr));
            }
            ::execl(ASSURE_BINARY, ASSURE_BINARY, "serve", "--db", db.c_str(), "--port", p.c_str(), "--bind",
                    "127.0.0.1", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        httplib::Client c("127.0.0.1", port_);
        for (int i = 0; i < 400; ++i) {
            if (auto r = c.Get("/healthz"); r && r->status == 200) {
                ready_ = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
    }
    ~ServeProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    [[nodiscard]] bool ready() const { return ready_; }
    [[nodiscard]] int port() const { return port_; }
    // Sends SIGTERM and returns the exit status (or -1 if it did not exit within 5 s).
    int terminate() {
        ::kill(pid_, SIGTERM);
        for (int i = 0; i < 200; ++i) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        return -1;
    }

private:
    pid_t pid_ = -1;
    int port_;
    bool ready_ = false;
};

// A loopback port that nothing listens on at the moment of asking. A plain socket, bound and
// closed: an httplib::Server left unstarted keeps its listening socket open, and with
// SO_REUSEPORT the server started on that port would share its connections with it.
inline int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    if (fd >= 0) ::close(fd);
    return port;
}

}  // namespace assure::testing
