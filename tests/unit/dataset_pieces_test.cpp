// Large extracts read in pieces (core/dataset_pieces.hpp) give exactly what reading them
// straight through gives: the same rows in the same order, the same refusals with the same
// lines and reasons. Each file here is generated with the awkward parts a real one may have
// (quoted line breaks, blank lines, CRLF, refused rows, a child on two rows far apart, a
// <Child> inside a comment) and read whole, then in every number of pieces from 2 to 13.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <random>

#include "app/threads.hpp"
#include "core/dataset_pieces.hpp"
#include "ingest/libxml2_xml_reader.hpp"

namespace assure {
namespace {

std::string hashed(std::string_view id) { return "h-" + std::string(id); }

template <class Row>
void expect_same(const Parsed<Row>& whole, const Parsed<Row>& cut, std::size_t pieces) {
    SCOPED_TRACE("in " + std::to_string(pieces) + " pieces");
    EXPECT_EQ(whole.rows_read, cut.rows_read);
    EXPECT_EQ(whole.file_refused, cut.file_refused);
    ASSERT_EQ(whole.rows.size(), cut.rows.size());
    for (std::size_t i = 0; i < whole.rows.size(); ++i) {
        EXPECT_EQ(canonical(whole.rows[i]), canonical(cut.rows[i])) << "row " << i;
        EXPECT_EQ(whole.rows[i].line, cut.rows[i].line) << "row " << i;
    }
    EXPECT_EQ(whole.refused, cut.refused);
}

std::string uk_date(int day, int month, int year) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, month, year);
    return buf;
}

// A missing file of `rows` rows, one in about twelve refused for a reason of its own.
std::string missing_file(int rows, unsigned seed, const std::string& eol = "\n") {
    std::mt19937 random(seed);
    std::string csv = "CHILD,DOB,MISSING,MIS_START,MIS_END,RHI_OFFERED,RHI_ACCEPTED" + eol;
    for (int i = 0; i < rows; ++i) {
        const int day = 1 + static_cast<int>(random() % 27);
        const std::string child = "C" + std::to_string(random() % 60);
        switch (random() % 12) {
            case 0: csv += child + ",,M,31/02/2016,,," + eol; break;                      // not a real date
            case 1: csv += "\"" + child + "\",,\"M\",01/05/2016,\"02/05/2016\",," + eol; break;  // quoted cells
            case 2: csv += eol; break;                                                      // a blank line
            case 3: csv += child + ",,M,01/05/2016" + eol; break;                           // too few values
            case 4: csv += "\"" + child + "\nwith a line break\",,M,01/05/2016,,," + eol; break;  // a quoted line break
            case 5: csv += child + ",,X,01/05/2016,,," + eol; break;                        // not M or A
            default: csv += child + ",," + (random() % 2 ? "M" : "A") + "," + uk_date(day, 6, 2016) + "," + uk_date(day + 1, 6, 2016) + ",," + eol;
        }
    }
    return csv;
}

void expect_missing_read_alike(const std::string& csv) {
    const auto whole = read_missing(csv, hashed);
    ASSERT_FALSE(whole.file_refused);
    ASSERT_FALSE(whole.rows.empty());
    ASSERT_FALSE(whole.refused.empty());
    for (std::size_t n = 2; n <= 13; ++n) expect_same(whole, read_missing(csv, hashed, Pieces{n, run_in_turn}), n);
}

TEST(DatasetPieces, AMissingFileReadsTheSameInPieces) { expect_missing_read_alike(missing_file(400, 1)); }

TEST(DatasetPieces, AFileWithWindowsLineEndingsReadsTheSameInPieces) { expect_missing_read_alike(missing_file(400, 2, "\r\n")); }

TEST(DatasetPieces, AFileWhoseLinesEndInALoneCarriageReturnReadsTheSame) { expect_missing_read_alike(missing_file(300, 3, "\r")); }

TEST(DatasetPieces, AQuoteLeftOpenReadsTheSameInPieces) {
    // From the open quote to the end of the file is one value that is never closed.
    std::string csv = missing_file(200, 4);
    csv.insert(csv.find('\n', csv.size() / 3) + 1, "\"C1,,M,01/05/2016,,,\n");
    expect_missing_read_alike(csv);
}

TEST(DatasetPieces, TextAfterAClosingQuoteReadsTheSameInPieces) {
    std::string csv = missing_file(200, 5);
    csv.insert(csv.find('\n', csv.size() / 2) + 1, "\"C1\"x,,M,01/05/2016,\",,\n");
    expect_missing_read_alike(csv);
}

