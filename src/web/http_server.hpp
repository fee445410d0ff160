#pragma once
// The listening side of the web server: an event loop (Boost.Asio, with Boost.Beast's HTTP/1.1
// parser) that holds every connection with one thread per core, and a pool of threads that run
// the handlers, which may block on the database or a password hash. Handlers see the plain
// request and response structs of cpp-httplib, as they did when that library served them.
// Why this shape: docs/decisions/0011-http-server.md. Boost's headers stay in the .cpp.
#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace assure::web {

struct HttpLimits {
    std::size_t max_header_bytes = 16 << 10;  // request line and headers; beyond: 431
    std::size_t max_body_bytes = 1 << 20;     // checked against Content-Length before reading: 413
    // Slow clients (slowloris): a request's header must arrive within this of its first byte.
    std::chrono::seconds header_timeout{10};
    // A keep-alive connection waiting for its next request is closed after this.
    std::chrono::seconds idle_timeout{60};
    std::chrono::seconds body_timeout{60};   // the body, once its header has arrived
    std::chrono::seconds write_timeout{60};  // the response, to a client that reads slowly
    // Uploads (documents, dataset imports): a request for which upload_limit(method, path) is
    // not 0 may send up to that many bytes (checked against Content-Length before reading),
    // written to a new file in upload_dir as it arrives rather than held in memory; the handler
    // finds the file named in the kUploadBodyHeader header (web/multipart.hpp) and it is deleted
    // after the handler. max_upload_bytes is the largest of the limits (0: no uploads).
    std::size_t max_upload_bytes = 0;
    std::string upload_dir;  // "": the system's temporary folder
    std::function<std::size_t(std::string_view method, std::string_view path)> upload_limit;
};

struct HttpOptions {
    HttpLimits limits;
    // One event-loop thread keeps up with two cores of handlers (decision 0011's figures).
    int io_threads = 1;       // event-loop threads; 0: one per core
    int worker_threads = 0;   // threads that run handlers; 0: two per core, at least 4
    int backlog = 1024;       // connections the kernel queues before they are accepted
};

class HttpServer {
public:
    // Runs on a worker thread. The request arrives with method, target, path (decoded),
    // version, headers, params (the query and a url-encoded form body) and body; the handler
    // sets the response. A status of 400 and above with an empty body is for on_error.
    using Handler = std::function<void(httplib::Request&, httplib::Response&)>;
    using ErrorHandler = std::function<void(const httplib::Request&, httplib::Response&)>;

    // `handle` answers requests; `on_error` writes the body of a refusal the server makes itself
    // (400, 413, 431) before any handler runs.
    HttpServer(Handler handle, ErrorHandler on_error, HttpOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens; false if the address cannot be bound.
    bool bind(const std::string& host, int port);
    // Binds to a free port on `host` and returns it (for tests); -1 if it cannot.
    int bind_any_port(const std::string& host);
    // Serves until stop(), on this thread and the other event-loop threads.
    void run();
    // Safe from any thread (a signal waiter, a test).
    void stop();
    [[nodiscard]] bool running() const;

    struct Impl;  // the event loop, its connections and the worker pool (in the .cpp)

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace assure::web
