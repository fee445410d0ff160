#pragma once
// RFC 9457 problem documents for the JSON API.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

#include "core/failure.hpp"
#include "web/routes.hpp"

namespace assure::web {

int status_for(FailureCode code);
void problem(Ctx& ctx, int status, const std::string& title, const std::string& detail = {},
             const FieldErrors& errors = {});
void problem(Ctx& ctx, const Failure& failure);
void json(Ctx& ctx, int status, const nlohmann::json& body);
// Parses the request body as a JSON object; answers 415/400 and returns nullopt if it is not one.
std::optional<nlohmann::json> json_body(Ctx& ctx);

// Reads typed fields from a JSON body, collecting a field error for each wrong type.
struct Body {
    using J = nlohmann::json;
    const J& j;
    FieldErrors errors;

    std::string text(const char* name) {
        if (!j.contains(name) || j[name].is_null()) return "";
        if (!j[name].is_string()) {
            errors.push_back({name, std::string(name) + " must be a string"});
            return "";
        }
        return j[name].get<std::string>();
    }
    bool flag(const char* name) {
        if (!j.contains(name) || j[name].is_null()) return false;
        if (!j[name].is_boolean()) errors.push_back({name, std::string(name) + " must be true or false"});
        return j[name].is_boolean() && j[name].get<bool>();
    }
    std::vector<std::string> ids(const char* name) {
        std::vector<std::string> out;
        if (!j.contains(name) || j[name].is_null()) return out;
        if (!j[name].is_array()) {
            errors.push_back({name, std::string(name) + " must be a list of agency ids"});
            return out;
        }
        for (const auto& v : j[name]) {
            if (!v.is_number_integer()) {
                errors.push_back({name, std::string(name) + " must be a list of agency ids"});
                return {};
            }
            out.push_back(std::to_string(v.get<std::int64_t>()));
        }
        return out;
    }
    std::optional<Date> date(const char* name, bool required) {
        const std::string raw = text(name);
        if (raw.empty()) {
            if (required) errors.push_back({name, std::string("Enter ") + name + " as YYYY-MM-DD"});
            return std::nullopt;
        }
        auto d = Date::parse(raw);
        if (!d) errors.push_back({name, std::string(name) + " must be a real date as YYYY-MM-DD"});
        return d;
    }
    int integer(const char* name, const char* message) {
        if (!j.contains(name) || !j[name].is_number_integer()) {
            errors.push_back({name, message});
            return -1;
        }
        return j[name].get<int>();
    }
    // An id or a number sent as an integer (or a numeric string), as the text a form would send.
    std::string value_text(const char* name) {
        if (!j.contains(name) || j[name].is_null()) return "";
        if (j[name].is_number_integer()) return std::to_string(j[name].get<std::int64_t>());
        if (j[name].is_string()) return j[name].get<std::string>();
        errors.push_back({name, std::string(name) + " must be an integer"});
        return "";
    }
    void check() const {
        if (!errors.empty()) throw Failure::invalid(errors);
    }
};

// Parses the body and hands its reader to `f`; a body that is not a JSON object has been answered.
template <class F>
void with_body(Ctx& ctx, F f) {
    auto body = json_body(ctx);
    if (!body) return;
    Body b{*body, {}};
    f(b);
}

}  // namespace assure::web
