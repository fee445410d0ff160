#pragma once
// Bar charts drawn as SVG on the server (the yearly report, attendance): readable without JavaScript,
// the same in the page and in print, named for assistive technology by a title and a
// description that reads every figure out. The report puts the same figures in a table.
#include <string>
#include <vector>

namespace assure::web {

struct Bar {
    std::string label;       // "Merseyside Police"
    double value = 0;        // the bar's length against the chart's scale
    std::string value_text;  // "88%", "1,756": what the bar's end and the description say
};

// An inline <svg role="img"> of horizontal bars, one per item in the order given; "" when there
// are none. `id` makes its title's id unique on the page; `scale` is the value of a full bar
// (0: the largest value).
std::string bar_chart_svg(const std::string& id, const std::string& title, const std::vector<Bar>& bars, double scale = 0);

}  // namespace assure::web
