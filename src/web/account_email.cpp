// A person chooses what mail they are sent (issue 19 item 3): which reminders, and whether as
// each message happens or one digest a day. Statutory milestone reminders are not theirs to turn
// off, and the page says so. docs/decisions/0032-reminders-and-email-preferences.md.
#include <algorithm>

#include "app/mail.hpp"
#include "web/areas.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/security.hpp"
#include "web/views.hpp"

namespace assure::web {
namespace {

const std::string kPath(kMailPreferencesPath);

void preferences_form(Ctx& ctx, const MailPreferences& p, const FieldErrors& errors, int status) {
    std::vector<Option> kinds;
    std::vector<std::string> checked;
    for (MailKind k : optional_mail_kinds()) {
        kinds.push_back({std::string(mail_kind_key(k)), std::string(mail_preference_label(k))});
        if (wants(p, k)) checked.push_back(std::string(mail_kind_key(k)));
    }
    Data data;
    data.set("saved", flag(ctx.query("saved") == "1"));
    data.set("kinds_html", checkboxes(Field{"kinds", "Which reminders do you want?", "", error_for(errors, "kinds"),
                                            "Untick a kind to stop it. You can turn it back on here at any time."},
                                      kinds, checked));
    data.set("delivery_html",
             radios(Field{"delivery", "How do you want them?", p.digest ? "digest" : "each", error_for(errors, "delivery")},
                    {{"each", "Each message as it happens"},
                     {"digest", "One digest a day", "The day's reminders in one email, sent in the morning"}}));
    page(ctx, "access/email", data, PageOptions{"Email preferences", "", errors, status});
}

}  // namespace

void add_email_preference_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", kPath, Permission::signed_in, Surface::page,
                      [&s](Ctx& ctx) { preferences_form(ctx, my_mail_preferences(s, ctx.who()), {}, 200); }, kPath});
    routes.push_back({"POST", kPath, Permission::signed_in, Surface::page,
                      [&s](Ctx& ctx) {
                          const MailPreferencesInput input{ctx.form_all("kinds"), ctx.form("delivery")};
                          try {
                              change_mail_preferences(s, ctx.who(), input);
                              redirect(ctx, kPath + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              // What they chose stays on the page; nothing was saved.
                              MailPreferences shown = my_mail_preferences(s, ctx.who());
                              for (MailKind k : optional_mail_kinds()) {
                                  const bool on = std::find(input.kinds.begin(), input.kinds.end(), mail_kind_key(k)) != input.kinds.end();
                                  if (k == MailKind::action_reminder) shown.action_reminders = on;
                                  if (k == MailKind::return_reminder) shown.return_reminders = on;
                                  if (k == MailKind::agenda_published) shown.agenda_published = on;
                              }
                              preferences_form(ctx, shown, f.fields(), 422);
                          }
                      },
                      kPath});
}

}  // namespace assure::web
