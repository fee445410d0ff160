#include "web/http_server.hpp"
#include "web/beast_request.hpp"
#include "web/multipart.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/string_body.hpp>

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <atomic>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace assure::web {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

struct HttpServer::Impl {
    Handler handle;
    ErrorHandler on_error;
    HttpOptions options;
    net::io_context ioc;
    tcp::acceptor acceptor{ioc};
    net::steady_timer accept_retry{ioc};
    net::thread_pool workers;
    std::atomic<bool> running{false};

    Impl(Handler h, ErrorHandler e, HttpOptions o)
        : handle(std::move(h)),
          on_error(std::move(e)),
          options(o),
          ioc(io_threads()),
          workers(worker_threads()) {}

    [[nodiscard]] std::size_t worker_threads() const {
        if (options.worker_threads > 0) return static_cast<std::size_t>(options.worker_threads);
        return std::max<std::size_t>(4, 2 * std::thread::hardware_concurrency());
    }

    [[nodiscard]] int io_threads() const {
        if (options.io_threads > 0) return options.io_threads;
        return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    }

    bool listen(const tcp::endpoint& at) {
        beast::error_code ec;
        acceptor.open(at.protocol(), ec);
        if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
        if (!ec) acceptor.bind(at, ec);
        if (!ec) acceptor.listen(options.backlog, ec);
        if (ec) {
            spdlog::debug("cannot listen on {}:{}: {}", at.address().to_string(), at.port(), ec.message());
            beast::error_code ignored;
            acceptor.close(ignored);
            return false;
        }
        accept();
        return true;
    }

    void accept();
};

namespace {

// One client's connection: reads a request, hands it to a worker, writes the response, and
// waits for the next. Only one of those steps is in flight at a time, on the connection's strand.
class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(tcp::socket socket, HttpServer::Impl& server) : stream_(std::move(socket)), server_(server) {}
    ~Connection() { remove_upload(upload_path_); }

    void start() {
        beast::error_code ignored;
        // Without it every keep-alive response waits ~40 ms for the client's delayed ACK (Nagle).
        stream_.socket().set_option(tcp::no_delay(true), ignored);
        stream_.socket().non_blocking(true, ignored);  // for the write from a worker (respond)
        // Asked once: the kernel's answer does not change while the connection lasts.
        const auto remote = stream_.socket().remote_endpoint(ignored);
        remote_addr_ = remote.address().to_string();
        remote_port_ = remote.port();
        wait_for_request();
    }

private:
    const HttpLimits& limits() const { return server_.options.limits; }

    // An idle keep-alive connection costs this object and its socket; it is given idle_timeout
    // to send a first byte, then header_timeout for the whole header.
    void wait_for_request() {
        if (buffer_.size() > 0) return read_header();  // the client sent its next request already
        stream_.expires_after(limits().idle_timeout);
        stream_.async_read_some(buffer_.prepare(2048), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            if (ec) return self->close();
            self->buffer_.commit(n);
            self->read_header();
        });
    }

    void read_header() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(limits().max_header_bytes));
        // Content-Length is checked with the header: against the larger limit here, and against
        // the ordinary one in on_header once the path says the request is not an upload.
        parser_->body_limit(std::max(limits().max_body_bytes, uploads_on() ? limits().max_upload_bytes : 0));
        stream_.expires_after(limits().header_timeout);
        http::async_read_header(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            self->on_header(ec);
        });
    }

    void on_header(beast::error_code ec) {
        if (ec == http::error::body_limit) return refuse(413);
        if (ec == http::error::header_limit) return refuse(431);
        if (ec == beast::error::timeout || ec == http::error::end_of_stream || ec == net::error::eof ||
            ec == net::error::operation_aborted || ec == net::error::connection_reset) {
            return close();
        }
        if (ec) return refuse(400);
        const std::size_t upload_limit = uploads_on() ? request_upload_limit() : 0;
        const bool upload = upload_limit > 0;
        const std::size_t limit = upload ? upload_limit : limits().max_body_bytes;
        const auto declared = parser_->content_length();
        if (declared && *declared > limit) return refuse(413);
        parser_->body_limit(limit);  // a chunked body, as it grows
        if (parser_->is_done()) return dispatch();
        const bool expects_continue = parser_->get()[http::field::expect] == "100-continue";
        if (upload && !start_upload(limit)) return refuse(503);
        if (expects_continue) {
            // The client waits for this before sending its body, whose declared size is within the limit.
            static const std::string go_on = "HTTP/1.1 100 Continue\r\n\r\n";
            stream_.expires_after(limits().write_timeout);
            net::async_write(stream_, net::buffer(go_on), [self = shared_from_this()](beast::error_code wec, std::size_t) {
                if (wec) return self->close();
                self->read_body();
            });
            return;
        }
        read_body();
    }

    [[nodiscard]] bool uploads_on() const { return limits().max_upload_bytes > 0 && limits().upload_limit; }

    [[nodiscard]] std::size_t request_upload_limit() const {
        const auto& m = parser_->get();
        const std::string target(m.target());
        const std::string path = httplib::detail::decode_url(target.substr(0, target.find('?')), false);
        const auto method = m.method_string();
        return std::min(limits().upload_limit(std::string_view(method.data(), method.size()), path), limits().max_upload_bytes);
    }

    // The body goes to a new file from here on: the parser becomes one with a file body.
    bool start_upload(std::size_t limit) {
        const std::string dir = limits().upload_dir.empty() ? std::filesystem::temp_directory_path().string() : limits().upload_dir;
        std::string path = dir + "/upload-XXXXXX";
        const int fd = ::mkstemp(path.data());
        if (fd < 0) {
            spdlog::error("cannot create an upload file in {}", dir);
            return false;
        }
        ::close(fd);
        upload_path_ = path;
        upload_parser_.emplace(std::move(*parser_));
        upload_parser_->body_limit(limit);
        parser_.reset();
        beast::error_code ec;
        upload_parser_->get().body().open(path.c_str(), beast::file_mode::write, ec);
        if (ec) {
            spdlog::error("cannot open the upload file {}: {}", path, ec.message());
            return false;
        }
        return true;
    }

    static void remove_upload(const std::string& path) {
        if (!path.empty()) ::unlink(path.c_str());
    }

    void read_body() {
        stream_.expires_after(limits().body_timeout);
        if (upload_parser_) {
            http::async_read(stream_, buffer_, *upload_parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
                if (ec == http::error::body_limit) return self->refuse(413);
                if (ec) return self->close();
                self->dispatch();
            });
            return;
        }
        http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec == http::error::body_limit) return self->refuse(413);  // a chunked body grew too large
            if (ec) return self->close();
            self->dispatch();
        });
    }

    // The request as cpp-httplib would have given it to the handlers: path decoded, query and
    // url-encoded form parsed into params by that library's own functions.
    httplib::Request to_request(bool with_body) {
        if (upload_parser_) return to_request(upload_parser_->get(), false);
        return to_request(parser_->get(), with_body);
    }

    template <class Message>
    httplib::Request to_request(Message& m, bool with_body) {
        httplib::Request req = request_from(m);
        req.remote_addr = remote_addr_;
        req.remote_port = remote_port_;
        if constexpr (std::is_same_v<Message, http::request<http::string_body>>) {
            if (with_body) read_body_fields(req, std::move(m.body()));
        }
        return req;
    }

    // An upload's text fields (the CSRF token among them) from its file; the handler reads the
    // file part itself.
    static void read_upload_fields(httplib::Request& req, const std::string& path) {
        req.headers.emplace(kUploadBodyHeader, path);
        const auto boundary = multipart_boundary(req.get_header_value("Content-Type"));
        if (!boundary) return;
        const MappedFile body(path);
        read_multipart_fields(body.bytes(), *boundary, req);
    }

    void dispatch() {
        keep_alive_ = upload_parser_ ? upload_parser_->get().keep_alive() : parser_->get().keep_alive();
        head_request_ = (upload_parser_ ? upload_parser_->get().method() : parser_->get().method()) == http::verb::head;
        auto req = std::make_shared<httplib::Request>(to_request(true));
        std::string upload = std::move(upload_path_);
        upload_path_.clear();
        if (upload_parser_) upload_parser_->get().body().close();
        parser_.reset();
        upload_parser_.reset();
        net::post(server_.workers, [self = shared_from_this(), req, upload] {
            httplib::Response res;
            try {
                if (!upload.empty()) read_upload_fields(*req, upload);
                self->server_.handle(*req, res);
            } catch (const std::exception& e) {
                spdlog::error("{} {}: {}", req->method, req->path, e.what());
                res = httplib::Response();
                res.status = 500;
            }
            remove_upload(upload);
            if (res.status == -1) res.status = 200;
            self->finish(*req, res);
        });
    }

    // A refusal before the request is read in full: answered, then the connection closed after
    // reading and discarding what the client still sends, so that it sees the answer.
    void refuse(int status) {
        keep_alive_ = false;
        linger_ = true;
        head_request_ = false;
        auto req = std::make_shared<httplib::Request>();
        if (upload_parser_ || (parser_ && parser_->is_header_done())) {
            *req = to_request(false);
        } else if (parser_) {
            // A Content-Length over every limit stops the header where it stands; the request
            // line was read before it, so the refusal can still say what was refused.
            const auto& m = parser_->get();
            req->method = std::string(m.method_string());
            req->target = std::string(m.target());
            req->path = httplib::detail::decode_url(req->target.substr(0, req->target.find('?')), false);
        }
        parser_.reset();
        upload_parser_.reset();
        remove_upload(upload_path_);
        upload_path_.clear();
        net::post(server_.workers, [self = shared_from_this(), req, status] {
            httplib::Response res;
            res.status = status;
            self->finish(*req, res);
        });
    }

    // On a worker thread: a refusal's page or problem, then the response sent.
    void finish(const httplib::Request& req, httplib::Response& res) {
        if (res.status >= 400 && res.body.empty()) {
            try {
                server_.on_error(req, res);
            } catch (const std::exception& e) {
                spdlog::error("{} {}: {} (answering {})", req.method, req.path, e.what(), res.status);
            }
        }
        respond(res);
    }

    // On a worker thread: the response's bytes, then back to the connection's strand to send.
    void respond(httplib::Response& res) {
        if (keep_alive_) {
            res.set_header("Keep-Alive", "timeout=" + std::to_string(limits().idle_timeout.count()));
        } else {
            res.set_header("Connection", "close");
        }
        if (!res.has_header("Content-Type") && !res.body.empty()) res.set_header("Content-Type", "text/plain");
        res.headers.erase("Content-Length");
        res.set_header("Content-Length", std::to_string(res.body.size()));
        const auto reason = http::obsolete_reason(static_cast<http::status>(res.status));
        std::string head;
        head.reserve(512);
        head.append("HTTP/1.1 ").append(std::to_string(res.status)).append(" ").append(reason.data(), reason.size()).append("\r\n");
        for (const auto& [name, value] : res.headers) head.append(name).append(": ").append(value).append("\r\n");
        head.append("\r\n");
        if (head_request_) res.body.clear();
        // Most responses fit in the socket's send buffer, so they are sent from here, at once,
        // with one writev: the client does not wait for a hop back to the event loop. Safe: the
        // connection has no other operation in flight while its request is handled, and the
        // socket is non-blocking. What does not fit is sent by the loop.
        beast::error_code ec;
        const std::array<net::const_buffer, 2> parts{net::buffer(head), net::buffer(res.body)};
        std::size_t sent = stream_.socket().write_some(parts, ec);
        if (ec == net::error::would_block || ec == net::error::try_again) {
            ec = {};
            sent = 0;
        }
        if (!ec && sent == head.size() + res.body.size() && keep_alive_ && !linger_) {
            // All sent: the wait for the next request is started from here too, rather than
            // after a hop back to the event loop (a wake-up and a switch of threads on every
            // request). Safe for the same reason as the write; the read completes on the loop.
            return wait_for_request();
        }
        net::post(stream_.get_executor(),
                  [self = shared_from_this(), head = std::move(head), body = std::move(res.body), sent, failed = bool(ec)]() mutable {
                      if (failed) return self->close();
                      if (sent >= head.size()) {
                          body.erase(0, sent - head.size());
                          head.clear();
                      } else {
                          head.erase(0, sent);
                      }
                      self->head_ = std::move(head);
                      self->body_ = std::move(body);
                      if (self->head_.empty() && self->body_.empty()) return self->after_write();
                      self->write();
                  });
    }

    // What the response's bytes left unsent: header and body in one gathered write.
    void write() {
        stream_.expires_after(limits().write_timeout);
        const std::array<net::const_buffer, 2> parts{net::buffer(head_), net::buffer(body_)};
        net::async_write(stream_, parts, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            self->head_.clear();
            self->body_.clear();
            if (ec) return self->close();
            self->after_write();
        });
    }

    void after_write() {
        if (linger_) return drain();
        if (!keep_alive_) return close();
        wait_for_request();
    }

    // After an early refusal: stop sending, read and drop what is in flight (bounded in bytes
    // and time), then close. Closing with unread bytes would reset the connection, and the
    // client could lose the answer.
    void drain() {
        if (!draining_) {
            draining_ = true;
            beast::error_code ignored;
            stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
            stream_.expires_after(std::chrono::seconds(5));
        }
        if (discarded_ > (64u << 20)) return close();
        buffer_.clear();
        stream_.async_read_some(buffer_.prepare(16384), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
            if (ec) return self->close();
            self->discarded_ += n;
            self->drain();
        });
    }

    void close() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
    }

    beast::tcp_stream stream_;
    HttpServer::Impl& server_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<http::request_parser<http::file_body>> upload_parser_;  // an upload's, once its header is read
    std::string upload_path_;  // the file an upload's body is being written to
    std::string remote_addr_;
    int remote_port_ = 0;
    std::string head_;
    std::string body_;
    bool keep_alive_ = true;
    bool head_request_ = false;
    bool linger_ = false;
    bool draining_ = false;
    std::size_t discarded_ = 0;
};

}  // namespace

