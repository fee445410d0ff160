// Documents' use cases on a real SQLite file: an upload checked by content, scanned (a scanner
// that answers as told), kept on disk and saved with its audit row; a refusal saves nothing;
// no scanner, or one out of reach, refuses uploads; versions; permissions by the record.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/documents.hpp"
#include "documents/disk_files.hpp"
#include "documents/magic_sniffer.hpp"
#include "fakes/fakes.hpp"

using namespace assure;
using namespace assure::testing;

namespace {

struct ToldScanner final : MalwareScanner {
    ScanResult answer{ScanResult::Verdict::clean, {}};
    mutable int scans = 0;
    ScanResult scan(std::string_view) const override {
        ++scans;
        return answer;
    }
};

const std::string kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

struct DocumentsWorld : World {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("assure-docs-usecase-" + std::to_string(::getpid()) + "-" + std::to_string(++made));
    documents::MagicSniffer sniffer;
    ToldScanner scanner;
    documents::DiskFiles files{dir.string()};
    DocumentServices docs{sniffer, &scanner, files, DocumentLimits{1024 * 1024}, false};
    ~DocumentsWorld() { std::filesystem::remove_all(dir); }

    DocumentUpload policy(const std::string& title, std::string_view bytes, const std::string& filename = "policy.pdf") {
        DocumentUpload in;
        in.record_type = DocumentRecord::partnership;
        in.title = title;
        in.filename = filename;
        in.bytes = bytes;
        return in;
    }
    std::size_t files_kept() const {
        std::size_t n = 0;
        for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) n += e.is_regular_file();
        return n;
    }
    std::size_t listed() { return list_documents(services, admin, DocumentRecord::partnership, 0, {}).documents.items.size(); }
    static inline int made = 0;
};

}  // namespace

TEST(DocumentsUseCases, AnUploadIsCheckedScannedKeptAndAudited) {
    DocumentsWorld w;
    const Document d = upload_document(w.services, w.docs, w.admin, w.policy("Threshold document", kPdf, "C:\\docs\\threshold.pdf"));
    EXPECT_EQ(w.scanner.scans, 1);
    ASSERT_EQ(d.versions.size(), 1u);
    EXPECT_EQ(d.versions[0].content_type, "application/pdf");
    EXPECT_EQ(d.versions[0].filename, "threshold.pdf");
    EXPECT_EQ(d.versions[0].size, static_cast<std::int64_t>(kPdf.size()));
    EXPECT_EQ(d.versions[0].sha256, documents::sha256_hex(kPdf));
    EXPECT_EQ(w.files_kept(), 1u);
    EXPECT_EQ(w.last_audit().action, "document.create");
    const auto download = download_document(w.services, w.docs, w.as(Role::read_only), d.id, std::nullopt);
    EXPECT_EQ(download.path, *w.files.path_of(d.versions[0].sha256)) << "anyone signed in reads the partnership's policies";
}

TEST(DocumentsUseCases, ARefusedFileSavesNothing) {
    DocumentsWorld w;
    const std::size_t audit_before = w.audit_count();
    const std::string program = std::string("\x7f" "ELF\x02\x01\x01", 7) + std::string(200, '\0');
    try {
        upload_document(w.services, w.docs, w.admin, w.policy("Looks like a PDF", program, "invoice.pdf"));
        ADD_FAILURE() << "a renamed program was taken";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        ASSERT_EQ(f.fields().size(), 1u);
        EXPECT_EQ(f.fields()[0].field, "file");
    }
    EXPECT_EQ(w.scanner.scans, 0) << "refused by type before it is scanned";
    w.scanner.answer = {ScanResult::Verdict::infected, "Eicar-Test-Signature"};
    try {
        upload_document(w.services, w.docs, w.admin, w.policy("Infected", "Just some text\n", "notes.txt"));
        ADD_FAILURE() << "an infected file was taken";
    } catch (const Failure& f) {
        ASSERT_EQ(f.code(), FailureCode::invalid);
        EXPECT_NE(f.fields().at(0).message.find("Eicar-Test-Signature"), std::string::npos);
    }
    EXPECT_THROW(upload_document(w.services, w.docs, w.admin, w.policy("", kPdf)), Failure) << "a new document needs a title";
    const std::string too_big(1024 * 1024 + 1, 'a');
    EXPECT_THROW(upload_document(w.services, w.docs, w.admin, w.policy("Big", too_big, "big.txt")), Failure);
    EXPECT_EQ(w.audit_count(), audit_before);
    EXPECT_EQ(w.files_kept(), 0u);
    EXPECT_EQ(w.listed(), 0u);
}

