#include "web/report_chart.hpp"

#include <algorithm>
#include <cstdio>

#include "web/html.hpp"

namespace assure::web {
namespace {

constexpr double kWidth = 480;
constexpr double kLabelWidth = 190;  // labels end here, right-aligned
constexpr double kBarStart = 196;
constexpr double kBarEnd = 420;      // room after the longest bar for its figure
constexpr double kRow = 26;
constexpr double kBarHeight = 18;
constexpr std::size_t kLabelChars = 28;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A long name is shortened in the drawing only; the description and the table keep it whole.
std::string short_label(const std::string& label) {
    if (label.size() <= kLabelChars) return label;
    std::string cut = label.substr(0, kLabelChars - 1);
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();  // never split a UTF-8 character
    if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
    return cut + "\u2026";
}

}  // namespace

std::string bar_chart_svg(const std::string& id, const std::string& title, const std::vector<Bar>& bars, double scale) {
    if (bars.empty()) return "";
    double full = scale;
    if (full <= 0) {
        for (const auto& b : bars) full = std::max(full, b.value);
    }
    if (full <= 0) full = 1;
    const double height = kRow * static_cast<double>(bars.size()) + 8;
    std::string desc;
    for (const auto& b : bars) desc += (desc.empty() ? "" : "; ") + b.label + ": " + b.value_text;
    std::string svg = "<svg class=\"assure-bar-chart\" role=\"img\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) +
                      "\" width=\"100%\" aria-labelledby=\"" + id + "-title " + id + "-desc\" xmlns=\"http://www.w3.org/2000/svg\">";
    svg += "<title id=\"" + id + "-title\">" + escape(title) + "</title>";
    svg += "<desc id=\"" + id + "-desc\">" + escape(desc) + "</desc>";
    svg += "<line x1=\"" + num(kBarStart) + "\" y1=\"0\" x2=\"" + num(kBarStart) + "\" y2=\"" + num(height - 4) +
           "\" stroke=\"#505a5f\" stroke-width=\"1\"/>";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& b = bars[i];
        const double top = 4 + kRow * static_cast<double>(i);
        const double length = std::clamp(b.value / full, 0.0, 1.0) * (kBarEnd - kBarStart);
        const double text_y = top + kBarHeight / 2 + 4;
        svg += "<text x=\"" + num(kLabelWidth) + "\" y=\"" + num(text_y) + "\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">" +
               escape(short_label(b.label)) + "</text>";
        svg += "<rect x=\"" + num(kBarStart) + "\" y=\"" + num(top) + "\" width=\"" + num(length) + "\" height=\"" + num(kBarHeight) +
               "\" fill=\"#1d70b8\"/>";
        svg += "<text x=\"" + num(kBarStart + length + 4) + "\" y=\"" + num(text_y) + "\" font-size=\"12\" fill=\"#0b0c0c\">" +
               escape(b.value_text) + "</text>";
    }
    return svg + "</svg>";
}

}  // namespace assure::web
