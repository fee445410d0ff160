// Documents' rules (core) and the adapters an upload uses: the allow-list decided from what
// libmagic says the bytes are, never the name; the size limit; safe filenames; the folder that
// keeps files under their checksum; the clamd client when no clamd answers.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/documents.hpp"
#include "documents/clamd_scanner.hpp"
#include "documents/disk_files.hpp"
#include "documents/magic_sniffer.hpp"

using namespace assure;

namespace {

const DocumentLimits kLimits{1024 * 1024};

std::string pdf_bytes() { return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"; }
std::string png_bytes() {
    return std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde", 33);
}
// The first bytes of a Linux program (ELF, 64-bit, little-endian, an executable).
std::string elf_bytes() {
    std::string b("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0", 24);
    b.resize(128, '\0');
    return b;
}
// The first bytes of a Windows program (an MZ header pointing at a PE header).
std::string exe_bytes() {
    std::string b(256, '\0');
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = static_cast<char>(0x80);
    b.replace(0x80, 6, std::string("PE\0\0\x4c\x01", 6));
    return b;
}

}  // namespace

TEST(DocumentRules, TheTypeIsDecidedByContentFromTheAllowList) {
    EXPECT_TRUE(allowed_document_type("application/pdf"));
    EXPECT_TRUE(allowed_document_type("text/plain; charset=us-ascii")) << "parameters are ignored";
    EXPECT_TRUE(allowed_document_type("text/csv"));
    EXPECT_TRUE(allowed_document_type("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    EXPECT_TRUE(allowed_document_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    EXPECT_TRUE(allowed_document_type("application/vnd.oasis.opendocument.text"));
    EXPECT_TRUE(allowed_document_type("image/png"));
    EXPECT_TRUE(allowed_document_type("image/jpeg"));
    EXPECT_FALSE(allowed_document_type("application/x-executable"));
    EXPECT_FALSE(allowed_document_type("application/x-dosexec"));
    EXPECT_FALSE(allowed_document_type("application/zip")) << "a bare archive is not an office file";
    EXPECT_FALSE(allowed_document_type("text/html")) << "HTML could run script if opened";
    EXPECT_FALSE(allowed_document_type("image/svg+xml"));
    EXPECT_EQ(allowed_document_labels(), "PDF, DOCX, XLSX, ODT, PNG, JPEG, text or CSV");
}

TEST(DocumentRules, ChecksSayWhatIsWrongWithTheFile) {
    EXPECT_TRUE(check_document("minutes.pdf", "application/pdf", 1000, kLimits).empty());
    const auto none = check_document("", "", 0, kLimits);
    ASSERT_EQ(none.size(), 1u);
    EXPECT_EQ(none[0], (FieldError{"file", "Select a file"}));
    EXPECT_EQ(check_document("empty.pdf", "", 0, kLimits)[0].message, "The selected file is empty");
    EXPECT_EQ(check_document("big.pdf", "application/pdf", 1024 * 1024 + 1, kLimits)[0].message,
              "The selected file must be smaller than 1 MB");
    EXPECT_TRUE(check_document("exact.pdf", "application/pdf", 1024 * 1024, kLimits).empty()) << "the limit itself is allowed";
    const auto disguised = check_document("report.pdf", "application/x-executable", 5000, kLimits);
    ASSERT_EQ(disguised.size(), 1u);
    EXPECT_EQ(disguised[0].field, "file");
    EXPECT_NE(disguised[0].message.find("must be a PDF, DOCX"), std::string::npos);
    EXPECT_NE(disguised[0].message.find("application/x-executable"), std::string::npos) << "says what the content is";
    EXPECT_EQ(megabytes_text(25LL * 1024 * 1024), "25 MB");
}

TEST(DocumentRules, TitlesAreNeededAndLimited) {
    EXPECT_FALSE(check_document_title("Signed minutes"));
    EXPECT_EQ(check_document_title("   ")->message, "Enter a title for the document");
    EXPECT_TRUE(check_document_title(std::string(201, 'x')));
    EXPECT_FALSE(check_document_title(std::string(200, 'x')));
}

TEST(DocumentRules, FilenamesAreMadeSafeToKeepAndOffer) {
    const DocumentType pdf = *allowed_document_type("application/pdf");
    EXPECT_EQ(safe_filename("minutes.pdf", pdf), "minutes.pdf");
    EXPECT_EQ(safe_filename("C:\\Users\\ann\\minutes.pdf", pdf), "minutes.pdf") << "a Windows path's folders are dropped";
    EXPECT_EQ(safe_filename("../../etc/passwd", pdf), "passwd");
    EXPECT_EQ(safe_filename("a\"b;c\r\nd.pdf", pdf), "a_b_c__d.pdf") << "nothing that could break a header";
    EXPECT_EQ(safe_filename("", pdf), "document.pdf");
    EXPECT_EQ(safe_filename("..", pdf), "document.pdf");
    EXPECT_EQ(safe_filename("Réunion.pdf", pdf), "Réunion.pdf");
    const std::string long_name = std::string(300, 'x') + ".pdf";
    const std::string kept = safe_filename(long_name, pdf);
    EXPECT_EQ(kept.size(), 150u);
    EXPECT_EQ(kept.substr(kept.size() - 4), ".pdf") << "the extension is kept";
}

TEST(DocumentSniffing, LibmagicNamesWhatTheBytesAre) {
    const documents::MagicSniffer sniffer;
    EXPECT_EQ(sniffer.mime(pdf_bytes()), "application/pdf");
    EXPECT_EQ(sniffer.mime(png_bytes()), "image/png");
    EXPECT_EQ(sniffer.mime("Agenda\n1. Welcome\n2. Minutes of the last meeting\n"), "text/plain");
    const std::string elf = sniffer.mime(elf_bytes());
    EXPECT_FALSE(allowed_document_type(elf)) << elf;
    const std::string exe = sniffer.mime(exe_bytes());
    EXPECT_FALSE(allowed_document_type(exe)) << exe;
    // What a renamed program is refused with: its name says PDF, its bytes do not.
    EXPECT_FALSE(check_document("invoice.pdf", exe, static_cast<std::int64_t>(exe_bytes().size()), kLimits).empty());
}

TEST(DocumentFiles, BytesAreKeptWholeUnderTheirChecksum) {
    const auto dir = std::filesystem::temp_directory_path() / ("assure-docs-unit-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    {
        documents::DiskFiles files(dir.string());
        const std::string sha = files.keep("hello");
        EXPECT_EQ(sha, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824") << "SHA-256 of 'hello'";
        const auto path = files.path_of(sha);
        ASSERT_TRUE(path);
        EXPECT_EQ(*path, (dir / "2c" / sha).string());
        std::ifstream in(*path, std::ios::binary);
        std::stringstream read;
        read << in.rdbuf();
        EXPECT_EQ(read.str(), "hello");
        EXPECT_EQ(files.keep("hello"), sha) << "the same bytes share a file";
        EXPECT_FALSE(files.path_of(std::string(64, 'f'))) << "no file under an unknown checksum";
        EXPECT_FALSE(files.path_of("../../etc/passwd")) << "only a checksum names a file";
        std::size_t leftovers = 0;
        for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) leftovers += e.path().extension() == ".part";
        EXPECT_EQ(leftovers, 0u) << "no temporary file is left behind";
    }
    std::filesystem::remove_all(dir);
}

TEST(DocumentScanning, AClamdThatDoesNotAnswerIsUnavailableNotClean) {
    // A port nothing listens on (bound, then closed) and a socket path that does not exist.
    const documents::ClamdScanner tcp("127.0.0.1:1", std::chrono::seconds(2));
    const auto r = tcp.scan("hello");
    EXPECT_EQ(r.verdict, ScanResult::Verdict::unavailable);
    EXPECT_NE(r.detail.find("cannot reach clamd"), std::string::npos) << r.detail;
    const documents::ClamdScanner unix_socket("/nonexistent/clamd.ctl", std::chrono::seconds(2));
    EXPECT_EQ(unix_socket.scan("hello").verdict, ScanResult::Verdict::unavailable);
    const documents::ClamdScanner nonsense("not an address", std::chrono::seconds(2));
    EXPECT_EQ(nonsense.scan("hello").verdict, ScanResult::Verdict::unavailable);
}

TEST(DocumentScanning, TheRealClamdFindsTheTestSignatureAndPassesACleanFile) {
    const char* address = std::getenv("ASSURE_TEST_CLAMD");
    if (address == nullptr || *address == '\0') GTEST_SKIP() << "run under scripts/with-clamd for a real clamd";
    const documents::ClamdScanner clamd(address);
    const std::string eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    const auto found = clamd.scan(eicar);
    EXPECT_EQ(found.verdict, ScanResult::Verdict::infected) << found.detail;
    EXPECT_NE(found.detail.find("Eicar-Test-Signature"), std::string::npos) << found.detail;
    EXPECT_EQ(clamd.scan(pdf_bytes()).verdict, ScanResult::Verdict::clean);
    // Larger than one 64 KiB chunk: the stream is sent in pieces.
    EXPECT_EQ(clamd.scan(std::string(300 * 1024, 'a')).verdict, ScanResult::Verdict::clean);
}
