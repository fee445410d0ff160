// The public site's rules (core/publications.hpp): what a proposal must say, the minimum a
// review report is shown for before it is "available on request" (counted from its publication
// date on a frozen day, across month ends and a leap year), who may approve, and the names a
// public title may never carry.
#include <gtest/gtest.h>

#include "core/publications.hpp"

using namespace assure;

namespace {

Date on(const char* iso) { return *Date::parse(iso); }

Publication review_report(const char* published_on, PublicationKind kind = PublicationKind::review_report) {
    Publication p;
    p.kind = kind;
    p.title = "Learning from a review";
    p.published_on = on(published_on);
    p.state = PublicationState::proposed;
    p.proposed_by = UserId{7};
    return p;
}

PublicationInput input() { return {"review_report", "Learning from a review", "What changed.", "2017-03-27", "12", ""}; }

}  // namespace

// ---- the minimum: 12 months by default, then on request ------------------------------------

TEST(PublicationMinimum, AReviewReportIsShownForTwelveMonthsToTheDayThenOnRequest) {
    const auto p = review_report("2017-03-27");
    EXPECT_EQ(shown_until(p, 12), on("2018-03-26")) << "the last day of the twelve months";
    EXPECT_EQ(availability(p, 12, on("2017-03-27")), Availability::shown) << "the day it is published";
    EXPECT_EQ(availability(p, 12, on("2018-03-26")), Availability::shown) << "the last day";
    EXPECT_EQ(availability(p, 12, on("2018-03-27")), Availability::on_request) << "a year on";
    EXPECT_EQ(availability(p, 12, on("2026-12-02")), Availability::on_request) << "years on";
}

TEST(PublicationMinimum, ThePartnershipsOwnMinimumIsUsed) {
    const auto p = review_report("2017-03-27");
    EXPECT_EQ(availability(p, 24, on("2018-03-27")), Availability::shown) << "a partnership that keeps them for two years";
    EXPECT_EQ(availability(p, 24, on("2019-03-27")), Availability::on_request);
    EXPECT_EQ(availability(p, 6, on("2017-09-27")), Availability::on_request);
}

TEST(PublicationMinimum, AMonthEndAndALeapDayCountAsCalendarMonths) {
    EXPECT_EQ(shown_until(review_report("2019-08-31"), 6), on("2020-02-28")) << "31 August + 6 months is 29 February, less a day";
    EXPECT_EQ(shown_until(review_report("2020-02-29"), 12), on("2021-02-27")) << "29 February + 12 months is 28 February, less a day";
}

TEST(PublicationMinimum, ExecutiveSummariesExpireAndEverythingElseStaysShown) {
    EXPECT_EQ(availability(review_report("2010-01-01", PublicationKind::executive_summary), 12, on("2026-12-02")), Availability::on_request);
    for (auto k : {PublicationKind::arrangements, PublicationKind::briefing, PublicationKind::threshold, PublicationKind::escalation,
                   PublicationKind::audit_calendar, PublicationKind::yearly_report}) {
        const auto p = review_report("2010-01-01", k);
        EXPECT_FALSE(shown_until(p, 12)) << publication_kind_key(k);
        EXPECT_EQ(availability(p, 12, on("2026-12-02")), Availability::shown) << publication_kind_key(k);
    }
}

// ---- what a proposal must say ---------------------------------------------------------------

TEST(PublicationInputRules, AProposalNamesItsKindTitleDateAndDocument) {
    Publication p;
    EXPECT_TRUE(validate_publication(input(), on("2026-12-02"), p).empty());
    EXPECT_EQ(p.kind, PublicationKind::review_report);
    EXPECT_EQ(p.document, DocumentId{12});
    EXPECT_EQ(p.published_on, on("2017-03-27"));
}

TEST(PublicationInputRules, EachMissingOrWrongFieldIsNamed) {
    Publication p;
    const auto errors = validate_publication({"leaflet", "  ", std::string(1001, 'x'), "2017-02-30", "x", ""}, on("2026-12-02"), p);
    std::vector<std::string> fields;
    for (const auto& e : errors) fields.push_back(e.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"kind", "title", "summary", "published_on"}));
    EXPECT_EQ(errors[3].message, "Publication date must be a real date");
}

