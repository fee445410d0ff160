#pragma once
// The store contract for the public site's publications (migration 0031): a publication
// round-trips; lists are keyset pages newest publication date first, filtered by state and kind
// in SQL; a decision is written only at the version read; the approved report of a year is
// found by its year; a partnership sees none of another's; the database refuses a document kind
// without a document, a report without a year, and a stored value this version does not know.
// Every backend instantiates it (tests/store/documents_store_test.cpp).
#include "app/documents.hpp"
#include "app/publications.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class PublicationsContract : public StoreContract<Factory> {
protected:
    DocumentId document(std::optional<PartnershipId> in = std::nullopt) {
        Document d;
        d.partnership = in.value_or(this->partnership);
        d.record_type = DocumentRecord::partnership;
        d.title = "A policy";
        d.created_at = 1'700'000'000;
        DocumentVersion v;
        v.filename = "policy.pdf";
        v.content_type = "application/pdf";
        v.size = 100;
        v.sha256 = std::string(64, 'a');
        v.uploaded_by_label = "Ann Example <ann@example.org>";
        v.uploaded_at = 1'700'000'000;
        DocumentId id;
        this->store->write([&](Transaction& tx) { id = documents_of(tx).insert_document(d, v); });
        return id;
    }
    Publication publication(const char* on, PublicationKind kind = PublicationKind::review_report,
                            std::optional<PartnershipId> in = std::nullopt) {
        Publication p;
        p.partnership = in.value_or(this->partnership);
        p.kind = kind;
        p.title = std::string("Published on ") + on;
        p.summary = "A summary";
        p.published_on = *Date::parse(on);
        if (kind == PublicationKind::yearly_report) {
            p.report_year = "2016-17";
        } else {
            p.document = document(in);
            p.document_version = 1;
        }
        p.proposed_by_label = "Ann Example <ann@example.org>";
        p.proposed_at = 1'700'000'100;
        return p;
    }
    PublicationId insert(Publication& p) {
        this->store->write([&](Transaction& tx) { p.id = publications_of(tx).insert(p); });
        return p.id;
    }
    std::optional<Publication> find(PublicationId id, std::optional<PartnershipId> in = std::nullopt) {
        std::optional<Publication> out;
        this->store->read([&](Transaction& tx) { out = publications_of(tx).find(in.value_or(this->partnership), id); });
        return out;
    }
    Page<Publication> list(std::optional<PublicationState> state, std::vector<PublicationKind> kinds, int limit = 50,
                           std::string after = {}) {
        Page<Publication> out;
        this->store->read([&](Transaction& tx) {
            out = publications_of(tx).publications({this->partnership, state, std::move(kinds), PageRequest{limit, std::move(after)}});
        });
        return out;
    }
    bool decide(Publication p, PublicationState state, int expected) {
        p.state = state;
        p.decided_by_label = "Bea Lead <bea@example.org>";
        p.decided_at = 1'700'000'200;
        bool out = false;
        this->store->write([&](Transaction& tx) { out = publications_of(tx).decide(p, expected); });
        return out;
    }
    PartnershipId another() {
        PartnershipId other;
        this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
        return other;
    }
};

TYPED_TEST_SUITE_P(PublicationsContract);

