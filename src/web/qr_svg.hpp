#pragma once
// A QR code drawn as inline SVG from libqrencode's module matrix: no image file, no script, so
// the enrolment page works without JavaScript and under the Content-Security-Policy.
#include <string>

namespace assure::web {

// An <svg> of `text` encoded at error correction level M, with the four-module quiet zone the
// standard asks for, labelled for screen readers with `label`. Throws if the text cannot be
// encoded (far longer than any otpauth address).
std::string qr_svg(const std::string& text, const std::string& label);

}  // namespace assure::web
