// Papers for printing, against the demo through the real binary: a held meeting's minutes
// (attendance by kind, decisions, the minutes' text), a planned meeting's agenda pack and no
// minutes for it, the action plan with the page's figures, and the letter to an agency, each an
// A4 PDF tagged for screen readers under the partnership's letterhead, read back by poppler-utils.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

#include "core/date.hpp"

#include "web/demo_server.hpp"
#include "web/harness.hpp"
#include "web/pdf_text.hpp"

using nlohmann::json;
using assure::testing::PdfFile;

namespace {

class DemoPrint : public assure::testing::DemoServer {
protected:
    void SetUp() override {
        DemoServer::SetUp();
        if (HasFatalFailure()) return;
        ASSERT_TRUE(serve->ready());
        browser = std::make_unique<assure::testing::Browser>("127.0.0.1", serve->port());
        ASSERT_TRUE(browser->sign_in("gareth.oduya@knowsley-council.example", "a demo password"));
        // WeasyPrint takes seconds on a busy machine: wait as long as the server allows it (60 s).
        browser->http.set_read_timeout(std::chrono::seconds(90));
    }
    // The PDF at `path`, checked to be one, with its download name.
    std::string pdf(const std::string& path, const std::string& filename) {
        auto r = browser->get(path);
        EXPECT_TRUE(r);
        if (!r) return {};
        EXPECT_EQ(r->status, 200) << path << ": " << r->body.substr(0, 300);
        EXPECT_EQ(r->get_header_value("Content-Type"), "application/pdf") << path;
        EXPECT_EQ(r->get_header_value("Content-Disposition"), "inline; filename=\"" + filename + "\"") << path;
        EXPECT_EQ(r->body.rfind("%PDF-", 0), 0u) << path;
        return r->body;
    }
    // The first of the partnership's meetings with this status (and minutes, if held).
    json meeting(const std::string& status) {
        const json groups = get("/api/v1/groups");
        for (const auto& g : groups["items"]) {
            const json meetings = get("/api/v1/groups/" + std::to_string(g["id"].get<int>()) + "/meetings");
            for (const auto& m : meetings["items"]) {
                if (m["status"] != status) continue;
                const json whole = get("/api/v1/meetings/" + std::to_string(m["id"].get<int>()));
                if (status != "held" || !whole["minutes"].get<std::string>().empty()) return whole;
            }
        }
        ADD_FAILURE() << "the demo has no " << status << " meeting";
        return json::object();
    }
    std::unique_ptr<assure::testing::Browser> browser;
};

}  // namespace

TEST_F(DemoPrint, AHeldMeetingsMinutesNameWhoCameWhoSentApologiesAndWhatWasDecided) {
    const json m = meeting("held");
    ASSERT_FALSE(m.empty());
    const std::string id = std::to_string(m["id"].get<int>());
    const PdfFile file(pdf("/meetings/" + id + "/minutes.pdf", "minutes-strategic-forum-" + m["on"].get<std::string>() + ".pdf"));
    EXPECT_EQ(file.info("Tagged"), "yes");
    EXPECT_NE(file.info("Page size").find("A4"), std::string::npos);
    EXPECT_NE(file.info("Title").find("Minutes: Strategic Forum"), std::string::npos);
    const std::string t = file.text();
    for (const char* words : {"Knowsley Safeguarding Children Partnership", "Present", "Apologies", "No quorum rule set", "Decisions", "Actions",
                              "Page 1 of"}) {
        EXPECT_NE(t.find(words), std::string::npos) << words;
    }
    ASSERT_FALSE(m["decisions"].empty());
    // The first words of the first decision, as pdftotext lays them out on one line.
    const std::string decision = m["decisions"][0]["text"].get<std::string>().substr(0, 20);
    EXPECT_NE(t.find(decision), std::string::npos) << decision;
    // The minutes' last paragraph, as the Markdown has it (the demo's end in plain words).
    const std::string minutes = m["minutes"].get<std::string>();
    const std::string last_words = minutes.substr(minutes.rfind('\n') + 1, 40);
    EXPECT_NE(t.find(last_words), std::string::npos) << last_words;
}