TYPED_TEST_P(PublicationsContract, APublicationRoundTrips) {
    auto p = this->publication("2017-03-27");
    const auto id = this->insert(p);
    const auto found = this->find(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->kind, PublicationKind::review_report);
    EXPECT_EQ(found->title, "Published on 2017-03-27");
    EXPECT_EQ(found->summary, "A summary");
    EXPECT_EQ(found->published_on, *Date::parse("2017-03-27"));
    EXPECT_EQ(found->document, p.document);
    EXPECT_EQ(found->document_version, 1);
    EXPECT_EQ(found->report_year, "");
    EXPECT_EQ(found->state, PublicationState::proposed);
    EXPECT_FALSE(found->proposed_by.valid()) << "the system proposed it";
    EXPECT_EQ(found->proposed_by_label, "Ann Example <ann@example.org>");
    EXPECT_EQ(found->proposed_at, 1'700'000'100);
    EXPECT_EQ(found->decided_at, 0);
    EXPECT_EQ(found->version, 1);
}

TYPED_TEST_P(PublicationsContract, ADecisionIsWrittenOnlyAtTheVersionRead) {
    auto p = this->publication("2017-03-27");
    this->insert(p);
    p.version = 1;
    EXPECT_TRUE(this->decide(p, PublicationState::approved, 1));
    EXPECT_FALSE(this->decide(p, PublicationState::withdrawn, 1)) << "stale: another decision came first";
    const auto found = this->find(p.id);
    EXPECT_EQ(found->state, PublicationState::approved);
    EXPECT_EQ(found->decided_by_label, "Bea Lead <bea@example.org>");
    EXPECT_EQ(found->decided_at, 1'700'000'200);
    EXPECT_EQ(found->version, 2);
}

TYPED_TEST_P(PublicationsContract, ListsArePagedNewestFirstAndFilteredByStateAndKind) {
    std::vector<Publication> made;
    for (const char* on : {"2017-01-10", "2018-05-01", "2018-05-01", "2016-12-31"}) {
        auto p = this->publication(on);
        this->insert(p);
        made.push_back(p);
    }
    auto briefing = this->publication("2019-01-01", PublicationKind::briefing);
    this->insert(briefing);
    EXPECT_TRUE(this->decide(made[0], PublicationState::approved, 1));
    EXPECT_TRUE(this->decide(made[2], PublicationState::approved, 1));
    EXPECT_TRUE(this->decide(briefing, PublicationState::approved, 1));

    const auto first = this->list(std::nullopt, {}, 2);
    ASSERT_EQ(first.items.size(), 2u);
    EXPECT_EQ(first.items[0].id, briefing.id);
    EXPECT_EQ(first.items[1].id, made[2].id) << "the same date: the newer id first";
    ASSERT_TRUE(first.next);
    const auto second = this->list(std::nullopt, {}, 2, *first.next);
    ASSERT_EQ(second.items.size(), 2u);
    EXPECT_EQ(second.items[0].id, made[1].id);
    EXPECT_EQ(second.items[1].id, made[0].id);
    const auto third = this->list(std::nullopt, {}, 2, *second.next);
    ASSERT_EQ(third.items.size(), 1u);
    EXPECT_FALSE(third.next);

    const auto approved_reports = this->list(PublicationState::approved, {PublicationKind::review_report, PublicationKind::executive_summary});
    ASSERT_EQ(approved_reports.items.size(), 2u);
    EXPECT_EQ(approved_reports.items[0].id, made[2].id);
    EXPECT_EQ(approved_reports.items[1].id, made[0].id);
    EXPECT_EQ(this->list(PublicationState::proposed, {}).items.size(), 2u);
    EXPECT_EQ(this->list(PublicationState::approved, {PublicationKind::briefing}).items.size(), 1u);
    EXPECT_THROW(this->list(std::nullopt, {}, 2, "not-a-cursor"), Failure);
}

TYPED_TEST_P(PublicationsContract, TheApprovedReportOfAYearIsFoundByItsYear) {
    auto report = this->publication("2017-09-28", PublicationKind::yearly_report);
    this->insert(report);
    std::optional<Publication> found;
    this->store->read([&](Transaction& tx) { found = publications_of(tx).approved_report(this->partnership, "2016-17"); });
    EXPECT_FALSE(found) << "proposed, not approved";
    EXPECT_TRUE(this->decide(report, PublicationState::approved, 1));
    this->store->read([&](Transaction& tx) { found = publications_of(tx).approved_report(this->partnership, "2016-17"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, report.id);
    EXPECT_FALSE(found->document.valid());
    this->store->read([&](Transaction& tx) { found = publications_of(tx).approved_report(this->partnership, "2017-18"); });
    EXPECT_FALSE(found);
}

TYPED_TEST_P(PublicationsContract, APartnershipSeesNoneOfAnothersPublications) {
    const auto other = this->another();
    auto theirs = this->publication("2017-03-27", PublicationKind::briefing, other);
    this->insert(theirs);
    EXPECT_FALSE(this->find(theirs.id)) << "not found in our partnership";
    EXPECT_TRUE(this->find(theirs.id, other));
    EXPECT_TRUE(this->list(std::nullopt, {}).items.empty());
    theirs.partnership = this->partnership;
    EXPECT_FALSE(this->decide(theirs, PublicationState::approved, 1)) << "no decision on another partnership's publication";
    EXPECT_EQ(this->find(theirs.id, other)->state, PublicationState::proposed);
}

TYPED_TEST_P(PublicationsContract, TheDatabaseRefusesWhatIsNotAPublication) {
    auto no_document = this->publication("2017-03-27");
    no_document.document = DocumentId{};
    EXPECT_ANY_THROW(this->insert(no_document)) << "a review report names its document";
    auto no_year = this->publication("2017-03-27", PublicationKind::yearly_report);
    no_year.report_year = "";
    EXPECT_ANY_THROW(this->insert(no_year)) << "a yearly report names its year";
    EXPECT_TRUE(this->list(std::nullopt, {}).items.empty()) << "nothing refused was kept";

    auto p = this->publication("2017-03-27");
    this->insert(p);
    EXPECT_ANY_THROW(TypeParam::exec("UPDATE publications SET kind = 'leaflet' WHERE id = " + p.id.str())) << "a CHECK names the kinds";
    TypeParam::exec("UPDATE publications SET published_on = 'someday' WHERE id = " + p.id.str());
    try {
        this->find(p.id);
        ADD_FAILURE() << "a stored date this version cannot read is an error";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("publications.published_on"), std::string::npos) << e.what();
    }
}

REGISTER_TYPED_TEST_SUITE_P(PublicationsContract, APublicationRoundTrips, ADecisionIsWrittenOnlyAtTheVersionRead,
                            ListsArePagedNewestFirstAndFilteredByStateAndKind, TheApprovedReportOfAYearIsFoundByItsYear,
                            APartnershipSeesNoneOfAnothersPublications, TheDatabaseRefusesWhatIsNotAPublication);

}  // namespace assure::testing