// A header in which child C7 is on row 10 and again on row 290: in pieces the two rows are in
// different pieces, and the second must still be refused naming the first.
TEST(DatasetPieces, AChildOnTwoHeaderRowsFarApartIsRefusedAsWhenReadWhole) {
    std::string csv = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    for (int i = 0; i < 300; ++i) {
        const std::string child = i == 290 ? "C7" : "C" + std::to_string(i);
        csv += child + "," + (i % 25 == 3 ? "9" : "1") + ",17/01/2005,WBRI,,,\n";
    }
    const auto whole = read_ssda903_header(csv, hashed);
    ASSERT_EQ(whole.refused.back().reason, "The same CHILD is on an earlier row: a child has one header row");
    ASSERT_EQ(whole.refused.back().line, 292);
    for (std::size_t n = 2; n <= 13; ++n) expect_same(whole, read_ssda903_header(csv, hashed, Pieces{n, run_in_turn}), n);
}

TEST(DatasetPieces, AnEpisodeRepeatedWithinAPieceAndAcrossPiecesIsRefusedAsWhenReadWhole) {
    const std::string heading = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
    auto row = [](const std::string& child, const std::string& start) { return child + "," + start + ",S,C2,N1,U1,PR1,,,,L36 1AA,L36 2BB,\n"; };
    std::string near = heading;
    std::string far = heading;
    for (int i = 0; i < 200; ++i) {
        near += row("C" + std::to_string(i), "01/05/2016");
        far += row("C" + std::to_string(i), "01/05/2016");
        if (i == 100) near += row("C100", "01/05/2016");  // the next row: always in the same piece
    }
    far += row("C3", "01/05/2016");  // the last row, about the fourth
    for (const auto* csv : {&near, &far}) {
        const auto whole = read_ssda903_episodes(*csv, hashed);
        ASSERT_EQ(whole.refused.size(), 1u);
        EXPECT_EQ(whole.refused[0].reason, "The same child has another episode starting on 2016-05-01");
        for (std::size_t n = 2; n <= 13; ++n) expect_same(whole, read_ssda903_episodes(*csv, hashed, Pieces{n, run_in_turn}), n);
    }
}

TEST(DatasetPieces, PiecesDoneOnThreadsGiveWhatTheyGiveInTurn) {
    const std::string csv = missing_file(20000, 6);
    const auto whole = read_missing(csv, hashed);
    for (std::size_t n : {2u, 3u, 8u}) expect_same(whole, read_missing(csv, hashed, Pieces{n, run_on_threads}), n);
}

TEST(DatasetPieces, AFileNotOfItsKindIsRefusedWholeWhateverThePieces) {
    const auto cut = read_missing("CHILD,DOB\nC1,\n", hashed, Pieces{4, run_in_turn});
    EXPECT_TRUE(cut.file_refused);
    EXPECT_EQ(cut.refused, read_missing("CHILD,DOB\nC1,\n", hashed).refused);
}

// ---- the census ----

ParsedCensus census_whole(const std::string& xml) {
    CinCensusReader reader(2016, hashed);
    ingest::Libxml2XmlReader().read(xml, reader);
    return reader.finish();
}

ParsedCensus census_in(const std::string& xml, std::size_t pieces, const RunTasks& run = run_in_turn) {
    const ingest::Libxml2XmlReader parser;
    return read_cin_census(xml, 2016, hashed, [&](std::span<const std::string_view> d, XmlEvents& e) { parser.read(d, e); }, Pieces{pieces, run});
}

void expect_same(const ParsedCensus& whole, const ParsedCensus& cut, std::size_t pieces) {
    SCOPED_TRACE("in " + std::to_string(pieces) + " pieces");
    EXPECT_EQ(whole.children_read, cut.children_read);
    EXPECT_EQ(whole.children_kept, cut.children_kept);
    EXPECT_EQ(whole.file_refused, cut.file_refused);
    EXPECT_EQ(whole.refused, cut.refused);
    EXPECT_EQ(canonical_children(whole.census), canonical_children(cut.census));
    ASSERT_EQ(whole.census.referrals.size(), cut.census.referrals.size());
    for (std::size_t i = 0; i < whole.census.referrals.size(); ++i) {
        EXPECT_EQ(whole.census.referrals[i].child, cut.census.referrals[i].child);
        EXPECT_EQ(whole.census.referrals[i].line, cut.census.referrals[i].line);
    }
    ASSERT_EQ(whole.census.plans.size(), cut.census.plans.size());
    for (std::size_t i = 0; i < whole.census.plans.size(); ++i) EXPECT_EQ(whole.census.plans[i].line, cut.census.plans[i].line);
}