void HttpServer::Impl::accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
        if (ec) {
            // Out of file descriptors, most likely: try again shortly rather than spin.
            spdlog::warn("accept: {}", ec.message());
            accept_retry.expires_after(std::chrono::milliseconds(100));
            accept_retry.async_wait([this](beast::error_code wec) {
                if (!wec) accept();
            });
            return;
        }
        std::make_shared<Connection>(std::move(socket), *this)->start();
        accept();
    });
}

HttpServer::HttpServer(Handler handle, ErrorHandler on_error, HttpOptions options)
    : impl_(std::make_unique<Impl>(std::move(handle), std::move(on_error), options)) {}

HttpServer::~HttpServer() {
    stop();
    impl_->workers.stop();
    impl_->workers.join();
}

bool HttpServer::bind(const std::string& host, int port) {
    beast::error_code ec;
    const auto address = net::ip::make_address(host, ec);
    if (ec) {
        spdlog::error("'{}' is not an IP address", host);
        return false;
    }
    return impl_->listen(tcp::endpoint(address, static_cast<unsigned short>(port)));
}

int HttpServer::bind_any_port(const std::string& host) {
    if (!bind(host, 0)) return -1;
    return impl_->acceptor.local_endpoint().port();
}

void HttpServer::run() {
    impl_->running = true;
    std::vector<std::thread> others;
    for (int i = 1; i < impl_->io_threads(); ++i) others.emplace_back([this] { impl_->ioc.run(); });
    impl_->ioc.run();
    for (auto& t : others) t.join();
    // Handlers still running finish; their responses go nowhere, as the loop has stopped.
    impl_->workers.stop();
    impl_->workers.join();
    impl_->running = false;
}

void HttpServer::stop() { impl_->ioc.stop(); }

bool HttpServer::running() const { return impl_->running; }

}  // namespace assure::web
