// Documents against a real server on loopback with a real clamd (scripts/with-clamd): a clean
// file is saved and downloads as an attachment with its sniffed type; the EICAR test file, a
// renamed program and an oversized file are refused with a clear error and nothing saved; an
// upload larger than the server's in-memory limit is streamed to disk; a person without
// need-to-know gets 404 for a case's document, and every download of one is logged; a clamd
// that does not answer refuses uploads (503).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>

#include "app/access.hpp"
#include "app/reviews.hpp"
#include "cli/config.hpp"
#include "documents/clamd_scanner.hpp"
#include "documents/disk_files.hpp"
#include "documents/magic_sniffer.hpp"
#include "app/governance.hpp"
#include "web/harness.hpp"
#include "web/pdf.hpp"
#include "web/pdf_text.hpp"

using namespace assure;
using namespace assure::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kEicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
const std::string kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

// A Windows program's first bytes: an MZ header pointing at a PE header.
std::string program_bytes() {
    std::string b(512, '\0');
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = static_cast<char>(0x80);
    b.replace(0x80, 6, std::string("PE\0\0\x4c\x01", 6));
    return b;
}

Date days_from_today(int days) { return Date::from_days(london_date(std::time(nullptr)).days() + days); }

// The documents' services a server is given: libmagic, a clamd client, a folder of its own.
struct DocumentsSetup {
    explicit DocumentsSetup(const std::string& clamd)
        : dir(fs::temp_directory_path() / ("assure-docs-http-" + std::to_string(::getpid()) + "-" + std::to_string(++made))),
          scanner(clamd),
          files((dir / "files").string()),
          docs{sniffer, &scanner, files, DocumentLimits{2 * 1024 * 1024}, false} {
        fs::create_directories(incoming());
    }
    ~DocumentsSetup() { fs::remove_all(dir); }
    [[nodiscard]] std::string incoming() const { return (dir / "incoming").string(); }
    [[nodiscard]] std::size_t kept() const {
        std::size_t n = 0;
        for (const auto& e : fs::recursive_directory_iterator(dir / "files")) n += e.is_regular_file();
        return n;
    }
    [[nodiscard]] std::size_t receiving() const {
        std::size_t n = 0;
        for (const auto& e : fs::directory_iterator(incoming())) n += e.is_regular_file();
        return n;
    }
    fs::path dir;
    documents::MagicSniffer sniffer;
    documents::ClamdScanner scanner;
    documents::DiskFiles files;
    DocumentServices docs;
    static inline int made = 0;
};