TEST(DocumentsUseCases, WithoutAWorkingScannerUploadsAreRefusedUnlessAllowedUnscanned) {
    DocumentsWorld w;
    w.scanner.answer = {ScanResult::Verdict::unavailable, "cannot reach clamd"};
    try {
        upload_document(w.services, w.docs, w.admin, w.policy("Policy", kPdf));
        ADD_FAILURE() << "saved without a scan";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::unavailable);
    }
    DocumentServices none{w.sniffer, nullptr, w.files, DocumentLimits{1024 * 1024}, false};
    EXPECT_THROW(upload_document(w.services, none, w.admin, w.policy("Policy", kPdf)), Failure);
    EXPECT_EQ(w.listed(), 0u);
    DocumentServices unscanned{w.sniffer, nullptr, w.files, DocumentLimits{1024 * 1024}, true};
    upload_document(w.services, unscanned, w.admin, w.policy("Policy", kPdf));
    EXPECT_EQ(w.listed(), 1u) << "an explicit setting takes files unscanned";
}

TEST(DocumentsUseCases, ANewVersionKeepsTheOldOneAndBelongsToItsRecord) {
    DocumentsWorld w;
    const Document d = upload_document(w.services, w.docs, w.admin, w.policy("Escalation procedure", kPdf));
    auto again = w.policy("", "Escalation procedure, version two\n", "escalation.txt");
    again.document = d.id;
    const Document v2 = upload_document(w.services, w.docs, w.admin, again);
    EXPECT_EQ(v2.latest, 2);
    EXPECT_EQ(v2.title, "Escalation procedure");
    EXPECT_EQ(w.last_audit().action, "document.version");
    const auto listed = list_documents(w.services, w.admin, DocumentRecord::partnership, 0, {}).documents.items;
    ASSERT_EQ(listed.size(), 1u);
    ASSERT_EQ(listed[0].versions.size(), 2u);
    EXPECT_EQ(listed[0].versions[0].content_type, "text/plain");
    EXPECT_EQ(listed[0].versions[1].content_type, "application/pdf");
    EXPECT_EQ(download_document(w.services, w.docs, w.admin, d.id, 1).version.sha256, documents::sha256_hex(kPdf));
    EXPECT_THROW(download_document(w.services, w.docs, w.admin, d.id, 3), Failure);
    // A version of the partnership's document cannot be filed against a meeting.
    auto elsewhere = again;
    elsewhere.record_type = DocumentRecord::meeting;
    elsewhere.record_id = 1;
    EXPECT_THROW(upload_document(w.services, w.docs, w.admin, elsewhere), Failure);
}

TEST(DocumentsUseCases, OnlyThoseWhoMayEditThePartnershipAddItsPolicies) {
    DocumentsWorld w;
    try {
        upload_document(w.services, w.docs, w.as(Role::read_only), w.policy("Policy", kPdf));
        ADD_FAILURE() << "a read-only account uploaded";
    } catch (const Failure& f) {
        EXPECT_EQ(f.code(), FailureCode::forbidden);
    }
    EXPECT_EQ(w.scanner.scans, 0);
    EXPECT_FALSE(may_upload_documents(w.as(Role::read_only), DocumentRecord::partnership));
    EXPECT_TRUE(may_upload_documents(w.admin, DocumentRecord::partnership));
}
