#pragma once
// The review group, the case page's panel choice and the commissioned reviewer's invitation
// (issue 20 item 4; docs/decisions/0041).
#include <optional>
#include <vector>

#include "app/reviews.hpp"
#include "core/review_panels.hpp"
#include "web/routes.hpp"
#include "web/views.hpp"

namespace assure::web {

// The case page's panel: the add-a-member choice drawn from the review group, the group's
// members with their declared interests, and the reviewer's account and its link.
void fill_panel_section(Services& s, const Ctx& ctx, const CaseView& v, const FieldErrors& errors, Data& data);
// The "reviewer commissioned" form's invitation fields: their email and organisation.
void fill_invitation_fields(const Ctx& ctx, const FieldErrors& errors, Data& data);
// The form's invitation, when an email was given; nothing when an account was chosen instead.
std::optional<ReviewerInvitationInput> invitation_from_form(const Ctx& ctx);

// /settings/review-group, /reviews/{id}/reviewer-invitation/resend and the reviewer's
// /account/invitation/{token} pages, with the review group's API.
void add_review_panel_routes(std::vector<Route>& routes, Services& s);

}  // namespace assure::web