class DocumentsHttp : public ::testing::Test {
protected:
    void start(const std::string& clamd) {
        setup = std::make_unique<DocumentsSetup>(clamd);
        server = std::make_unique<Server>([this](web::WebConfig& c) {
            c.documents = &setup->docs;
            c.upload_dir = setup->incoming();
        });
        for (const auto& p : list_people(server->services(), Actor::system(PartnershipId{1}), PersonFilter{})) people[p.email] = p.id.value;
    }
    void SetUp() override {
        const char* clamd = std::getenv("ASSURE_TEST_CLAMD");
        if (clamd == nullptr || *clamd == '\0') GTEST_SKIP() << "needs a clamd: run under scripts/with-clamd (scripts/test does)";
        start(clamd);
    }
    httplib::Headers auth(Role role) { return {{"Authorization", "Bearer " + server->token(role)}}; }
    json ok(const httplib::Result& r, int status) {
        EXPECT_TRUE(r);
        EXPECT_EQ(r->status, status) << r->body;
        return json::parse(r->body);
    }
    std::int64_t meeting() {
        const auto bu = auth(Role::business_unit);
        auto post = [&](const std::string& path, const json& body) {
            return server->client().Post(path, bu, body.dump(), "application/json");
        };
        const std::int64_t group =
            ok(post("/api/v1/groups", {{"name", "Core Business Group"}, {"type", "executive"}, {"chair_kind", "fixed"},
                                       {"chair_id", people.at(server->email(Role::business_unit))}, {"cadence_months", 2},
                                       {"quorum_kind", "min_members"}, {"quorum_value", 1}, {"active_from", "2020-01-01"}}),
               201)["id"];
        return ok(post("/api/v1/groups/" + std::to_string(group) + "/meetings", {{"on", days_from_today(-10).iso()}, {"place", "Town hall"}}),
                  201)["id"];
    }
    std::int64_t case_id() {
        IncidentInput in;
        in.became_aware_on = days_from_today(-3).iso();
        in.incident_on = days_from_today(-4).iso();
        in.kind = "serious_harm";
        in.summary = "Admitted to hospital with unexplained injuries";
        in.children = {{"Child T", "", "", ""}};
        const Actor unit{server->user_id(Role::business_unit), PartnershipId{1}, Role::business_unit, "Unit"};
        return notify_incident(server->services(), unit, in).record.id.value;
    }
    // An upload through the API: the record, a title and a file.
    httplib::Result api_upload(Role role, const std::string& type, std::int64_t record, const std::string& filename,
                               const std::string& bytes, const std::string& title = "Paper") {
        httplib::MultipartFormDataItems items{{"record_type", type, "", ""},
                                              {"record_id", std::to_string(record), "", ""},
                                              {"title", title, "", ""},
                                              {"file", bytes, filename, "application/octet-stream"}};
        return server->client().Post("/api/v1/documents", auth(role), items);
    }
    std::size_t listed(Role role, const std::string& type, std::int64_t record) {
        auto r = server->client().Get("/api/v1/documents?record_type=" + type + "&record_id=" + std::to_string(record), auth(role));
        return r && r->status == 200 ? json::parse(r->body)["items"].size() : 0;
    }

    std::unique_ptr<DocumentsSetup> setup;
    std::unique_ptr<Server> server;
    std::map<std::string, std::int64_t> people;
};

}  // namespace

