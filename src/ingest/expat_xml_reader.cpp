#include "ingest/expat_xml_reader.hpp"

#include <expat.h>

#include <algorithm>
#include <memory>
#include <string>

namespace assure::ingest {
namespace {

struct Pump {
    XML_Parser parser;
    XmlEvents& events;
    bool refused = false;  // stopped by us, with the reason already sent
};

int line_of(XML_Parser p) { return static_cast<int>(XML_GetCurrentLineNumber(p)); }

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char**) {
    auto* pump = static_cast<Pump*>(data);
    pump->events.open(name, line_of(pump->parser));
}

void XMLCALL on_end(void* data, const XML_Char* name) { static_cast<Pump*>(data)->events.close(name); }

void XMLCALL on_text(void* data, const XML_Char* s, int len) {
    static_cast<Pump*>(data)->events.text(std::string_view(s, static_cast<std::size_t>(len)));
}

// A census never needs a DTD; refusing one keeps entity expansion out of reach entirely.
void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* pump = static_cast<Pump*>(data);
    pump->events.fail(line_of(pump->parser), "it declares a document type (<!DOCTYPE>), which a data file does not need");
    pump->refused = true;
    XML_StopParser(pump->parser, XML_FALSE);
}

}  // namespace

void ExpatXmlReader::read(std::string_view xml, XmlEvents& events) const {
    const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"), &XML_ParserFree);
    if (!parser) {
        events.fail(0, "there is not enough memory to read it");
        return;
    }
    Pump pump{parser.get(), events};
    XML_SetUserData(parser.get(), &pump);
    XML_SetElementHandler(parser.get(), on_start, on_end);
    XML_SetCharacterDataHandler(parser.get(), on_text);
    XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
    // Fed in pieces: expat's length is an int, and a year's census may pass 2 GB one day.
    constexpr std::size_t kPiece = 1 << 20;
    std::size_t at = 0;
    do {
        const std::size_t n = std::min(kPiece, xml.size() - at);
        const bool last = at + n == xml.size();
        if (XML_Parse(parser.get(), xml.data() + at, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) == XML_STATUS_ERROR) {
            if (!pump.refused) {
                events.fail(line_of(parser.get()),
                            std::string("it is not well-formed XML (") + XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
            }
            return;
        }
        at += n;
    } while (at < xml.size());
}

}  // namespace assure::ingest
