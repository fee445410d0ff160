#pragma once
// Reads an uploaded XML document for a use case (the CIN census import), sending its
// elements to a core reader. libxml2 in production (src/ingest).
#include <string_view>

#include "core/xml_events.hpp"

namespace assure {

struct XmlReader {
    virtual ~XmlReader() = default;
    virtual void read(std::string_view xml, XmlEvents& events) const = 0;
};

}  // namespace assure
