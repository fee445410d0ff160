#pragma once
// Reads an uploaded XML document for a use case (the CIN census import), sending its
// elements to a core reader. libxml2 in production (src/ingest).
#include <span>
#include <string_view>

#include "core/xml_events.hpp"

namespace assure {

struct XmlReader {
    virtual ~XmlReader() = default;
    // The document given in parts, read as if they were one text: a piece of a census is read
    // inside its wrapper without being copied into one.
    virtual void read(std::span<const std::string_view> parts, XmlEvents& events) const = 0;
    void read(std::string_view xml, XmlEvents& events) const {
        const std::string_view parts[] = {xml};
        read(parts, events);
    }
};

}  // namespace assure
