// The outbox: the business unit's page of every message Assure sends, paged newest first with
// its status (waiting, failing with the last error, sent), and GET /api/v1/outbox.
#include "core/review_panels.hpp"
#include "app/mail.hpp"
#include "core/registers.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/paging.hpp"
#include "web/problem.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

std::string day_in_words(Instant at) { return date_in_words(london_date(at)); }

const char* tag_class(MailStatus s) {
    switch (s) {
        case MailStatus::waiting: return "govuk-tag--grey";
        case MailStatus::failing: return "govuk-tag--red";
        case MailStatus::sent: return "govuk-tag--green";
    }
    return "";
}

std::string status_detail(const MailMessage& m) {
    switch (mail_status(m)) {
        case MailStatus::waiting: return "";
        case MailStatus::failing:
            return "Tried " + std::to_string(m.attempts) + (m.attempts == 1 ? " time" : " times") + "; next try " +
                   display_instant(m.next_attempt_at);
        case MailStatus::sent: return "Sent " + day_in_words(*m.sent_at);
    }
    return "";
}

void outbox_page(Services& s, Ctx& ctx) {
    const std::string status = ctx.query("status");
    const PageRequest request = page_request(ctx);
    const auto found = list_outbox(s, ctx.who(), status, request);
    const OutboxCounts counts = outbox_counts(s, ctx.who());
    Data rows{Data::type::list};
    for (const auto& m : found.items) {
        Data row;
        row.set("created", day_in_words(m.created_at));
        row.set("to", m.to);
        row.set("subject", m.subject);
        row.set("kind", std::string(mail_kind_label(m.kind)));
        row.set("body", hide_invitation_links(m.body));
        row.set("status", std::string(mail_status_label(mail_status(m))));
        row.set("tag_class", tag_class(mail_status(m)));
        row.set("status_detail", optional_text(status_detail(m)));
        row.set("last_error", optional_text(mail_status(m) == MailStatus::failing ? m.last_error : std::string()));
        rows.push_back(row);
    }
    Data filters{Data::type::list};
    const auto add = [&](const std::string& key, const std::string& label) {
        Data f;
        f.set("label", label);
        f.set("href", key.empty() ? std::string("/outbox") : "/outbox?status=" + key);
        f.set("current", flag(status == key));
        filters.push_back(f);
    };
    add("", "All");
    for (auto st : {MailStatus::waiting, MailStatus::failing, MailStatus::sent}) {
        add(std::string(mail_status_key(st)), std::string(mail_status_label(st)));
    }
    Data data;
    data.set("waiting", grouped(counts.waiting));
    data.set("failing", grouped(counts.failing));
    data.set("sent", grouped(counts.sent));
    data.set("filters", filters);
    data.set("messages", rows);
    data.set("has_messages", flag(!found.items.empty()));
    data.set("filtered", flag(!status.empty()));
    data.set("pagination_html", pagination(status.empty() ? "/outbox" : "/outbox?status=" + url_encode(status), request, found.next));
    page(ctx, "mail/outbox", data, PageOptions{"Outbox", "outbox"});
}

J optional_instant(const std::optional<Instant>& at) { return at ? J(iso_instant(*at)) : J(nullptr); }

J message_json(const MailMessage& m) {
    return {{"id", m.id.value},
            {"kind", std::string(mail_kind_key(m.kind))},
            {"to", m.to},
            {"subject", m.subject},
            {"body", hide_invitation_links(m.body)},
            {"status", std::string(mail_status_key(mail_status(m)))},
            {"created_at", iso_instant(m.created_at)},
            {"next_attempt_at", m.sent_at ? J(nullptr) : J(iso_instant(m.next_attempt_at))},
            {"attempts", m.attempts},
            {"last_error", m.last_error.empty() ? J(nullptr) : J(m.last_error)},
            {"sent_at", optional_instant(m.sent_at)}};
}

}  // namespace

void add_mail_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/outbox", Permission::view_outbox, Surface::page, [&s](Ctx& ctx) { outbox_page(s, ctx); }, "/outbox", false});
    routes.push_back({"GET", "/api/v1/outbox", Permission::view_outbox, Surface::api,
                      [&s](Ctx& ctx) {
                          const auto page = list_outbox(s, ctx.who(), ctx.query("status"), page_request(ctx));
                          J items = J::array();
                          for (const auto& m : page.items) items.push_back(message_json(m));
                          json(ctx, 200, list_body(std::move(items), page.next));
                      },
                      "/api/v1/outbox", false});
}

}  // namespace assure::web
