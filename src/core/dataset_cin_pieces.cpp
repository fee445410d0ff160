// The census read in pieces (core/dataset_pieces.hpp): cut between two children, each piece
// parsed inside a <Message><Children> of its own and read by a reader of its own, the readers'
// children joined in the file's order.
#include <algorithm>
#include <iterator>
#include <string>

#include "core/dataset_pieces.hpp"

namespace assure {
namespace {

constexpr std::string_view kOpen = "<Message><Children>";
constexpr std::string_view kClose = "</Children></Message>";

// A reader told lines counted from the file's first, where the parser counts from the piece's.
class LinesOfTheFile final : public XmlEvents {
public:
    LinesOfTheFile(XmlEvents& reader, int lines_before) : reader_(reader), lines_before_(lines_before) {}
    void open(std::string_view element, int line) override { reader_.open(element, line + lines_before_); }
    void text(std::string_view chars) override { reader_.text(chars); }
    void close(std::string_view element) override { reader_.close(element); }
    void fail(int line, std::string_view problem) override { reader_.fail(line + lines_before_, problem); }

private:
    XmlEvents& reader_;
    int lines_before_;
};

// The start of the first <Child> tag at or after `from`, or npos. A tag that is not a child
// of <Children> (inside a comment, or deeper) makes its pieces unreadable, and the file is then
// read whole.
std::size_t child_at_or_after(std::string_view xml, std::size_t from) {
    for (std::size_t at = xml.find("<Child", from); at != std::string_view::npos; at = xml.find("<Child", at + 1)) {
        const std::size_t after = at + 6;
        if (after < xml.size() && (xml[after] == '>' || xml[after] == ' ' || xml[after] == '\t' || xml[after] == '\r' || xml[after] == '\n')) {
            return at;
        }
    }
    return std::string_view::npos;
}

struct Piece {
    std::size_t from;
    std::size_t to;
    int lines = 0;         // the line breaks in it
    int lines_before = 0;  // and in the pieces before it
};

std::vector<Piece> pieces_of(std::string_view xml, std::size_t count) {
    std::vector<Piece> out;
    if (count <= 1) return out;
    std::size_t from = 0;
    for (std::size_t k = 1; k < count; ++k) {
        const std::size_t cut = child_at_or_after(xml, std::max(from + 1, xml.size() * k / count));
        if (cut == std::string_view::npos) break;
        out.push_back({from, cut});
        from = cut;
    }
    if (!out.empty()) out.push_back({from, xml.size()});
    return out;
}

struct PieceRead {
    ParsedCensus parsed;
    std::vector<std::uint64_t> children;  // hashes of the ids met, to find one in two pieces
};

}  // namespace

ParsedCensus read_cin_census(std::string_view xml, int year, const Pseudonymise& pseudonymise, const ParseXml& parse, const Pieces& pieces) {
    const auto whole = [&] {
        CinCensusReader reader(year, pseudonymise);
        const std::string_view document[] = {xml};
        parse(document, reader);
        return reader.finish();
    };
    auto cut = pieces_of(xml, pieces.count);
    if (cut.empty()) return whole();
    // First each piece's line breaks, so each piece's lines can be counted from the file's first.
    std::vector<Task> tasks;
    for (auto& piece : cut) {
        tasks.emplace_back([&] { piece.lines = static_cast<int>(line_breaks(xml.substr(piece.from, piece.to - piece.from))); });
    }
    pieces.run(tasks);
    for (std::size_t i = 1; i < cut.size(); ++i) cut[i].lines_before = cut[i - 1].lines_before + cut[i - 1].lines;

    // Each piece joined to the first as soon as it and the pieces before it are done, while
    // later pieces are read; the first piece's rows stay where they are, with room for the
    // file's judged by its own, and a joined piece's memory is free for the pieces after it.
    std::vector<PieceRead> read(cut.size());
    std::vector<char> refused_whole(cut.size(), 0);
    ParsedCensus& out = read[0].parsed;
    InOrder in_order(cut.size(), [&](std::size_t i) {
        auto append = [](auto& into, auto& more) { std::move(more.begin(), more.end(), std::back_inserter(into)); };
        if (i == 0) {
            const std::size_t times = cut.size() + cut.size() / 8 + 1;
            out.census.referrals.reserve(out.census.referrals.size() * times);
            out.census.assessments.reserve(out.census.assessments.size() * times);
            out.census.enquiries.reserve(out.census.enquiries.size() * times);
            out.census.plans.reserve(out.census.plans.size() * times);
            return;
        }
        auto& r = read[i].parsed;
        out.children_read += r.children_read;
        out.children_kept += r.children_kept;
        append(out.refused, r.refused);
        append(out.census.referrals, r.census.referrals);
        append(out.census.assessments, r.census.assessments);
        append(out.census.enquiries, r.census.enquiries);
        append(out.census.plans, r.census.plans);
        r = {};
    });
    tasks.clear();
    for (std::size_t i = 0; i < cut.size(); ++i) {
        tasks.emplace_back([&, i] {
            const bool first = i == 0;
            const bool last = i + 1 == cut.size();
            const std::string_view document[] = {first ? "" : kOpen, xml.substr(cut[i].from, cut[i].to - cut[i].from), last ? "" : kClose};
            CinCensusReader reader(year, pseudonymise);
            LinesOfTheFile lines(reader, cut[i].lines_before);
            parse(document, lines);
            read[i].parsed = reader.finish();
            // A piece that is not a census of its own (cut where no child starts), or a refused file.
            refused_whole[i] = read[i].parsed.file_refused ? 1 : 0;
            read[i].children.reserve(reader.children_met().size());
            for (const auto& id : reader.children_met()) read[i].children.push_back(std::hash<std::string>{}(id));
            in_order.done(i);
        });
    }
    pieces.run(tasks);
    std::vector<std::vector<std::uint64_t>> children;
    for (std::size_t i = 0; i < read.size(); ++i) {
        if (refused_whole[i] != 0) return whole();
        children.push_back(std::move(read[i].children));
    }
    if (shared_between(std::move(children))) return whole();
    return std::move(out);
}

}  // namespace assure