// `children` children over several lines each, one in about seven refused for a reason of its own.
std::string census_file(int children, unsigned seed, const std::string& before_children = "") {
    std::mt19937 random(seed);
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n<Header><CollectionDetails><Collection>CIN</Collection>"
                      "<Year>2017</Year><ReferenceDate>2017-03-31</ReferenceDate></CollectionDetails></Header>\n" +
                      before_children + "<Children>\n";
    for (int i = 0; i < children; ++i) {
        const std::string id = "N" + std::to_string(i);
        std::string details = "<CINdetails>\n<CINreferralDate>2016-0" + std::to_string(4 + random() % 5) + "-1" + std::to_string(random() % 10) +
                              "</CINreferralDate><ReferralNFA>false</ReferralNFA>\n";
        switch (random() % 7) {
            case 0: details = "<CINdetails>\n<CINreferralDate>2016-02-30</CINreferralDate>\n"; break;  // not a real date
            case 1:
                details += "<ChildProtectionPlans><CPPstartDate>2016-09-01</CPPstartDate><LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>"
                           "</ChildProtectionPlans>\n";
                break;
            case 2: details += "<Assessments><AssessmentActualStartDate>2016-10-01</AssessmentActualStartDate></Assessments>\n"; break;
            case 3: details += "<!-- a note, not a <Child> -->\n"; break;
            default: break;
        }
        details += "</CINdetails>\n";
        xml += "<Child>\n<ChildIdentifiers><LAchildID>" + id + "</LAchildID></ChildIdentifiers>\n" + details + "</Child>\n";
    }
    return xml + "</Children>\n</Message>\n";
}

void expect_census_read_alike(const std::string& xml) {
    const auto whole = census_whole(xml);
    ASSERT_FALSE(whole.file_refused) << whole.refused.front().reason;
    ASSERT_GT(whole.children_kept, 0);
    ASSERT_GT(whole.refused.size(), 0u);
    for (std::size_t n = 2; n <= 13; ++n) expect_same(whole, census_in(xml, n), n);
}

TEST(DatasetPieces, ACensusReadsTheSameInPieces) { expect_census_read_alike(census_file(300, 7)); }

TEST(DatasetPieces, AChildInTheCensusTwiceFarApartIsRefusedAsWhenReadWhole) {
    std::string xml = census_file(300, 8);
    const std::string first = "<Child>\n<ChildIdentifiers><LAchildID>N5</LAchildID>";
    const std::string again = "<Child>\n<ChildIdentifiers><LAchildID>N290</LAchildID>";
    ASSERT_NE(xml.find(again), std::string::npos);
    xml.replace(xml.find(again), again.size(), first);
    const auto whole = census_whole(xml);
    ASSERT_FALSE(whole.file_refused);
    ASSERT_TRUE(std::any_of(whole.refused.begin(), whole.refused.end(),
                            [](const Refusal& r) { return r.reason.find("already on the <Child> at line") != std::string::npos; }));
    for (std::size_t n = 2; n <= 13; ++n) expect_same(whole, census_in(xml, n), n);
}

TEST(DatasetPieces, AChildTagInsideACommentOrDeeperIsNotACut) {
    // Text that looks like a child where no child starts: in a comment, and an element of that
    // name inside another. A piece cut there is not a document, so the census is read whole.
    std::string xml = census_file(200, 9);
    const std::size_t middle = xml.find("<Child>", xml.size() / 2);
    xml.insert(middle, "<!-- <Child> a comment\n<Child> -->\n");
    expect_census_read_alike(xml);
    std::string deeper = census_file(200, 10);
    const std::string details = "<CINdetails>";
    const std::size_t at = deeper.find(details, deeper.size() / 3);
    deeper.insert(at, "<Extra>\n<Child>x</Child>\n<Child>y</Child>\n<Child>z</Child>\n</Extra>\n");
    expect_census_read_alike(deeper);
}

