#include "web/paging.hpp"

#include <charconv>

#include "core/failure.hpp"
#include "web/html.hpp"

namespace assure::web {

PageRequest page_request(const Ctx& ctx) {
    PageRequest out;
    if (ctx.has_query("limit")) {
        const std::string text = ctx.query("limit");
        int value = 0;
        const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
        if (parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size() || value < 1 || value > PageRequest::max_limit) {
            throw Failure::invalid({{"limit", "limit must be a whole number from 1 to " + std::to_string(PageRequest::max_limit)}});
        }
        out.limit = value;
    }
    out.after = ctx.query("cursor");
    // The number of parts is the list's to check (cursor_parts); here only the shape.
    const bool hex = out.after.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!out.after.empty() && (!hex || out.after.size() % 2 != 0 || out.after.size() > 1024)) {
        throw Failure::invalid({{"cursor", "The cursor is not one this list gave out: start again from the first page"}});
    }
    return out;
}

nlohmann::json list_body(nlohmann::json items, const std::optional<std::string>& next) {
    nlohmann::json body = {{"items", std::move(items)}};
    if (next) body["next"] = *next;
    return body;
}

namespace {

std::string with_cursor(const std::string& path_and_query, const std::string& cursor) {
    if (cursor.empty()) return path_and_query;
    const char joiner = path_and_query.find('?') == std::string::npos ? '?' : '&';
    return path_and_query + joiner + "cursor=" + url_encode(cursor);
}

}  // namespace

std::string pagination(const std::string& path_and_query, const PageRequest& current, const std::optional<std::string>& next) {
    if (current.after.empty() && !next) return {};
    std::string out = R"(<nav class="govuk-pagination govuk-pagination--block" aria-label="Pagination">)";
    if (!current.after.empty()) {
        out += R"(<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href=")" +
               escape(path_and_query) +
               R"(" rel="prev"><svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg><span class="govuk-pagination__link-title">First page</span></a></div>)";
    }
    if (next) {
        out += R"(<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href=")" +
               escape(with_cursor(path_and_query, *next)) +
               R"(" rel="next"><svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg><span class="govuk-pagination__link-title">Next page</span></a></div>)";
    }
    return out + "</nav>";
}

}  // namespace assure::web
