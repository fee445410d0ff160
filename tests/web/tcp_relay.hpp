#pragma once
// A loopback TCP relay in front of a database server, so a test can make the database "go away"
// for one server and come back, without stopping the cluster that other tests share. cut()
// closes every relayed connection and refuses new ones (they are closed as soon as accepted);
// restore() relays again.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace assure::testing {

class TcpRelay {
public:
    TcpRelay(std::string upstream_host, int upstream_port) : host_(std::move(upstream_host)), upstream_port_(upstream_port) {
        listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        socklen_t len = sizeof addr;
        if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(listener_, 64) != 0 || ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
            throw std::runtime_error("the relay cannot listen");
        }
        port_ = ntohs(addr.sin_port);
        acceptor_ = std::thread([this] { accept_loop(); });
    }
    ~TcpRelay() {
        stopping_ = true;
        cut();
        ::shutdown(listener_, SHUT_RDWR);
        acceptor_.join();
        ::close(listener_);
        for (auto& t : pumps_) t.join();
    }
    TcpRelay(const TcpRelay&) = delete;
    TcpRelay& operator=(const TcpRelay&) = delete;

    [[nodiscard]] int port() const { return port_; }

    void cut() {
        cut_ = true;
        std::lock_guard lock(mutex_);
        for (const int fd : open_) ::shutdown(fd, SHUT_RDWR);
    }
    void restore() { cut_ = false; }

private:
    void accept_loop() {
        while (!stopping_) {
            const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) {
                if (stopping_) return;
                continue;
            }
            const int server = cut_ ? -1 : connect_upstream();
            if (server < 0) {
                ::close(client);
                continue;
            }
            std::lock_guard lock(mutex_);
            open_.insert(client);
            open_.insert(server);
            pumps_.emplace_back([this, client, server] { pump(client, server); });
        }
    }

    [[nodiscard]] int connect_upstream() const {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(upstream_port_));
        ::inet_pton(AF_INET, host_.c_str(), &addr.sin_addr);
        if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) return fd;
        if (fd >= 0) ::close(fd);
        return -1;
    }

    // Copies bytes both ways until either side closes or the relay is cut.
    void pump(int a, int b) {
        std::vector<char> buffer(1 << 16);
        pollfd fds[2] = {{a, POLLIN, 0}, {b, POLLIN, 0}};
        while (!cut_) {
            if (::poll(fds, 2, 100) < 0) break;
            bool closed = false;
            for (int i = 0; i < 2 && !closed; ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                const ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
                closed = n <= 0 || !write_all(fds[1 - i].fd, buffer.data(), static_cast<std::size_t>(n));
            }
            if (closed) break;
        }
        std::lock_guard lock(mutex_);
        open_.erase(a);
        open_.erase(b);
        ::close(a);
        ::close(b);
    }

    static bool write_all(int fd, const char* data, std::size_t n) {
        while (n > 0) {
            const ssize_t w = ::send(fd, data, n, MSG_NOSIGNAL);
            if (w <= 0) return false;
            data += w;
            n -= static_cast<std::size_t>(w);
        }
        return true;
    }

    std::string host_;
    int upstream_port_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> cut_{false}, stopping_{false};
    std::mutex mutex_;
    std::set<int> open_;
    std::thread acceptor_;
    std::vector<std::thread> pumps_;
};

}  // namespace assure::testing
