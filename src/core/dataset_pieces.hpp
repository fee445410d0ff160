#pragma once
// The dataset's large extracts read in pieces that may be read at once: a year's missing file
// is a million rows and its census a quarter of a gigabyte, and checking each row is most of an
// import's time. Each piece is read by the same rules as the whole file, and what they give is
// joined in the file's order, so the rows kept, the rows refused and their lines are exactly
// those of reading the file straight through. Where a piece cannot be read on its own (a
// quoted line break across a cut, a child whose id is also in another piece, a cut that is not
// between two children), the file is read straight through instead.
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "core/dataset_cin.hpp"
#include "core/dataset_records.hpp"
#include "core/pieces.hpp"
#include "core/xml_events.hpp"

namespace assure {

// `pseudonymise` is called from every piece at once when `pieces.run` runs them at once.
Parsed<ChildRecord> read_ssda903_header(std::string_view csv, const Pseudonymise& pseudonymise, const Pieces& pieces);
Parsed<EpisodeRecord> read_ssda903_episodes(std::string_view csv, const Pseudonymise& pseudonymise, const Pieces& pieces);
Parsed<MissingRecord> read_missing(std::string_view csv, const Pseudonymise& pseudonymise, const Pieces& pieces);

// An XML parser sending a document's elements to a reader (the XmlReader port's read): the
// document given in parts, read as if they were one text, so a piece of the census is parsed
// inside its wrapper without being copied into one.
using ParseXml = std::function<void(std::span<const std::string_view> parts, XmlEvents& events)>;

// The census cut between two <Child> elements of its <Children>; each piece is parsed as a
// document of its own (its children inside <Message><Children>), its lines counted as the file's.
ParsedCensus read_cin_census(std::string_view xml, int year, const Pseudonymise& pseudonymise, const ParseXml& parse, const Pieces& pieces);

}  // namespace assure
