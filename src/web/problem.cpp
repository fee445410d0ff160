#include "web/problem.hpp"

namespace assure::web {

int status_for(FailureCode code) {
    switch (code) {
        case FailureCode::invalid: return 422;
        case FailureCode::not_found: return 404;
        case FailureCode::forbidden: return 403;
        case FailureCode::unauthenticated: return 401;
        case FailureCode::conflict: return 409;
        case FailureCode::unavailable: return 503;
    }
    return 500;
}

void problem(Ctx& ctx, int status, const std::string& title, const std::string& detail, const FieldErrors& errors) {
    nlohmann::json body{{"type", "about:blank"}, {"title", title}, {"status", status}};
    if (!detail.empty()) body["detail"] = detail;
    if (!errors.empty()) {
        auto list = nlohmann::json::array();
        for (const auto& e : errors) list.push_back({{"field", e.field}, {"message", e.message}});
        body["errors"] = list;
    }
    ctx.res.status = status;
    ctx.res.set_content(body.dump(), "application/problem+json");
}

void problem(Ctx& ctx, const Failure& f) {
    const int status = status_for(f.code());
    problem(ctx, status, f.what(), {}, f.fields());
}

void json(Ctx& ctx, int status, const nlohmann::json& body) {
    ctx.res.status = status;
    ctx.res.set_content(body.dump(), "application/json");
}

std::optional<nlohmann::json> json_body(Ctx& ctx) {
    if (ctx.req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
        problem(ctx, 415, "Send the request body as JSON", "Set Content-Type: application/json");
        return std::nullopt;
    }
    auto body = nlohmann::json::parse(ctx.req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        problem(ctx, 400, "The request body is not a JSON object");
        return std::nullopt;
    }
    return body;
}

}  // namespace assure::web
