#include "web/dataset_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "web/html.hpp"

namespace assure::web {
namespace {

constexpr double kWidth = 480;
constexpr double kHeight = 200;
constexpr double kLeft = 48;
constexpr double kRight = 16;
constexpr double kTop = 16;
constexpr double kBottom = 40;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

std::string trend_svg(const std::string& id, const std::string& title, const std::vector<TrendPoint>& points, Unit unit,
                      std::optional<double> target) {
    double low = 0;
    double high = 0;
    bool any = false;
    for (const auto& p : points) {
        if (!p.value) continue;
        high = any ? std::max(high, *p.value) : *p.value;
        any = true;
    }
    if (!any || points.empty()) return "";
    if (target) high = std::max(high, *target);
    if (unit == Unit::percentage) high = std::max(high, 1.0);
    high = high <= 0 ? 1 : high * 1.1;  // headroom above the highest point; counts start at zero
    const double plot_w = kWidth - kLeft - kRight;
    const double plot_h = kHeight - kTop - kBottom;
    const double step = points.size() > 1 ? plot_w / static_cast<double>(points.size() - 1) : 0;
    auto x = [&](std::size_t i) { return kLeft + (points.size() > 1 ? step * static_cast<double>(i) : plot_w / 2); };
    auto y = [&](double v) { return kTop + plot_h - (v - low) / (high - low) * plot_h; };

    std::string desc;
    for (const auto& p : points) {
        desc += (desc.empty() ? "" : "; ") + p.label + ": " + (p.value ? format_figure(*p.value, unit) : std::string("no figure"));
    }
    std::string svg = "<svg class=\"assure-trend\" role=\"img\" viewBox=\"0 0 " + num(kWidth) + " " + num(kHeight) +
                      "\" width=\"100%\" aria-labelledby=\"" + id + "-title " + id + "-desc\" xmlns=\"http://www.w3.org/2000/svg\">";
    svg += "<title id=\"" + id + "-title\">" + escape(title) + "</title>";
    svg += "<desc id=\"" + id + "-desc\">" + escape(desc) + "</desc>";
    // Axes: the baseline and the top of the scale, labelled.
    svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(y(low)) + "\" x2=\"" + num(kWidth - kRight) + "\" y2=\"" + num(y(low)) +
           "\" stroke=\"#505a5f\" stroke-width=\"1\"/>";
    svg += "<text x=\"" + num(kLeft - 6) + "\" y=\"" + num(y(low) + 4) + "\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">0</text>";
    svg += "<text x=\"" + num(kLeft - 6) + "\" y=\"" + num(y(high) + 4) + "\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">" +
           format_figure(high, unit == Unit::count ? Unit::rate_per_10000 : unit) + "</text>";
    if (target) {
        svg += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(y(*target)) + "\" x2=\"" + num(kWidth - kRight) + "\" y2=\"" + num(y(*target)) +
               "\" stroke=\"#505a5f\" stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>Target " + escape(format_figure(*target, unit)) +
               "</title></line>";
    }
    // The line joins consecutive figures; a period without one breaks it.
    std::string path;
    bool pen_down = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!points[i].value) {
            pen_down = false;
            continue;
        }
        path += (pen_down ? " L" : " M") + num(x(i)) + " " + num(y(*points[i].value));
        pen_down = true;
    }
    svg += "<path d=\"" + path.substr(1) + "\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\"/>";
    for (std::size_t i = 0; i < points.size(); ++i) {
        // Labels: the first, the last, and every other between when there are many.
        if (i == 0 || i + 1 == points.size() || points.size() <= 5 || i % 2 == 0) {
            svg += "<text x=\"" + num(x(i)) + "\" y=\"" + num(kHeight - 14) + "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">" +
                   escape(points[i].label) + "</text>";
        }
        if (!points[i].value) continue;
        svg += "<circle cx=\"" + num(x(i)) + "\" cy=\"" + num(y(*points[i].value)) + "\" r=\"4\" fill=\"#1d70b8\"/>";
    }
    return svg + "</svg>";
}

}  // namespace assure::web
