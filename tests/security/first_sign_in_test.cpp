// Issue 14, item 5: an administrator made an account with a case-sighted role, signed in with the
// password they had set and read children's identities. A password an administrator sets now
// opens only the page that changes it; the person then chooses their own.
#include <tuple>

#include "app/partnership.hpp"
#include "app/tokens.hpp"
#include "web/harness.hpp"

namespace assure::testing {
namespace {

std::string location(const httplib::Result& r) { return r ? r->get_header_value("Location") : ""; }

int changes_of_password(Server& server) { return server.count_audit("user.change_password"); }

TEST(FirstSignIn, APasswordAnAdministratorSetOpensNothingButTheChangeOfIt) {
    Server server;
    const auto person = create_person(server.services(), Actor::system(PartnershipId{1}),
                                      {"New Starter", "Business manager", server.council().str(), "new.starter@example.org"});
    Browser admin(server);
    ASSERT_TRUE(admin.sign_in(server.email(Role::administrator)));
    admin.get("/users/new");
    auto made = admin.post("/users", {{"person_id", person.id.str()}, {"role", "business_unit"}, {"password", "kettle orbit marmalade"}});
    ASSERT_EQ(made->status, 303);

    // The administrator signs in as the new account: every page, form and the API turn them away.
    Browser as_them(server);
    ASSERT_TRUE(as_them.sign_in("new.starter@example.org", "kettle orbit marmalade"));
    for (const char* path : {"/", "/reviews", "/agencies", "/audit", "/account/tokens", "/users"}) {
        const auto r = as_them.get(path);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 303) << path;
        EXPECT_EQ(location(r), "/account/password") << path;
    }
    const auto form = as_them.post("/agencies", {{"name", "Planted"}, {"kind", "relevant_agency"}, {"sector", "education"}});
    EXPECT_EQ(form->status, 303);
    EXPECT_EQ(location(form), "/account/password");
    EXPECT_THROW(create_api_token(server.services(), "new.starter@example.org", "sneaky"), Failure);

    // The page says why, and refuses a wrong current password, a weak one and a mismatch.
    const auto page = as_them.get("/account/password");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Your password was set by an administrator"), std::string::npos);
    for (const auto& [current, next, confirm, message] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
             {"wrong password here", "copper lantern thistle", "copper lantern thistle", "Your current password is not right"},
             {"kettle orbit marmalade", "aaaaaaaaaaaa", "aaaaaaaaaaaa", "Choose one that is harder to guess"},
             {"kettle orbit marmalade", "copper lantern thistle", "copper lantern thistles", "Enter the same new password twice"}}) {
        const auto r = as_them.post("/account/password", {{"current_password", current}, {"new_password", next}, {"confirm_password", confirm}});
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 422) << message;
        EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos) << message;
        EXPECT_NE(r->body.find(message), std::string::npos) << message;
    }
    EXPECT_EQ(changes_of_password(server), 0) << "nothing was saved";

    const auto changed = as_them.post("/account/password", {{"current_password", "kettle orbit marmalade"},
                                                            {"new_password", "copper lantern thistle"},
                                                            {"confirm_password", "copper lantern thistle"}});
    ASSERT_EQ(changed->status, 303);
    EXPECT_EQ(location(changed), "/account/password?changed=1");
    EXPECT_EQ(changes_of_password(server), 1);
    const std::string old_cookie = as_them.cookie;
    as_them.cookie = Browser::cookie_from(changed, "assure_session");
    ASSERT_FALSE(as_them.cookie.empty());
    EXPECT_NE(as_them.cookie, old_cookie);
    EXPECT_EQ(as_them.get("/")->status, 200) << "the person's own password opens their pages";
    EXPECT_NE(as_them.get("/account/password?changed=1")->body.find("Your password has been changed"), std::string::npos);
    // The session the administrator's password began has ended; that password no longer works.
    EXPECT_EQ(server.client().Get("/", {{"Cookie", old_cookie}})->status, 303);
    Browser again(server);
    EXPECT_FALSE(again.sign_in("new.starter@example.org", "kettle orbit marmalade"));
    EXPECT_NO_THROW(create_api_token(server.services(), "new.starter@example.org", "reporting"));
}

TEST(FirstSignIn, AResetPasswordIsTemporaryTooAndSigningOutStillWorks) {
    Server server;
    Browser admin(server);
    ASSERT_TRUE(admin.sign_in(server.email(Role::administrator)));
    const UserId member = server.user_id(Role::member);
    admin.get("/users/" + member.str() + "/edit");
    const auto reset = admin.post("/users/" + member.str() + "/edit",
                                  {{"version", "1"}, {"role", "member"}, {"password", "violet harbour engine"}});
    ASSERT_EQ(reset->status, 303) << reset->body;

    Browser as_them(server);
    ASSERT_TRUE(as_them.sign_in(server.email(Role::member), "violet harbour engine"));
    EXPECT_EQ(location(as_them.get("/groups")), "/account/password");
    as_them.get("/account/password");
    const auto out = as_them.post("/logout", {});
    EXPECT_EQ(out->status, 303);
    EXPECT_EQ(location(out), "/login?signed_out=1");
    // The login page and the health check stay open to anyone.
    EXPECT_EQ(server.client().Get("/login")->status, 200);
}

TEST(FirstSignIn, APersonChangesTheirOwnPasswordWhenTheyChoose) {
    Server server;
    Browser b(server);
    ASSERT_TRUE(b.sign_in(server.email(Role::scrutineer)));
    ASSERT_EQ(b.get("/")->status, 200) << "an account the system set up is not held at the change page";
    const auto page = b.get("/account/password");
    ASSERT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("Your password was set by an administrator"), std::string::npos);
    const auto changed = b.post("/account/password", {{"current_password", kPassword},
                                                      {"new_password", "orchard velvet compass"},
                                                      {"confirm_password", "orchard velvet compass"}});
    ASSERT_EQ(changed->status, 303);
    Browser again(server);
    EXPECT_TRUE(again.sign_in(server.email(Role::scrutineer), "orchard velvet compass"));
    EXPECT_EQ(again.get("/")->status, 200);
}

}  // namespace
}  // namespace assure::testing
