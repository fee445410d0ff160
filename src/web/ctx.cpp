#include <cctype>
#include <charconv>
#include <string_view>

#include "core/failure.hpp"
#include "web/routes.hpp"

namespace assure::web {

std::string Ctx::form(const std::string& name) const {
    // httplib parses url-encoded bodies and query strings into one map of parameters.
    if (req.has_param(name.c_str())) return req.get_param_value(name.c_str());
    return date_parts(name);
}

// A GOV.UK date input's three boxes as one ISO date; "" when all are empty. A one-digit day or
// month gains its zero; anything else is passed on as typed for the rules to refuse.
std::string Ctx::date_parts(const std::string& name) const {
    auto part = [&](const char* suffix) {
        const std::string key = name + suffix;
        std::string v = req.has_param(key.c_str()) ? req.get_param_value(key.c_str()) : std::string();
        const auto first = v.find_first_not_of(" \t");
        v = first == std::string::npos ? std::string() : v.substr(first, v.find_last_not_of(" \t") - first + 1);
        return v;
    };
    const std::string day = part("-day"), month = part("-month"), year = part("-year");
    if (day.empty() && month.empty() && year.empty()) return {};
    auto pad = [](const std::string& v) { return v.size() == 1 && std::isdigit(static_cast<unsigned char>(v[0])) ? "0" + v : v; };
    return year + "-" + pad(month) + "-" + pad(day);
}

std::vector<std::string> Ctx::form_all(const std::string& name) const {
    std::vector<std::string> out;
    const auto n = req.get_param_value_count(name.c_str());
    for (std::size_t i = 0; i < n; ++i) out.push_back(req.get_param_value(name.c_str(), i));
    return out;
}

namespace {

// Form-encoded text: '+' is a space, %XX a byte. A GET form (a search box) sends its words so,
// and the HTTP library leaves '+' in query strings as it is.
std::string form_decode(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '+') {
            out += ' ';
        } else if (raw[i] == '%' && i + 2 < raw.size() && std::isxdigit(static_cast<unsigned char>(raw[i + 1])) &&
                   std::isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(raw.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += raw[i];
        }
    }
    return out;
}

}  // namespace

std::string Ctx::query(const std::string& name) const {
    const auto mark = req.target.find('?');
    if (mark == std::string::npos) return {};
    std::string_view rest = std::string_view(req.target).substr(mark + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        const auto eq = pair.find('=');
        if (form_decode(pair.substr(0, eq)) == name) return eq == std::string_view::npos ? "" : form_decode(pair.substr(eq + 1));
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
    return {};
}

std::int64_t Ctx::path_id(std::size_t group) const {
    if (req.matches.size() <= group) throw Failure::not_found("no path id");
    const std::string text = req.matches[group].str();
    std::int64_t value = 0;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
    if (parsed.ec != std::errc{} || parsed.ptr != text.data() + text.size() || value <= 0) {
        throw Failure::not_found("bad path id " + text);
    }
    return value;
}

}  // namespace assure::web
