#pragma once
// The store contract for documents: a document round-trips with its first version, each upload
// adds a version and keeps the old ones (the database refuses to change or remove a version),
// a record's list is a keyset page most recently changed first, a partnership sees none of
// another's, and the database refuses a partnership document with a record id. Every backend
// instantiates it (tests/store/documents_store_test.cpp).
#include "app/documents.hpp"
#include "store/contract.hpp"

namespace assure::testing {

template <class Factory>
class DocumentsContract : public StoreContract<Factory> {
protected:
    Document doc(const std::string& title, DocumentRecord type = DocumentRecord::meeting, std::int64_t record = 7,
                 std::optional<PartnershipId> in = std::nullopt) {
        Document d;
        d.partnership = in.value_or(this->partnership);
        d.record_type = type;
        d.record_id = record;
        d.title = title;
        d.created_at = 1'700'000'000;
        return d;
    }
    static DocumentVersion version(const std::string& filename, Instant at, char fill = 'a') {
        DocumentVersion v;
        v.filename = filename;
        v.content_type = "application/pdf";
        v.size = 1234;
        v.sha256 = std::string(64, fill);
        v.uploaded_by_label = "Ann Example <ann@example.org>";
        v.uploaded_at = at;
        return v;
    }
    DocumentId insert(const Document& d, const DocumentVersion& v) {
        DocumentId id;
        this->store->write([&](Transaction& tx) { id = documents_of(tx).insert_document(d, v); });
        return id;
    }
    std::optional<Document> find(DocumentId id, std::optional<PartnershipId> in = std::nullopt) {
        std::optional<Document> out;
        this->store->read([&](Transaction& tx) { out = documents_of(tx).find_document(in.value_or(this->partnership), id); });
        return out;
    }
    Page<Document> list(DocumentRecord type, std::int64_t record, int limit = 50, std::string after = {},
                        std::optional<PartnershipId> in = std::nullopt) {
        Page<Document> out;
        this->store->read([&](Transaction& tx) {
            out = documents_of(tx).documents({in.value_or(this->partnership), type, record, PageRequest{limit, std::move(after)}});
        });
        return out;
    }
    PartnershipId another() {
        PartnershipId other;
        this->store->write([&](Transaction& tx) { other = tx.partnerships().insert({PartnershipId{}, "q", "Q"}, shipped_rules()); });
        return other;
    }
};

TYPED_TEST_SUITE_P(DocumentsContract);

TYPED_TEST_P(DocumentsContract, ADocumentRoundTripsWithItsFirstVersion) {
    const auto id = this->insert(this->doc("Signed minutes", DocumentRecord::review_case, 42), this->version("minutes.pdf", 1'700'000'100));
    const auto found = this->find(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->title, "Signed minutes");
    EXPECT_EQ(found->record_type, DocumentRecord::review_case);
    EXPECT_EQ(found->record_id, 42);
    EXPECT_EQ(found->latest, 1);
    EXPECT_EQ(found->created_at, 1'700'000'000);
    EXPECT_EQ(found->updated_at, 1'700'000'100);
    ASSERT_EQ(found->versions.size(), 1u);
    const auto& v = found->versions[0];
    EXPECT_EQ(v.number, 1);
    EXPECT_EQ(v.document, id);
    EXPECT_EQ(v.filename, "minutes.pdf");
    EXPECT_EQ(v.content_type, "application/pdf");
    EXPECT_EQ(v.size, 1234);
    EXPECT_EQ(v.sha256, std::string(64, 'a'));
    EXPECT_EQ(v.uploaded_by_label, "Ann Example <ann@example.org>");
    EXPECT_FALSE(v.uploaded_by.valid()) << "no user: stored as NULL and read back as none";
    EXPECT_EQ(v.uploaded_at, 1'700'000'100);
}

TYPED_TEST_P(DocumentsContract, EachUploadIsANewVersionAndTheOldOnesAreKept) {
    const auto id = this->insert(this->doc("Policy"), this->version("v1.pdf", 100, 'a'));
    int second = 0, third = 0;
    this->store->write([&](Transaction& tx) { second = documents_of(tx).add_version(this->partnership, id, this->version("v2.pdf", 200, 'b')); });
    this->store->write([&](Transaction& tx) { third = documents_of(tx).add_version(this->partnership, id, this->version("v3.pdf", 300, 'c')); });
    EXPECT_EQ(second, 2);
    EXPECT_EQ(third, 3);
    const auto found = this->find(id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->latest, 3);
    EXPECT_EQ(found->updated_at, 300);
    ASSERT_EQ(found->versions.size(), 3u);
    EXPECT_EQ(found->versions[0].filename, "v3.pdf") << "newest first";
    EXPECT_EQ(found->versions[1].filename, "v2.pdf");
    EXPECT_EQ(found->versions[2].filename, "v1.pdf");
    EXPECT_EQ(found->versions[2].sha256, std::string(64, 'a'));
    int with_a = 0, with_d = 0;
    this->store->read([&](Transaction& tx) {
        with_a = documents_of(tx).versions_with(std::string(64, 'a'));
        with_d = documents_of(tx).versions_with(std::string(64, 'd'));
    });
    EXPECT_EQ(with_a, 1);
    EXPECT_EQ(with_d, 0);
}

TYPED_TEST_P(DocumentsContract, AVersionCannotBeChangedOrRemoved) {
    const auto id = this->insert(this->doc("Policy"), this->version("v1.pdf", 100));
    EXPECT_ANY_THROW(TypeParam::exec("UPDATE document_versions SET filename = 'other.pdf' WHERE document_id = " + id.str()));
    EXPECT_ANY_THROW(TypeParam::exec("DELETE FROM document_versions WHERE document_id = " + id.str()));
    const auto found = this->find(id);
    ASSERT_TRUE(found);
    ASSERT_EQ(found->versions.size(), 1u);
    EXPECT_EQ(found->versions[0].filename, "v1.pdf");
}

TYPED_TEST_P(DocumentsContract, ARecordsDocumentsPageMostRecentlyChangedFirst) {
    std::vector<DocumentId> ids;
    for (int i = 0; i < 5; ++i) {
        ids.push_back(this->insert(this->doc("Paper " + std::to_string(i)), this->version("p.pdf", 1000 + i * 10)));
    }
    // Another record's and the partnership's own documents are not in the meeting's list.
    this->insert(this->doc("Elsewhere", DocumentRecord::meeting, 8), this->version("e.pdf", 5000));
    this->insert(this->doc("Case paper", DocumentRecord::review_case, 7), this->version("c.pdf", 5000));
    this->insert(this->doc("Threshold", DocumentRecord::partnership, 0), this->version("t.pdf", 5000));
    // A new version moves the first paper to the top.
    this->store->write([&](Transaction& tx) { documents_of(tx).add_version(this->partnership, ids[0], this->version("p2.pdf", 2000, 'b')); });
    std::vector<std::string> seen;
    std::string after;
    int pages = 0;
    do {
        const auto page = this->list(DocumentRecord::meeting, 7, 2, after);
        for (const auto& d : page.items) {
            seen.push_back(d.title);
            EXPECT_FALSE(d.versions.empty()) << "each listed document comes with its versions";
        }
        after = page.next.value_or("");
        ++pages;
    } while (!after.empty() && pages < 10);
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(seen, (std::vector<std::string>{"Paper 0", "Paper 4", "Paper 3", "Paper 2", "Paper 1"}));
    const auto top = this->list(DocumentRecord::meeting, 7, 1);
    ASSERT_EQ(top.items.size(), 1u);
    EXPECT_EQ(top.items[0].versions.size(), 2u);
    EXPECT_EQ(this->list(DocumentRecord::partnership, 0).items.size(), 1u);
    EXPECT_THROW(this->list(DocumentRecord::meeting, 7, 2, "not-a-cursor"), Failure);
}

TYPED_TEST_P(DocumentsContract, APartnershipSeesNoneOfAnothersDocuments) {
    const auto other = this->another();
    const auto theirs = this->insert(this->doc("Theirs", DocumentRecord::meeting, 7, other), this->version("t.pdf", 100));
    const auto ours = this->insert(this->doc("Ours"), this->version("o.pdf", 100));
    EXPECT_FALSE(this->find(theirs)) << "another partnership's document is not found";
    EXPECT_TRUE(this->find(theirs, other));
    const auto listed = this->list(DocumentRecord::meeting, 7);
    ASSERT_EQ(listed.items.size(), 1u);
    EXPECT_EQ(listed.items[0].id, ours);
    EXPECT_ANY_THROW(this->store->write([&](Transaction& tx) {
        documents_of(tx).add_version(this->partnership, theirs, this->version("x.pdf", 200));
    })) << "no version is added to another partnership's document";
    EXPECT_EQ(this->find(theirs, other)->versions.size(), 1u);
}

TYPED_TEST_P(DocumentsContract, TheDatabaseRefusesAPartnershipDocumentWithARecordId) {
    EXPECT_ANY_THROW(this->insert(this->doc("Odd", DocumentRecord::partnership, 3), this->version("o.pdf", 100)));
    EXPECT_ANY_THROW(this->insert(this->doc("Odd", DocumentRecord::meeting, 0), this->version("o.pdf", 100)));
    auto empty = this->version("e.pdf", 100);
    empty.size = 0;
    EXPECT_ANY_THROW(this->insert(this->doc("Empty"), empty));
    EXPECT_TRUE(this->list(DocumentRecord::meeting, 0).items.empty());
    EXPECT_TRUE(this->list(DocumentRecord::meeting, 7).items.empty()) << "a refused version left no document behind";
}

REGISTER_TYPED_TEST_SUITE_P(DocumentsContract, ADocumentRoundTripsWithItsFirstVersion, EachUploadIsANewVersionAndTheOldOnesAreKept,
                            AVersionCannotBeChangedOrRemoved, ARecordsDocumentsPageMostRecentlyChangedFirst,
                            APartnershipSeesNoneOfAnothersDocuments, TheDatabaseRefusesAPartnershipDocumentWithARecordId);

}  // namespace assure::testing
