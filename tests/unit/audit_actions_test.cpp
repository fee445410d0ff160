// The audit trail's actions in words: a known key reads as people say it; a key not yet named
// is shown as it is rather than hidden or guessed at.
#include <gtest/gtest.h>

#include "core/audit_actions.hpp"

using namespace assure;

TEST(AuditActions, KnownKeysReadInWords) {
    EXPECT_EQ(audit_action_label("case.notify"), "Serious incident notified");
    EXPECT_EQ(audit_action_label("meeting.agenda_publish"), "Agenda sent to the members");
    EXPECT_EQ(audit_action_label("audit_return.submit"), "Section 11/175 return submitted");
    EXPECT_EQ(audit_action_label("user.sign_in_refused"), "Sign-in refused");
}

TEST(AuditActions, AKeyWithoutWordsIsShownAsItIs) {
    EXPECT_EQ(audit_action_label("newthing.create"), "newthing.create");
    EXPECT_EQ(audit_action_label(""), "");
    EXPECT_EQ(audit_action_label("case"), "case") << "a prefix alone is not a key";
}
