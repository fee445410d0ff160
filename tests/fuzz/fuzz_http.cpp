// libFuzzer target: raw bytes as a client sends them, read by Boost.Beast's request parser with
// the server's limits (web/http_server.hpp's HttpLimits defaults), then turned into the request
// the handlers see by the server's own code (web/beast_request.hpp): the path decoded, query and
// form fields parsed. No input may crash, hang, leak or read out of bounds; a request the parser
// accepts must come out with a path and a method.
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "web/beast_request.hpp"
#include "web/http_server.hpp"

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const assure::web::HttpLimits limits;
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
    parser.body_limit(limits.max_body_bytes);
    parser.eager(true);
    boost::beast::error_code ec;
    std::size_t used = 0;
    // As the event loop feeds it: what has arrived, until the message is whole or refused.
    while (used < size && !parser.is_done()) {
        const std::size_t n = parser.put(boost::asio::buffer(data + used, size - used), ec);
        if (ec == http::error::need_more) {
            ec = {};
            if (n == 0) break;
        }
        if (ec) return 0;  // refused: the server answers 400, 413 or 431
        used += n;
        if (n == 0) break;
    }
    if (!parser.is_done()) {
        // The client closed the connection: nothing sent is the end of a keep-alive connection
        // (Beast's read answers end_of_stream without asking the parser); otherwise the parser
        // says whether what came is a whole request (a body read to the end).
        if (!parser.got_some()) return 0;
        parser.put_eof(ec);
        if (ec || !parser.is_done()) return 0;
    }
    auto& message = parser.get();
    httplib::Request req = assure::web::request_from(message);
    assure::web::read_body_fields(req, std::move(message.body()));
    if (req.method.empty()) std::abort();  // Beast accepted a request line without a method
    return 0;
}
