#include "documents/clamd_scanner.hpp"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

namespace assure::documents {
namespace {

struct Socket {
    int fd = -1;
    ~Socket() {
        if (fd >= 0) ::close(fd);
    }
};

void set_timeouts(int fd, std::chrono::seconds timeout) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count());
    // On Linux the send timeout bounds connect() too, so an unanswering host cannot hold an upload.
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

// A connected socket, or fd -1 with `error` saying why.
void connect_to(const std::string& address, std::chrono::seconds timeout, Socket& s, std::string& error) {
    if (!address.empty() && address.front() == '/') {
        sockaddr_un un{};
        un.sun_family = AF_UNIX;
        if (address.size() >= sizeof un.sun_path) {
            error = "the socket path is too long";
            return;
        }
        std::memcpy(un.sun_path, address.c_str(), address.size() + 1);
        s.fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        set_timeouts(s.fd, timeout);
        if (::connect(s.fd, reinterpret_cast<sockaddr*>(&un), sizeof un) != 0) {
            error = std::strerror(errno);
            ::close(s.fd);
            s.fd = -1;
        }
        return;
    }
    const auto colon = address.rfind(':');
    if (colon == std::string::npos) {
        error = "the address is neither HOST:PORT nor a socket path";
        return;
    }
    const std::string host = address.substr(0, colon), port = address.substr(colon + 1);
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (const int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found); rc != 0) {
        error = ::gai_strerror(rc);
        return;
    }
    const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> owned(found, &::freeaddrinfo);
    error = "no address";
    for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
        s.fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (s.fd < 0) continue;
        set_timeouts(s.fd, timeout);
        if (::connect(s.fd, a->ai_addr, a->ai_addrlen) == 0) return;
        error = std::strerror(errno);
        ::close(s.fd);
        s.fd = -1;
    }
}

bool send_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool send_chunk(int fd, std::string_view chunk) {
    const auto n = static_cast<std::uint32_t>(chunk.size());
    const std::array<char, 4> length{static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8),
                                     static_cast<char>(n)};
    return send_all(fd, length.data(), length.size()) && send_all(fd, chunk.data(), chunk.size());
}

}  // namespace

ClamdScanner::ClamdScanner(std::string address, std::chrono::seconds timeout)
    : address_(std::move(address)), timeout_(timeout) {}

ScanResult ClamdScanner::scan(std::string_view bytes) const {
    using V = ScanResult::Verdict;
    Socket s;
    std::string error;
    connect_to(address_, timeout_, s, error);
    if (s.fd < 0) return {V::unavailable, "cannot reach clamd at " + address_ + ": " + error};
    // "z" commands end with a NUL, and so does the answer. Chunks of 64 KiB: clamd's default
    // StreamMaxLength (25 MB) limits the total, which the [documents] limit stays within.
    static constexpr std::string_view command("zINSTREAM\0", 10);
    bool sent = send_all(s.fd, command.data(), command.size());
    constexpr std::size_t kChunk = 64 * 1024;
    for (std::size_t at = 0; sent && at < bytes.size(); at += kChunk) sent = send_chunk(s.fd, bytes.substr(at, kChunk));
    if (sent) sent = send_chunk(s.fd, {});
    // clamd may answer and close early (a size limit); its answer says why, so read it anyway.
    std::string answer;
    std::array<char, 512> buffer{};
    while (answer.size() < 4096) {
        const ssize_t n = ::recv(s.fd, buffer.data(), buffer.size(), 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        answer.append(buffer.data(), static_cast<std::size_t>(n));
        if (answer.find('\0') != std::string::npos) break;
    }
    answer = answer.substr(0, answer.find('\0'));
    if (answer.empty()) return {V::unavailable, "clamd at " + address_ + " gave no answer" + (sent ? "" : " (sending failed)")};
    constexpr std::string_view prefix = "stream: ";
    if (answer == "stream: OK") return {V::clean, {}};
    constexpr std::string_view found = " FOUND";
    if (answer.rfind(prefix, 0) == 0 && answer.size() > prefix.size() + found.size() &&
        answer.compare(answer.size() - found.size(), found.size(), found) == 0) {
        return {V::infected, answer.substr(prefix.size(), answer.size() - prefix.size() - found.size())};
    }
    return {V::unavailable, "clamd at " + address_ + " answered: " + answer};
}

}  // namespace assure::documents
