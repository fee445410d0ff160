#pragma once
// The XmlReader port over libxml2's SAX2 push parser (decision 0048: about 2.7 times as fast as
// expat on a census). Element names are passed as written, "prefix:name" when prefixed, as the
// census files use none. A document type declaration is refused as soon as it starts, before
// anything inside it is read, so no entity a file declares is ever expanded; nothing is
// fetched from the network, and the document's own encoding declaration is ignored: a census
// is UTF-8.
#include "app/ports/xml.hpp"

namespace assure::ingest {

class Libxml2XmlReader final : public XmlReader {
public:
    Libxml2XmlReader();  // initialises libxml2 once, before any thread reads with it
    using XmlReader::read;
    void read(std::span<const std::string_view> parts, XmlEvents& events) const override;
};

}  // namespace assure::ingest