TEST_F(DocumentsHttp, ACleanFileOnAMeetingPageIsSavedAndDownloadsAsAnAttachment) {
    const std::int64_t m = meeting();
    const std::string page_path = "/meetings/" + std::to_string(m) + "/documents";
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    auto page = unit.get(page_path);
    ASSERT_EQ(page->status, 200) << page->body;
    EXPECT_NE(page->body.find("enctype=\"multipart/form-data\""), std::string::npos);
    EXPECT_NE(page->body.find("govuk-file-upload"), std::string::npos);
    const auto audit_before = server->count_audit("document.");
    httplib::MultipartFormDataItems items{{"csrf_token", unit.csrf, "", ""}, {"document", "new", "", ""},
                                          {"title", "Signed minutes", "", ""}, {"file", kPdf, "minutes.pdf", "application/pdf"}};
    auto saved = unit.http.Post(page_path, {{"Cookie", unit.cookie}}, items);
    ASSERT_EQ(saved->status, 303) << saved->body;
    EXPECT_EQ(server->count_audit("document.create"), audit_before + 1);
    EXPECT_EQ(setup->kept(), 1u);
    EXPECT_EQ(setup->receiving(), 0u) << "the upload's body file is removed once handled";
    page = unit.get(page_path + "?saved=1");
    EXPECT_NE(page->body.find("Signed minutes"), std::string::npos);
    EXPECT_NE(page->body.find("assure-table-scroll"), std::string::npos);

    // Anyone who may see the meeting downloads it: an attachment, its sniffed type, nosniff.
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    const auto list = ok(server->client().Get("/api/v1/documents?record_type=meeting&record_id=" + std::to_string(m), auth(Role::member)), 200);
    ASSERT_EQ(list["items"].size(), 1u);
    const std::int64_t doc = list["items"][0]["id"];
    EXPECT_EQ(list["items"][0]["versions"][0]["sha256"], documents::sha256_hex(kPdf));
    auto download = member.get("/documents/" + std::to_string(doc));
    ASSERT_EQ(download->status, 200);
    EXPECT_EQ(download->body, kPdf);
    EXPECT_EQ(download->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(download->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(download->get_header_value("Content-Disposition").rfind("attachment; filename=\"minutes.pdf\"", 0), 0u)
        << download->get_header_value("Content-Disposition");
    EXPECT_EQ(server->count_reads(), 0) << "a meeting's documents are not restricted: nothing logged";

    // A second upload of the same document is version 2; version 1 is still there.
    httplib::MultipartFormDataItems again{{"csrf_token", unit.csrf, "", ""}, {"document", std::to_string(doc), "", ""},
                                          {"title", "", "", ""}, {"file", "Minutes, corrected\n", "minutes.txt", "text/plain"}};
    ASSERT_EQ(unit.http.Post(page_path, {{"Cookie", unit.cookie}}, again)->status, 303);
    EXPECT_EQ(member.get("/documents/" + std::to_string(doc) + "/versions/1")->body, kPdf);
    EXPECT_EQ(member.get("/documents/" + std::to_string(doc))->body, "Minutes, corrected\n");
    EXPECT_EQ(member.get("/documents/" + std::to_string(doc))->get_header_value("Content-Type"), "text/plain");

    // A member may not upload to a meeting (governance permissions).
    httplib::MultipartFormDataItems theirs{{"csrf_token", member.csrf, "", ""}, {"title", "Mine", "", ""}, {"file", kPdf, "m.pdf", ""}};
    EXPECT_EQ(member.http.Post(page_path, {{"Cookie", member.cookie}}, theirs)->status, 403);
    // Without the form's CSRF token nothing is saved.
    httplib::MultipartFormDataItems forged{{"title", "Forged", "", ""}, {"file", kPdf, "f.pdf", ""}};
    EXPECT_EQ(unit.http.Post(page_path, {{"Cookie", unit.cookie}}, forged)->status, 403);
    EXPECT_EQ(listed(Role::member, "meeting", m), 1u);
}

// The agenda pack (web/meeting_print.cpp): the agenda, then every paper that is a readable PDF,
// joined in one file that keeps the agenda's tags; a paper in another format, or a damaged PDF,
// is named in the agenda as not in the pack, so nobody takes the pack for complete.
TEST_F(DocumentsHttp, AnAgendaPackJoinsThePdfPapersAndNamesThoseItCannot) {
    const std::int64_t m = meeting();
    const Actor unit{server->user_id(Role::business_unit), PartnershipId{1}, Role::business_unit, "Unit"};
    const MeetingView before = read_meeting(server->services(), unit, MeetingId{m});
    add_agenda_item(server->services(), unit, MeetingId{m}, before.meeting.version, "Neglect strategy: the first year", "", "");
    const std::string paper = web::render_pdf(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Neglect paper</title></head><body>"
        "<h1>Neglect strategy paper</h1><p style=\"page-break-after: always\">Page one.</p><p>Page two of the paper.</p></body></html>");
    ASSERT_EQ(assure::testing::PdfFile(paper).pages(), 2);
    ASSERT_EQ(api_upload(Role::business_unit, "meeting", m, "neglect.pdf", paper, "Neglect strategy paper")->status, 201);
    ASSERT_EQ(api_upload(Role::business_unit, "meeting", m, "notes.txt", "Notes for the chair\n", "Chair's notes")->status, 201);
    ASSERT_EQ(api_upload(Role::business_unit, "meeting", m, "broken.pdf", kPdf, "Broken scan")->status, 201);

    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    member.http.set_read_timeout(std::chrono::seconds(90));  // WeasyPrint and qpdf on a busy machine
    auto r = member.get("/meetings/" + std::to_string(m) + "/agenda.pdf");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body.substr(0, 500);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(r->get_header_value("Content-Disposition"), "inline; filename=\"agenda-core-business-group-" + days_from_today(-10).iso() + ".pdf\"");
    const assure::testing::PdfFile pack(r->body);
    EXPECT_EQ(pack.info("Tagged"), "yes") << "the agenda's catalogue, tags and all, is the pack's";
    EXPECT_EQ(pack.info("Title").rfind("Agenda: Core Business Group", 0), 0u) << pack.info("Title");
    const std::string t = pack.text();
    for (const char* words : {"Neglect strategy: the first year", "1 of the meeting's papers follow this agenda",
                              "Neglect strategy paper (PDF): paper 1 in this pack", "Chair's notes (text): not in this pack",
                              "Broken scan (PDF): not in this pack", "damaged or locked", "Page two of the paper."}) {
        EXPECT_NE(t.find(words), std::string::npos) << words << "\n" << t.substr(0, 2000);
    }
    // The paper's two pages follow the agenda's own, whose footers count only the agenda's.
    std::smatch agenda_pages;
    ASSERT_TRUE(std::regex_search(t, agenda_pages, std::regex("Page 1 of ([0-9]+)")));
    EXPECT_EQ(pack.pages(), std::stoi(agenda_pages[1].str()) + 2);
}

TEST_F(DocumentsHttp, TheEicarTestFileIsRefusedAndNothingIsSaved) {
    const std::int64_t m = meeting();
    const auto audit_before = server->count_audit("document.");
    auto r = api_upload(Role::business_unit, "meeting", m, "notes.txt", kEicar);
    ASSERT_EQ(r->status, 422) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    const json problem = json::parse(r->body);
    EXPECT_NE(problem.dump().find("virus"), std::string::npos) << r->body;
    EXPECT_NE(problem.dump().find("Eicar-Test-Signature"), std::string::npos) << r->body;
    EXPECT_EQ(server->count_audit("document."), audit_before);
    EXPECT_EQ(setup->kept(), 0u);
    EXPECT_EQ(listed(Role::business_unit, "meeting", m), 0u);

    // The same on the page: the error summary and the field's message.
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    const std::string page_path = "/meetings/" + std::to_string(m) + "/documents";
    unit.get(page_path);
    httplib::MultipartFormDataItems items{{"csrf_token", unit.csrf, "", ""}, {"title", "Notes", "", ""}, {"file", kEicar, "notes.txt", "text/plain"}};
    auto page = unit.http.Post(page_path, {{"Cookie", unit.cookie}}, items);
    ASSERT_EQ(page->status, 422);
    EXPECT_NE(page->body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(page->body.find("href=\"#file\""), std::string::npos) << "the summary links to the file input";
    EXPECT_NE(page->body.find("contains a virus"), std::string::npos);
    EXPECT_EQ(setup->kept(), 0u);
}

TEST_F(DocumentsHttp, ARenamedProgramIsRefusedByItsContent) {
    const std::int64_t m = meeting();
    auto r = api_upload(Role::business_unit, "meeting", m, "agenda.pdf", program_bytes());
    ASSERT_EQ(r->status, 422) << r->body;
    const json problem = json::parse(r->body);
    ASSERT_TRUE(problem.contains("errors")) << r->body;
    EXPECT_NE(r->body.find("must be a PDF, DOCX, XLSX, ODT, PNG, JPEG, text or CSV file"), std::string::npos) << r->body;
    EXPECT_EQ(setup->kept(), 0u);
    EXPECT_EQ(listed(Role::business_unit, "meeting", m), 0u);
}

TEST_F(DocumentsHttp, AnOversizedUploadIsRefusedFromItsLengthBeforeItsBodyIsRead) {
    // A client that says it will send 1 GB and sends none of it: answered 413 at once.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in at{};
    at.sin_family = AF_INET;
    at.sin_port = htons(static_cast<std::uint16_t>(server->port()));
    ::inet_pton(AF_INET, "127.0.0.1", &at.sin_addr);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&at), sizeof at), 0);
    const std::string head = "POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + server->token(Role::business_unit) +
                             "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1073741824\r\n\r\n";
    ASSERT_EQ(::send(fd, head.data(), head.size(), 0), static_cast<ssize_t>(head.size()));
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    const auto started = std::chrono::steady_clock::now();
    std::string answer(4096, '\0');
    const ssize_t n = ::recv(fd, answer.data(), answer.size(), 0);
    const auto waited = std::chrono::steady_clock::now() - started;
    ::close(fd);
    ASSERT_GT(n, 0);
    answer.resize(static_cast<std::size_t>(n));
    EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
    EXPECT_NE(answer.find("application/problem+json"), std::string::npos) << answer;
    EXPECT_NE(answer.find("too large"), std::string::npos) << answer;
    EXPECT_LT(waited, std::chrono::seconds(2)) << "answered without waiting for the body";
    EXPECT_EQ(setup->receiving(), 0u) << "no file was started for it";

    // Within the HTTP limit but over the documents' 2 MB: refused by the checks, nothing saved.
    const std::int64_t m = meeting();
    auto r = api_upload(Role::business_unit, "meeting", m, "big.txt", std::string(2 * 1024 * 1024 + 10, 'a'));
    ASSERT_EQ(r->status, 422) << r->body;
    EXPECT_NE(r->body.find("must be smaller than 2 MB"), std::string::npos) << r->body;
    EXPECT_EQ(setup->kept(), 0u);
}