TEST_F(DemoPrint, APlannedMeetingHasAnAgendaPackButNoMinutes) {
    const json m = meeting("planned");
    ASSERT_FALSE(m.empty());
    const std::string id = std::to_string(m["id"].get<int>());
    auto none = browser->get("/meetings/" + id + "/minutes.pdf");
    ASSERT_TRUE(none);
    EXPECT_EQ(none->status, 404);
    const PdfFile file(pdf("/meetings/" + id + "/agenda.pdf", "agenda-strategic-forum-" + m["on"].get<std::string>() + ".pdf"));
    EXPECT_EQ(file.info("Tagged"), "yes");
    const std::string t = file.text();
    for (const char* words : {"Agenda: Strategic Forum", "Members invited", "Papers in this pack", "Helen Marsh", "Interests declared"}) {
        EXPECT_NE(t.find(words), std::string::npos) << words;
    }
    // The meeting page offers the pack, and the minutes only once the meeting is held.
    auto page = browser->get("/meetings/" + id);
    ASSERT_TRUE(page);
    EXPECT_NE(page->body.find("/meetings/" + id + "/agenda.pdf"), std::string::npos);
    EXPECT_EQ(page->body.find("/meetings/" + id + "/minutes.pdf"), std::string::npos);
}

TEST_F(DemoPrint, TheActionPlanOnPaperCarriesThePagesFiguresAndEveryAction) {
    const json plan = get("/api/v1/improvement-actions?limit=500");
    ASSERT_FALSE(plan["items"].empty());
    const std::string name = "action-plan-" + assure::london_date(std::time(nullptr)).iso() + ".pdf";
    const PdfFile file(pdf("/improvement.pdf", name));
    EXPECT_NE(file.info("Page size").find("A4"), std::string::npos);
    EXPECT_NE(file.info("Page size").find("841.89 x 595.276"), std::string::npos) << "landscape";
    const std::string t = file.text();
    EXPECT_NE(t.find(std::to_string(plan["items"].size()) + " actions:"), std::string::npos) << t.substr(0, 600);
    // A filter narrows the paper as it narrows the page.
    const PdfFile overdue(pdf("/improvement.pdf?show=overdue", name));
    EXPECT_NE(overdue.text().find("as filtered on the action plan page"), std::string::npos);
}

TEST_F(DemoPrint, TheLetterToAnAgencyIsAPdfOnceItsReturnIsModerated) {
    const json cycles = get("/api/v1/audits");
    for (const auto& cycle : cycles["items"]) {
        const std::string c = std::to_string(cycle["id"].get<int>());
        const json returns = get("/api/v1/audits/" + c + "/returns");
        for (const auto& r : returns["items"]) {
            if (r["status"] != "submitted") continue;
            // A line says whether the return is in, not whether it was moderated: the return does.
            const std::string a = std::to_string(r["agency_id"].get<int>());
            if (get("/api/v1/audits/" + c + "/returns/" + a).value("moderated_on", json()).is_null()) continue;
            auto page = browser->get("/audits/" + c + "/returns/" + a + "/letter");
            ASSERT_TRUE(page);
            ASSERT_EQ(page->status, 200) << "/audits/" + c + "/returns/" + a + "/letter: " << page->body.substr(0, 400);
            EXPECT_NE(page->body.find("/audits/" + c + "/returns/" + a + "/letter.pdf"), std::string::npos);
            const PdfFile file(pdf("/audits/" + c + "/returns/" + a + "/letter.pdf", "letter-" + c + "-" + a + ".pdf"));
            EXPECT_EQ(file.info("Tagged"), "yes");
            const std::string t = file.text();
            EXPECT_NE(t.find("the partnership's findings"), std::string::npos);
            EXPECT_NE(t.find("Yours sincerely"), std::string::npos);
            return;
        }
    }
    FAIL() << "the demo has no moderated audit return";
}