TEST(DatasetPieces, ACensusForAnotherYearOrNotWellFormedIsRefusedAsWhenReadWhole) {
    std::string other_year = census_file(100, 11);
    other_year.replace(other_year.find("2017-03-31"), 10, "2016-03-31");
    std::string broken = census_file(100, 12);
    broken.insert(broken.find("<Child>", broken.size() * 3 / 4), "<Child>");
    for (const auto* xml : {&other_year, &broken}) {
        const auto whole = census_whole(*xml);
        ASSERT_TRUE(whole.file_refused);
        for (std::size_t n = 2; n <= 13; ++n) expect_same(whole, census_in(*xml, n), n);
    }
}

TEST(DatasetPieces, CensusPiecesDoneOnThreadsGiveWhatTheyGiveInTurn) {
    const std::string xml = census_file(5000, 13);
    const auto whole = census_whole(xml);
    ASSERT_FALSE(whole.file_refused);
    for (std::size_t n : {2u, 5u, 16u}) expect_same(whole, census_in(xml, n, run_on_threads), n);
}

// ---- counting lines ----

TEST(InOrder, JoinsEachPieceOnceInOrderOnlyWhenThePiecesBeforeItAreDone) {
    std::vector<std::size_t> joined;
    InOrder in_order(4, [&](std::size_t i) { joined.push_back(i); });
    in_order.done(2);
    EXPECT_TRUE(joined.empty()) << "piece 2 waits for 0 and 1";
    in_order.done(0);
    EXPECT_EQ(joined, (std::vector<std::size_t>{0}));
    in_order.done(1);
    EXPECT_EQ(joined, (std::vector<std::size_t>{0, 1, 2})) << "1 done completes the run to 2";
    in_order.done(3);
    EXPECT_EQ(joined, (std::vector<std::size_t>{0, 1, 2, 3}));
}

TEST(InOrder, OnThreadsJoinsInOrderNeverTwoAtOnce) {
    for (int round = 0; round < 20; ++round) {
        constexpr std::size_t kPieces = 40;
        std::vector<std::size_t> joined;
        std::atomic<int> joining{0};
        std::atomic<bool> overlapped{false};
        std::vector<std::atomic<bool>> finished(kPieces);
        std::atomic<bool> early{false};
        InOrder in_order(kPieces, [&](std::size_t i) {
            if (joining.fetch_add(1) != 0) overlapped = true;
            for (std::size_t k = 0; k <= i; ++k) {
                if (!finished[k]) early = true;
            }
            joined.push_back(i);
            std::this_thread::sleep_for(std::chrono::microseconds(i % 3 * 50));
            joining.fetch_sub(1);
        });
        std::vector<Task> tasks;
        for (std::size_t i = 0; i < kPieces; ++i) {
            tasks.emplace_back([&, i] {
                std::this_thread::sleep_for(std::chrono::microseconds((i * 37 + static_cast<std::size_t>(round)) % 7 * 40));
                finished[i] = true;
                in_order.done(i);
            });
        }
        run_on_threads(tasks);
        std::vector<std::size_t> expected(kPieces);
        for (std::size_t i = 0; i < kPieces; ++i) expected[i] = i;
        ASSERT_EQ(joined, expected) << "round " << round;
        ASSERT_FALSE(overlapped) << "round " << round;
        ASSERT_FALSE(early) << "round " << round;
    }
}

TEST(DatasetPieces, LineBreaksAreCountedExactlyWhateverTheBytesAroundThem) {
    // Bytes a word-at-a-time count could mistake for a line break: 0x0A with its high bit set,
    // its neighbours, a zero byte; and every length from 0 to 40 so each tail is counted.
    const std::string bytes = std::string("\n\x8A\x0B\x09") + '\0' + "\xFF\x7F\x0A\x80" "a";
    std::mt19937 random(14);
    for (std::size_t length = 0; length <= 40; ++length) {
        for (int round = 0; round < 50; ++round) {
            std::string text;
            for (std::size_t i = 0; i < length; ++i) text += bytes[random() % bytes.size()];
            ASSERT_EQ(line_breaks(text), static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'))) << "length " << length;
        }
    }
    // Long texts, past the 255 words whose count is kept a byte a place: nothing but line
    // breaks (every place's count at its most), and a mixture.
    for (const std::size_t length : {2039u, 2040u, 2041u, 4096u, 100003u}) {
        EXPECT_EQ(line_breaks(std::string(length, '\n')), length);
        std::string text;
        for (std::size_t i = 0; i < length; ++i) text += bytes[random() % bytes.size()];
        EXPECT_EQ(line_breaks(text), static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'))) << "length " << length;
    }
}

}  // namespace
}  // namespace assure
