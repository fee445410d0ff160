// The review group a partnership's case panels are drawn from, the case page's panel choice,
// and the commissioned reviewer's invitation: sent with the "reviewer commissioned" step, sent
// again, and opened by the reviewer to set a password (issue 20 item 4; decision 0041). The
// invitation's page is signed out: its form carries the sign-in form's double-submit cookie.
#include "web/review_panels.hpp"

#include "app/review_panels.hpp"
#include "core/date_words.hpp"
#include "web/html.hpp"
#include "web/problem.hpp"
#include "web/security.hpp"
#include "web/sign_in.hpp"

namespace assure::web {
namespace {

using J = nlohmann::json;

std::string interest_words(const std::vector<Interest>& interests) {
    std::string out;
    for (const auto& i : interests) {
        out += (out.empty() ? "" : "; ") + i.interest + " (declared " + date_in_words(i.declared_on) + ")";
    }
    return out.empty() ? "None declared" : out;
}

std::string invitation_words(const ReviewerInvitationLine& line) {
    const std::string sent = "Invited on " + date_in_words(london_date(line.invitation.sent_at)) + " at " + line.email;
    if (!line.account_active) return sent + ". The account has ended";
    switch (line.state) {
        case InvitationState::accepted:
            return sent + ". Their password was set on " + date_in_words(london_date(*line.invitation.accepted_at));
        case InvitationState::waiting:
            return sent + ". The link works until " + date_in_words(london_date(line.invitation.expires_at));
        case InvitationState::expired:
            return sent + ". The link expired on " + date_in_words(london_date(line.invitation.expires_at)) + " unused";
    }
    return sent;
}

// ---- the review group setting ------------------------------------------------------------

void review_group_form(Services& s, Ctx& ctx, const FieldErrors& errors, int status) {
    const ReviewGroupSetting setting = read_review_group(s, ctx.who());
    std::vector<Option> options;
    for (const auto& g : setting.choices) options.push_back({g.id.str(), g.name});
    const std::string chosen = ctx.req.method == "POST" ? ctx.form("group_id") : setting.group ? setting.group->id.str() : "";
    Data data;
    data.set("group_html", select(Field{"group_id", "The group whose members sit on case panels", chosen, error_for(errors, "group_id"),
                                        "A case's panel is chosen from this group's current members. With none, any account may be chosen."},
                                  options, "No group: any account"));
    page(ctx, "settings/review_group_form", data,
         PageOptions{"Case panels", "settings", errors, status, "/settings", "Back to settings"});
}

J review_group_json(const ReviewGroupSetting& setting) {
    J choices = J::array();
    for (const auto& g : setting.choices) choices.push_back({{"id", g.id.value}, {"name", g.name}});
    return {{"group", setting.group ? J{{"id", setting.group->id.value}, {"name", setting.group->name}} : J(nullptr)},
            {"choices", choices}};
}

J candidate_json(const PanelCandidate& c) {
    J interests = J::array();
    for (const auto& i : c.interests) interests.push_back({{"interest", i.interest}, {"declared_on", i.declared_on.iso()}});
    const auto why = why_not_on_panel(c);
    return {{"person_id", c.person.value},
            {"user_id", c.user.valid() ? J(c.user.value) : J(nullptr)},
            {"name", c.name},
            {"role_in_group", member_role_key(c.role_in_group)},
            {"interests", interests},
            {"on_panel", c.on_panel},
            {"may_be_added", !why.has_value()},
            {"why_not", why ? J(*why) : J(nullptr)}};
}

J invitation_json(const ReviewerInvitationLine& line) {
    return {{"user_id", line.invitation.user.value},
            {"reviewer_name", line.reviewer_name},
            {"email", line.email},
            {"state", invitation_state_key(line.state)},
            {"sent_at", iso_instant(line.invitation.sent_at)},
            {"expires_at", iso_instant(line.invitation.expires_at)},
            {"accepted_at", line.invitation.accepted_at ? J(iso_instant(*line.invitation.accepted_at)) : J(nullptr)},
            {"account_active", line.account_active}};
}

// ---- the reviewer's invitation page ---------------------------------------------------------

void invitation_page(Services& s, Ctx& ctx, const FieldErrors& errors, int status) {
    if (!ctx.actor) use_login_csrf(ctx);  // signed in, the form carries the session's token
    const OpenedInvitation o = open_invitation(s, std::string(ctx.req.matches[1]));
    Data data;
    data.set("action", std::string(kInvitationPath) + std::string(ctx.req.matches[1]));
    data.set("name", o.reviewer_name);
    data.set("email", o.email);
    data.set("partnership", o.partnership_name);
    data.set("reference", o.case_reference);
    data.set("expires_on", date_in_words(o.expires_on));
    data.set("password_html", text_input(Field{"password", "Password", "", error_for(errors, "password"),
                                               "At least 12 characters. A few words you will remember make a strong password.",
                                               "new-password", "password", {}, false}));
    data.set("confirm_html", text_input(Field{"confirm_password", "Password again", "", error_for(errors, "confirm_password"), {},
                                              "new-password", "password", {}, false}));
    page(ctx, "access/invitation", data, PageOptions{"Set up your account", "", errors, status});
}

}  // namespace

std::optional<ReviewerInvitationInput> invitation_from_form(const Ctx& ctx) {
    if (ctx.form("reviewer_email").empty()) return std::nullopt;
    return ReviewerInvitationInput{ctx.form("reviewer_name"), ctx.form("reviewer_email"), ctx.form("organisation"), ctx.form("on")};
}

void fill_invitation_fields(const Ctx& ctx, const FieldErrors& errors, Data& data) {
    data.set("reviewer_email_html",
             text_input(Field{"reviewer_email", "Or invite them by email", ctx.form("reviewer_email"), error_for(errors, "reviewer_email"),
                              "For a reviewer from outside the partnership: they are sent a link to set a password, and their "
                              "account sees this review only until it is published",
                              "off", "email", {}, false}));
    data.set("organisation_html", text_input(Field{"organisation", "Their organisation (optional)", ctx.form("organisation"),
                                                   error_for(errors, "organisation")}));
}

void fill_panel_section(Services& s, const Ctx& ctx, const CaseView& v, const FieldErrors& errors, Data& data) {
    const PanelChoice choice = panel_choice(s, ctx.who(), v.record.id);
    std::vector<Option> options;
    std::string hint;
    if (choice.group) {
        Data members{Data::type::list};
        for (const auto& m : choice.members) {
            const auto why = why_not_on_panel(m);
            if (!why) options.push_back({m.user.str(), m.name + " (" + std::string(member_role_label(m.role_in_group)) + ")"});
            Data one;
            one.set("name", m.name);
            one.set("role", std::string(member_role_label(m.role_in_group)));
            one.set("interests", interest_words(m.interests));
            one.set("standing", m.on_panel ? "On the panel" : why ? *why : "May be added");
            members.push_back(one);
        }
        data.set("review_group", choice.group->name);
        data.set("has_members", flag(!choice.members.empty()));
        data.set("members", members);
        hint = "Members of the " + choice.group->name + " today, but those on the panel already or kept from the case by an interest";
    } else {
        for (const auto& u : choice.accounts) options.push_back({u.id.str(), u.display_name + " (" + std::string(role_label(u.role)) + ")"});
        hint = "No review group is named in the partnership's settings, so every account is offered";
    }
    data.set("panel_user_html", select(Field{"user_id", "Add a member to this case's panel", "", error_for(errors, "user_id"), hint},
                                       options, "Select a person"));
    Data invitations{Data::type::list};
    const auto lines = reviewer_invitations(s, ctx.who(), v.record.id);
    for (const auto& line : lines) invitations.push_back(Data(invitation_words(line)));
    data.set("has_invitations", flag(!lines.empty()));
    data.set("invitations", invitations);
    // The current reviewer's link may be sent again until they have used it.
    const bool resendable = !lines.empty() && lines.front().invitation.user == v.state.reviewer_user &&
                            lines.front().state != InvitationState::accepted && lines.front().account_active;
    data.set("can_resend", flag(resendable));
    if (const auto e = error_for(errors, "invitation"); !e.empty()) data.set("invitation_error", e);
}

void add_review_panel_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/settings/review-group", Permission::edit_partnership, Surface::page,
                      [&s](Ctx& ctx) { review_group_form(s, ctx, {}, 200); }, "/settings/review-group"});
    routes.push_back({"POST", "/settings/review-group", Permission::edit_partnership, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              set_review_group(s, ctx.who(), ctx.form("group_id"));
                              redirect(ctx, "/settings?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              review_group_form(s, ctx, f.fields(), 422);
                          }
                      },
                      "/settings/review-group"});
    routes.push_back({"GET", "/api/v1/partnership/review-group", Permission::view_governance, Surface::api,
                      [&s](Ctx& ctx) { json(ctx, 200, review_group_json(read_review_group(s, ctx.who()))); },
                      "/api/v1/partnership/review-group"});
    routes.push_back({"PUT", "/api/v1/partnership/review-group", Permission::edit_partnership, Surface::api,
                      [&s](Ctx& ctx) {
                          auto body = json_body(ctx);
                          if (!body) return;
                          Body b{*body, {}};
                          std::string group_id;
                          if (body->contains("group_id") && !(*body)["group_id"].is_null()) {
                              group_id = std::to_string(b.integer("group_id", "group_id must be an integer, or null for none"));
                          }
                          b.check();
                          json(ctx, 200, review_group_json(set_review_group(s, ctx.who(), group_id)));
                      },
                      "/api/v1/partnership/review-group"});
    routes.push_back({"GET", R"(/api/v1/incidents/(\d+)/panel-candidates)", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          const PanelChoice choice = panel_choice(s, ctx.who(), CaseId{ctx.path_id()});
                          J items = J::array();
                          for (const auto& m : choice.members) items.push_back(candidate_json(m));
                          for (const auto& u : choice.accounts) {
                              items.push_back({{"person_id", u.person.value}, {"user_id", u.id.value}, {"name", u.display_name},
                                               {"role_in_group", nullptr}, {"interests", J::array()}, {"on_panel", false},
                                               {"may_be_added", true}, {"why_not", nullptr}});
                          }
                          json(ctx, 200, {{"group", choice.group ? J{{"id", choice.group->id.value}, {"name", choice.group->name}} : J(nullptr)},
                                          {"items", items}});
                      },
                      "/api/v1/incidents/1/panel-candidates"});
    routes.push_back({"GET", R"(/api/v1/incidents/(\d+)/reviewer-invitations)", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          J items = J::array();
                          for (const auto& line : reviewer_invitations(s, ctx.who(), CaseId{ctx.path_id()})) items.push_back(invitation_json(line));
                          json(ctx, 200, {{"items", items}});
                      },
                      "/api/v1/incidents/1/reviewer-invitations"});
    routes.push_back({"POST", R"(/api/v1/incidents/(\d+)/reviewer-invitations/resend)", Permission::manage_reviews, Surface::api,
                      [&s](Ctx& ctx) {
                          const CaseId id{ctx.path_id()};
                          resend_reviewer_invitation(s, ctx.who(), id, site_of(ctx));
                          J items = J::array();
                          for (const auto& line : reviewer_invitations(s, ctx.who(), id)) items.push_back(invitation_json(line));
                          json(ctx, 200, {{"items", items}});
                      },
                      "/api/v1/incidents/1/reviewer-invitations/resend"});
    const std::string invitation = std::string(kInvitationPath) + "([A-Za-z0-9_-]{16,128})";
    const std::string example = std::string(kInvitationPath) + "abcdefghijklmnopqrstuvwxyz";
    routes.push_back({"GET", invitation, Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) { invitation_page(s, ctx, {}, 200); }, example, false});
    routes.push_back({"POST", invitation, Permission::public_access, Surface::page,
                      [&s](Ctx& ctx) {
                          try {
                              const SignedIn in = accept_invitation(s, std::string(ctx.req.matches[1]), ctx.form("password"), ctx.form("confirm_password"));
                              ctx.res.set_header("Set-Cookie", session_cookie(kSessionCookie, in.session_token, ctx.secure, -1));
                              redirect(ctx, "/reviews");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              invitation_page(s, ctx, f.fields(), 422);
                          }
                      },
                      example});
}

}  // namespace assure::web