TEST_F(DocumentsHttp, AnUploadLargerThanTheServersMemoryLimitIsStreamedToDisk) {
    // 1.5 MB: over the 1 MiB every other request may send, within the documents' 2 MB.
    std::string big = kPdf;
    big.resize(1536 * 1024, ' ');
    const std::int64_t m = meeting();
    auto r = api_upload(Role::business_unit, "meeting", m, "pack.pdf", big, "Meeting pack");
    ASSERT_EQ(r->status, 201) << r->body;
    const json doc = json::parse(r->body);
    EXPECT_EQ(doc["versions"][0]["size"], big.size());
    EXPECT_EQ(doc["versions"][0]["content_type"], "application/pdf");
    auto content = server->client().Get("/api/v1/documents/" + std::to_string(doc["id"].get<std::int64_t>()) + "/content", auth(Role::member));
    ASSERT_EQ(content->status, 200);
    EXPECT_EQ(content->body, big);
    EXPECT_EQ(setup->receiving(), 0u);
    // Any other route still refuses a body over 1 MiB.
    auto other = server->client().Post("/api/v1/agencies", auth(Role::business_unit), std::string(1536 * 1024, ' '), "application/json");
    EXPECT_EQ(other->status, 413);
}

TEST_F(DocumentsHttp, ACasesDocumentIsNeedToKnowAndEveryDownloadIsLogged) {
    const std::int64_t c = case_id();
    auto r = api_upload(Role::business_unit, "review_case", c, "report.pdf", kPdf, "Rapid review report");
    ASSERT_EQ(r->status, 201) << r->body;
    const std::string doc = std::to_string(json::parse(r->body)["id"].get<std::int64_t>());

    // A member on no panel of the case: not found, for the list, the page and each download.
    Browser member(*server);
    ASSERT_TRUE(member.sign_in(server->email(Role::member)));
    EXPECT_EQ(member.get("/reviews/" + std::to_string(c) + "/documents")->status, 404);
    EXPECT_EQ(member.get("/documents/" + doc)->status, 404);
    EXPECT_EQ(server->client().Get("/api/v1/documents/" + doc + "/content", auth(Role::member))->status, 404);
    EXPECT_EQ(server->client().Get("/api/v1/documents?record_type=review_case&record_id=" + std::to_string(c), auth(Role::member))->status, 404);
    EXPECT_EQ(api_upload(Role::member, "review_case", c, "x.pdf", kPdf)->status, 403);

    // The business unit may: each download is in the access log.
    const int reads_before = server->count_reads(AccessKind::record);
    Browser unit(*server);
    ASSERT_TRUE(unit.sign_in(server->email(Role::business_unit)));
    EXPECT_EQ(unit.get("/documents/" + doc)->status, 200);
    EXPECT_EQ(unit.get("/documents/" + doc)->status, 200) << "a second download is not served from a cache";
    EXPECT_EQ(server->client().Get("/api/v1/documents/" + doc + "/content", auth(Role::business_unit))->status, 200);
    EXPECT_EQ(server->count_reads(AccessKind::record), reads_before + 3);
    AccessQuery q;
    q.partnership = PartnershipId{1};
    q.page.limit = 10;
    std::vector<AccessEntry> entries;
    server->services().store.read([&](Transaction& tx) { entries = tx.access_entries().query(q).items; });
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.front().record_type, "document");
    EXPECT_EQ(entries.front().record_ids, std::vector<std::string>{doc});
    EXPECT_EQ(entries.front().actor, server->user_id(Role::business_unit));
}

