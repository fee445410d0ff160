#include <charconv>

#include "core/failure.hpp"
#include "web/routes.hpp"

namespace assure::web {

std::string Ctx::form(const std::string& name) const {
    // httplib parses url-encoded bodies and query strings into one map of parameters.
    return req.has_param(name.c_str()) ? req.get_param_value(name.c_str()) : std::string();
}

std::vector<std::string> Ctx::form_all(const std::string& name) const {
    std::vector<std::string> out;
    const auto n = req.get_param_value_count(name.c_str());
    for (std::size_t i = 0; i < n; ++i) out.push_back(req.get_param_value(name.c_str(), i));
    return out;
}

std::string Ctx::query(const std::string& name) const {
    return req.has_param(name.c_str()) ? req.get_param_value(name.c_str()) : std::string();
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
