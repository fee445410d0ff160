// Issue 14, item 5: an administrator gave an account they controlled a case-sighted role and read
// children's identities with it. Now such a role waits for a partner lead who did not ask for it;
// the pages of both sides, over HTTP on loopback (decision 0029).
#include <regex>

#include "app/mail.hpp"
#include "app/partnership.hpp"
#include "web/harness.hpp"

namespace assure::testing {
namespace {

std::string location(const httplib::Result& r) { return r ? r->get_header_value("Location") : ""; }
bool has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

Role role_of(Server& server, const std::string& email) {
    Role role = Role::administrator;
    server.services().store.read([&](Transaction& tx) { role = tx.users().find_by_email(email)->role; });
    return role;
}

std::vector<std::string> mail_to(Server& server, const std::string& subject_start) {
    std::vector<std::string> out;
    server.services().store.read([&](Transaction& tx) {
        for (const auto& m : tx.mail().outbox(OutboxQuery{PartnershipId{1}, std::nullopt, {}}).items) {
            if (m.subject.starts_with(subject_start)) out.push_back(m.to);
        }
    });
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(RoleApprovals, ABusinessUnitRoleWaitsUntilAnotherPartnerLeadApprovesIt) {
    Server server;
    const auto person = create_person(server.services(), Actor::system(PartnershipId{1}),
                                      {"Sam Smith", "Safeguarding officer", server.council().str(), "sam.smith@example.org"});
    Browser admin(server);
    ASSERT_TRUE(admin.sign_in(server.email(Role::administrator)));
    admin.get("/users/new");
    const auto made = admin.post("/users", {{"person_id", person.id.str()}, {"role", "business_unit"}, {"password", "kettle orbit marmalade"}});
    ASSERT_EQ(made->status, 303);
    EXPECT_EQ(location(made), "/users?asked=1");
    EXPECT_EQ(role_of(server, "sam.smith@example.org"), Role::read_only) << "the least role while it waits";
    const auto users = admin.get("/users?asked=1");
    EXPECT_TRUE(has(users, "waits for a partner lead&#39;s approval") || has(users, "waits for a partner lead's approval"));
    EXPECT_TRUE(has(users, "Business unit waiting for approval"));
    EXPECT_EQ(mail_to(server, "Approve a role"), std::vector<std::string>{"partner_lead@example.org"});

    // Only partner leads reach the approvals; the administrator who asked does not.
    EXPECT_EQ(admin.get("/users/approvals")->status, 403);
    Browser unit(server);
    ASSERT_TRUE(unit.sign_in(server.email(Role::business_unit)));
    EXPECT_EQ(unit.get("/users/approvals")->status, 403);

    Browser lead(server);
    ASSERT_TRUE(lead.sign_in(server.email(Role::partner_lead)));
    const auto list = lead.get("/users/approvals");
    ASSERT_EQ(list->status, 200);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(list->body, m, std::regex("/users/approvals/(\\d+)"))) << list->body;
    const std::string path = m[0].str();
    EXPECT_TRUE(has(list, "Sam Smith"));
    const auto form = lead.get(path);
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(has(form, "Save decision"));
    // It waits on the lead's My work and home page, linked to the decision.
    const auto home = lead.get("/");
    EXPECT_TRUE(has(home, "<a class=\"govuk-link\" href=\"" + path + "\">Approve or refuse the business unit role for Sam Smith</a>"))
        << home->body;
    EXPECT_TRUE(has(home, "Role to approve: Asked by"));
    EXPECT_TRUE(has(lead.get("/my-work"), "Approve or refuse the business unit role for Sam Smith"));
    EXPECT_FALSE(has(admin.get("/my-work"), "Approve or refuse")) << "the administrator who asked does not decide";

    // Bad input: a clear error, nothing changed.
    const auto no_choice = lead.post(path, {{"reason", ""}});
    EXPECT_EQ(no_choice->status, 422);
    EXPECT_TRUE(has(no_choice, "govuk-error-summary"));
    EXPECT_TRUE(has(no_choice, "Select whether you approve or refuse this role"));
    const auto no_reason = lead.post(path, {{"decision", "refuse"}, {"reason", "  "}});
    EXPECT_EQ(no_reason->status, 422);
    EXPECT_TRUE(has(no_reason, "Enter why you are refusing this role"));
    EXPECT_EQ(lead.post(path, {{"decision", "approve"}}, false)->status, 403) << "no CSRF token";
    EXPECT_EQ(server.count_audit("role_grant.approve") + server.count_audit("role_grant.refuse"), 0);
    EXPECT_EQ(role_of(server, "sam.smith@example.org"), Role::read_only);

    const auto approved = lead.post(path, {{"decision", "approve"}, {"reason", "Joins the business unit on Monday"}});
    ASSERT_EQ(approved->status, 303) << approved->body;
    EXPECT_EQ(location(approved), "/users/approvals?decided=approved");
    EXPECT_EQ(role_of(server, "sam.smith@example.org"), Role::business_unit);
    EXPECT_EQ(server.count_audit("role_grant.approve"), 1);
    EXPECT_EQ(mail_to(server, "Role approved"), (std::vector<std::string>{"administrator@example.org", "sam.smith@example.org"}));
    const auto after = lead.get("/users/approvals?decided=approved");
    EXPECT_TRUE(has(after, "Role approved."));
    EXPECT_TRUE(has(after, "No role is waiting for a decision."));
    EXPECT_TRUE(has(after, "Joins the business unit on Monday"));
    EXPECT_FALSE(has(lead.get("/my-work"), "Approve or refuse")) << "decided: no longer owed";
    // Decided once: the form is gone and a second decision is refused.
    EXPECT_TRUE(has(lead.get(path), "This request has already been approved"));
    EXPECT_EQ(lead.post(path, {{"decision", "refuse"}, {"reason", "changed my mind"}})->status, 409);
    EXPECT_EQ(role_of(server, "sam.smith@example.org"), Role::business_unit);
}

TEST(RoleApprovals, AMemberRoleIsSetAtOnceAndChoosingTheCurrentRoleWithdrawsARequest) {
    Server server;
    Browser admin(server);
    ASSERT_TRUE(admin.sign_in(server.email(Role::administrator)));
    const std::string member = server.user_id(Role::member).str();
    admin.get("/users/" + member + "/edit");
    const auto asked = admin.post("/users/" + member + "/edit", {{"version", "1"}, {"role", "partner_lead"}, {"password", ""}});
    ASSERT_EQ(asked->status, 303);
    EXPECT_EQ(location(asked), "/users?asked=1");
    EXPECT_EQ(role_of(server, server.email(Role::member)), Role::member);
    // The form shows the role waiting, and says how to withdraw it.
    const auto edit = admin.get("/users/" + member + "/edit");
    EXPECT_TRUE(has(edit, "is waiting for a partner lead&#39;s approval") || has(edit, "is waiting for a partner lead's approval"));
    EXPECT_TRUE(has(edit, "value=\"partner_lead\" checked"));
    const auto withdrawn = admin.post("/users/" + member + "/edit", {{"version", "2"}, {"role", "member"}, {"password", ""}});
    ASSERT_EQ(withdrawn->status, 303);
    EXPECT_EQ(location(withdrawn), "/users?saved=1");
    EXPECT_EQ(server.count_audit("role_grant.withdraw"), 1);
    Browser lead(server);
    ASSERT_TRUE(lead.sign_in(server.email(Role::partner_lead)));
    EXPECT_TRUE(has(lead.get("/users/approvals"), "No role is waiting for a decision."));

    const auto scrutineer = admin.post("/users/" + member + "/edit", {{"version", "3"}, {"role", "scrutineer"}, {"password", ""}});
    ASSERT_EQ(scrutineer->status, 303);
    EXPECT_EQ(location(scrutineer), "/users?saved=1");
    EXPECT_EQ(role_of(server, server.email(Role::member)), Role::scrutineer) << "no sight of identities: no wait";
}

}  // namespace assure::testing