TEST_F(DocumentsHttp, UnknownRecordsAndBadInputGetClearProblems) {
    auto r = api_upload(Role::business_unit, "minutes", 1, "a.pdf", kPdf);
    EXPECT_EQ(r->status, 422);
    EXPECT_NE(r->body.find("record_type"), std::string::npos);
    EXPECT_EQ(api_upload(Role::business_unit, "meeting", 999, "a.pdf", kPdf)->status, 404);
    auto json_body = server->client().Post("/api/v1/documents", auth(Role::business_unit), "{}", "application/json");
    EXPECT_EQ(json_body->status, 415);
    auto missing = server->client().Get("/api/v1/documents?record_type=meeting&record_id=abc", auth(Role::business_unit));
    EXPECT_EQ(missing->status, 422);
    EXPECT_EQ(server->client().Get("/api/v1/documents/999/content", auth(Role::business_unit))->status, 404);
}

// No clamd answering: uploads are refused (fail closed), with a 503 and nothing saved.
TEST(DocumentsHttpWithoutClamd, AnUnreachableScannerRefusesUploads) {
    DocumentsSetup setup("127.0.0.1:1");
    Server server([&](web::WebConfig& c) {
        c.documents = &setup.docs;
        c.upload_dir = setup.incoming();
    });
    httplib::MultipartFormDataItems items{{"record_type", "partnership", "", ""}, {"title", "Threshold document", "", ""},
                                          {"file", kPdf, "threshold.pdf", "application/pdf"}};
    auto r = server.client().Post("/api/v1/documents", {{"Authorization", "Bearer " + server.token(Role::administrator)}}, items);
    ASSERT_EQ(r->status, 503) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_NE(r->body.find("cannot be checked for viruses"), std::string::npos) << r->body;
    EXPECT_EQ(setup.kept(), 0u);
}

