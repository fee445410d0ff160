#include "ingest/libxml2_xml_reader.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

namespace assure::ingest {
namespace {

struct Pump {
    xmlParserCtxtPtr parser = nullptr;
    XmlEvents& events;
    bool refused = false;  // stopped by us, with the reason already sent
    std::string name;      // "prefix:name" put together for a prefixed element
};

Pump& pump_of(void* context) { return *static_cast<Pump*>(static_cast<xmlParserCtxtPtr>(context)->_private); }

int line_of(const Pump& pump) { return xmlSAX2GetLineNumber(pump.parser); }

std::string_view name_of(Pump& pump, const xmlChar* local, const xmlChar* prefix) {
    const auto* name = reinterpret_cast<const char*>(local);
    if (prefix == nullptr) return name;
    pump.name.assign(reinterpret_cast<const char*>(prefix)).append(1, ':').append(name);
    return pump.name;
}

void on_start(void* context, const xmlChar* local, const xmlChar* prefix, const xmlChar*, int, const xmlChar**, int, int, const xmlChar**) {
    auto& pump = pump_of(context);
    pump.events.open(name_of(pump, local, prefix), line_of(pump));
}

void on_end(void* context, const xmlChar* local, const xmlChar* prefix, const xmlChar*) {
    auto& pump = pump_of(context);
    pump.events.close(name_of(pump, local, prefix));
}

void on_text(void* context, const xmlChar* chars, int length) {
    pump_of(context).events.text(std::string_view(reinterpret_cast<const char*>(chars), static_cast<std::size_t>(length)));
}

// A census never needs a DTD; refusing one as it starts keeps entity expansion out of reach.
void on_doctype(void* context, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto& pump = pump_of(context);
    if (pump.refused) return;
    pump.events.fail(line_of(pump), "it declares a document type (<!DOCTYPE>), which a data file does not need");
    pump.refused = true;
    xmlStopParser(pump.parser);
}

// Errors are read from the parser once it stops; nothing is written to the server's stderr.
void quietly(void*, xmlErrorPtr) {}

// The parser's last error in words: libxml2's message, its line break dropped.
std::string problem_of(xmlParserCtxtPtr parser) {
    const xmlError* e = xmlCtxtGetLastError(parser);
    std::string text = e != nullptr && e->message != nullptr ? e->message : "it ends before the document does";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

}  // namespace

Libxml2XmlReader::Libxml2XmlReader() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

void Libxml2XmlReader::read(std::span<const std::string_view> parts, XmlEvents& events) const {
    xmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.ignorableWhitespace = on_text;  // all text is text, as the reader decides what matters
    sax.cdataBlock = on_text;
    sax.internalSubset = on_doctype;
    sax.serror = quietly;
    const std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> parser(xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr),
                                                                           &xmlFreeParserCtxt);
    if (!parser) {
        events.fail(0, "there is not enough memory to read it");
        return;
    }
    Pump pump{parser.get(), events, false, {}};
    parser->_private = &pump;
    xmlCtxtUseOptions(parser.get(), XML_PARSE_NONET | XML_PARSE_IGNORE_ENC);
    // Fed in pieces of at most 1 MiB: libxml2's length is an int, and a piece that fits the
    // cache is read faster than one that does not. The last is fed as the end (an empty
    // document too, which the parser then refuses).
    auto feed = [&](const char* bytes, std::size_t n, bool end) {
        const int error = xmlParseChunk(parser.get(), bytes, static_cast<int>(n), end ? 1 : 0);
        if (pump.refused) return false;
        if (error != 0 || !parser->wellFormed) {
            events.fail(line_of(pump), "it is not well-formed XML (" + problem_of(parser.get()) + ")");
            return false;
        }
        return true;
    };
    constexpr std::size_t kPiece = 1 << 20;
    std::size_t left = 0;
    for (const auto part : parts) left += part.size();
    if (left == 0) {
        feed(nullptr, 0, true);
        return;
    }
    for (const auto part : parts) {
        for (std::size_t at = 0; at < part.size();) {
            const std::size_t n = std::min(kPiece, part.size() - at);
            left -= n;
            if (!feed(part.data() + at, n, left == 0)) return;
            at += n;
        }
    }
}

}  // namespace assure::ingest
