#pragma once
// A trend drawn as SVG on the server: readable without JavaScript, named for assistive
// technology by its title and a description that reads the figures out. The page puts the
// same figures in a table beside it.
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace assure::web {

struct TrendPoint {
    std::string label;  // "2016/17", "Q1 2016/17"
    std::optional<double> value;
};

// An inline <svg role="img"> line chart; "" when no point has a value. `id` makes its title's
// id unique on the page. A target, if given, is drawn as a dashed line.
std::string trend_svg(const std::string& id, const std::string& title, const std::vector<TrendPoint>& points, Unit unit,
                      std::optional<double> target);

}  // namespace assure::web