// [documents] in the configuration file, and the environment over it.
TEST(DocumentsConfig, TheFolderLimitAndScannerAreReadFromTheFileAndTheEnvironment) {
    const fs::path path = fs::temp_directory_path() / ("assure-docs-config-" + std::to_string(::getpid()) + ".toml");
    {
        std::ofstream out(path);
        out << "[database]\npath = \"var/x.db\"\n[documents]\ndir = \"/srv/docs\"\nmax_megabytes = 10\nclamd = \"127.0.0.1:3310\"\n";
    }
    auto c = assure::cli::load_config(path.string());
    EXPECT_EQ(c.documents_folder(), "/srv/docs");
    EXPECT_EQ(c.documents_max_megabytes, 10);
    EXPECT_EQ(c.clamd, "127.0.0.1:3310");
    EXPECT_FALSE(c.allow_unscanned) << "refused unscanned unless the file says otherwise";
    {
        std::ofstream out(path);
        out << "[documents]\nmax_megabytes = 0\n";
    }
    EXPECT_THROW(assure::cli::load_config(path.string()), std::runtime_error);
    {
        std::ofstream out(path);
        out << "[database]\npath = \"var/x.db\"\n";
    }
    EXPECT_EQ(assure::cli::load_config(path.string()).documents_folder(), "var/x.db.documents") << "beside the SQLite file";
    fs::remove(path);
}
