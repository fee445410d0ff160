#pragma once
// What a reader of an XML format is told as a parser meets the document: elements opening
// (with their line) and closing, the text inside them, or that the bytes are not XML. Core
// readers (the CIN census) take these; the parsing is an adapter's, outside core.
#include <string_view>

namespace assure {

struct XmlEvents {
    virtual ~XmlEvents() = default;
    virtual void open(std::string_view element, int line) = 0;
    // Any part of an element's text; an element's text may come in several parts.
    virtual void text(std::string_view chars) = 0;
    virtual void close(std::string_view element) = 0;
    // The document is not well-formed (or declares what a data file never needs); nothing
    // further is sent.
    virtual void fail(int line, std::string_view problem) = 0;
};

}  // namespace assure