TEST(PublicationInputRules, APublicationDateInTheFutureIsRefused) {
    auto in = input();
    in.published_on = "2026-12-03";
    Publication p;
    const auto errors = validate_publication(in, on("2026-12-02"), p);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "published_on");
}

TEST(PublicationInputRules, ADocumentKindNeedsADocumentAndAReportAYear) {
    auto in = input();
    in.document_id = "";
    Publication p;
    auto errors = validate_publication(in, on("2026-12-02"), p);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "document_id");
    in.kind = "yearly_report";
    in.report_year = "2016/17";
    EXPECT_TRUE(validate_publication(in, on("2026-12-02"), p).empty());
    EXPECT_EQ(p.report_year, "2016-17");
    in.report_year = "2016-18";
    errors = validate_publication(in, on("2026-12-02"), p);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].field, "report_year");
}

// ---- who approves ------------------------------------------------------------------------

TEST(PublicationApproval, APartnerLeadOrTheBusinessManagerApprovesNotTheProposer) {
    const auto p = review_report("2017-03-27");
    EXPECT_FALSE(approval_refusal(p, Role::partner_lead, "Director of Children's Services", UserId{8}));
    EXPECT_FALSE(approval_refusal(p, Role::business_unit, "Business Manager, Knowsley Safeguarding Children Partnership", UserId{8}));
    EXPECT_TRUE(approval_refusal(p, Role::business_unit, "Quality Assurance Officer", UserId{8})) << "another business-unit role";
    EXPECT_TRUE(approval_refusal(p, Role::scrutineer, "Business manager", UserId{8})) << "the title alone is not enough";
    EXPECT_TRUE(approval_refusal(p, Role::administrator, "", UserId{8}));
    EXPECT_EQ(approval_refusal(p, Role::business_unit, "Business manager", UserId{7}),
              "Someone other than the person who proposed it must approve it");
}

TEST(PublicationApproval, OnlyAProposedPublicationIsApprovedAndAWithdrawnOneStaysWithdrawn) {
    auto p = review_report("2017-03-27");
    p.state = PublicationState::approved;
    EXPECT_TRUE(approval_refusal(p, Role::partner_lead, "", UserId{8}));
    EXPECT_FALSE(withdrawal_refusal(p, Role::business_unit, "Officer"));
    EXPECT_TRUE(withdrawal_refusal(p, Role::member, "Officer"));
    p.state = PublicationState::withdrawn;
    EXPECT_TRUE(withdrawal_refusal(p, Role::partner_lead, ""));
    EXPECT_TRUE(approval_refusal(p, Role::partner_lead, "", UserId{8}));
}

// ---- nothing restricted -------------------------------------------------------------------

TEST(PublicationRestrictedWords, AChildsPseudonymOrNameInTheTitleOrSummaryIsRefused) {
    auto p = review_report("2017-03-27");
    const std::vector<std::string> restricted{"Child Q", "Jamie Example"};
    p.title = "What we learned from child q's review";
    p.summary = "Jamie Example's family moved twice.";
    const auto errors = restricted_words_in(p, restricted);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "title");
    EXPECT_EQ(errors[1].field, "summary");
    EXPECT_EQ(errors[0].message.find("Child Q"), std::string::npos) << "the message does not repeat the name";
}

TEST(PublicationRestrictedWords, OnlyWholeWordsCount) {
    auto p = review_report("2017-03-27");
    p.title = "Child Quinn and the Jamie Examples";
    p.summary = "";
    EXPECT_TRUE(restricted_words_in(p, {"Child Q", "Jamie Example"}).empty());
}

TEST(PublicationFilename, TheDownloadIsNamedFromThePublicTitle) {
    EXPECT_EQ(public_filename("Serious case review: Child Q's family!", ".pdf"), "serious-case-review-child-q-s-family.pdf");
    EXPECT_EQ(public_filename("!!!", ".pdf"), "publication.pdf");
}
