#include "web/qr_svg.hpp"

#include <memory>
#include <stdexcept>

#include <qrencode.h>

#include "web/html.hpp"

namespace assure::web {

std::string qr_svg(const std::string& text, const std::string& label) {
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                               &QRcode_free);
    if (!code) throw std::runtime_error("the QR code could not be made");
    constexpr int kQuiet = 4;
    const int width = code->width;
    const int size = width + 2 * kQuiet;
    // One path of unit squares, one per dark module (bit 0 of each byte): small, and crisp at
    // any zoom. Presentation attributes, not style, so the page's CSP needs no exception.
    std::string path;
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if ((code->data[y * width + x] & 1) == 0) continue;
            path += 'M' + std::to_string(x + kQuiet) + ' ' + std::to_string(y + kQuiet) + "h1v1h-1z";
        }
    }
    const std::string box = std::to_string(size);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"assure-qr\" viewBox=\"0 0 " + box + " " + box +
           "\" width=\"220\" height=\"220\" role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">"
           "<title id=\"qr-title\">" + escape(label) + "</title>"
           "<rect width=\"" + box + "\" height=\"" + box + "\" fill=\"#ffffff\"/>"
           "<path d=\"" + path + "\" fill=\"#0b0c0c\"/></svg>";
}

}  // namespace assure::web
