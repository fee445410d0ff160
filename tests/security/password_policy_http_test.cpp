// A weak password is refused where an administrator sets one: a clear message on the form,
// nothing saved. (The rules themselves: tests/unit/password_policy_test.cpp.)
#include "app/partnership.hpp"
#include "web/harness.hpp"

namespace assure::testing {

TEST(PasswordPolicyHttp, AnAdministratorCannotGiveAnAccountACommonOrPatternedPassword) {
    Server server;
    const auto person = create_person(server.services(), Actor::system(PartnershipId{1}),
                                      {"New Starter", "Officer", server.council().str(), "new.starter@example.org"});
    Browser admin(server);
    ASSERT_TRUE(admin.sign_in(server.email(Role::administrator)));
    ASSERT_EQ(admin.get("/users/new")->status, 200);
    const int audit_before = server.count_audit("user.");
    for (const char* weak : {"aaaaaaaaaaaa", "Password1234!"}) {
        auto r = admin.post("/users", {{"person_id", person.id.str()}, {"role", "read_only"}, {"password", weak}});
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 422) << weak;
        EXPECT_NE(r->body.find("govuk-error-summary"), std::string::npos) << weak;
        EXPECT_NE(r->body.find("Choose one that is harder to guess, such as three random words"), std::string::npos) << weak;
    }
    EXPECT_EQ(server.count_audit("user."), audit_before) << "nothing was saved";
    Browser newcomer(server);
    EXPECT_FALSE(newcomer.sign_in("new.starter@example.org", "aaaaaaaaaaaa"));

    auto ok = admin.post("/users", {{"person_id", person.id.str()}, {"role", "read_only"}, {"password", "kettle orbit marmalade"}});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 303);
    EXPECT_TRUE(newcomer.sign_in("new.starter@example.org", "kettle orbit marmalade"));
}

}  // namespace assure::testing
