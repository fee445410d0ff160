#include "web/directory_query.hpp"

#include <charconv>

#include "core/failure.hpp"
#include "web/paging.hpp"

namespace assure::web {
namespace {

// `status`, or the older spellings of "all": show=all (pages) and include_inactive=true (API).
std::optional<bool> active_filter(const Ctx& ctx) {
    const std::string status = ctx.query("status");
    if (status.empty()) {
        const bool all = ctx.query("show") == "all" || ctx.query("include_inactive") == "true";
        return all ? std::nullopt : std::optional<bool>(true);
    }
    if (status == "active") return true;
    if (status == "deactivated") return false;
    if (status == "all") return std::nullopt;
    throw Failure::invalid({{"status", "status must be active, deactivated or all"}});
}

constexpr std::size_t kMaxSearchLength = 200;

std::string search_text(const Ctx& ctx) {
    std::string text = ctx.query("q");
    if (text.size() > kMaxSearchLength) {
        throw Failure::invalid({{"q", "Search for at most " + std::to_string(kMaxSearchLength) + " characters"}});
    }
    return text;
}

}  // namespace

AgencyQuery agency_query(const Ctx& ctx) {
    AgencyQuery out;
    out.text = search_text(ctx);
    out.active = active_filter(ctx);
    if (const std::string kind = ctx.query("kind"); !kind.empty()) {
        out.kind = parse_agency_kind(kind);
        if (!out.kind) throw Failure::invalid({{"kind", "kind must be statutory_partner or relevant_agency"}});
    }
    out.page = page_request(ctx);
    return out;
}

PersonQuery person_query(const Ctx& ctx, const std::string& agency_param) {
    PersonQuery out;
    out.text = search_text(ctx);
    out.active = active_filter(ctx);
    if (const std::string raw = ctx.query(agency_param); !raw.empty()) {
        std::int64_t id = 0;
        const auto parsed = std::from_chars(raw.data(), raw.data() + raw.size(), id);
        if (parsed.ec != std::errc{} || parsed.ptr != raw.data() + raw.size() || id < 1) {
            throw Failure::invalid({{agency_param, agency_param + " must be the id of an agency"}});
        }
        out.agency = AgencyId{id};
    }
    out.page = page_request(ctx);
    return out;
}

}  // namespace assure::web
