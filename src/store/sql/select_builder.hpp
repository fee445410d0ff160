#pragma once
// A SELECT put together from the filters a query object sets, each condition with its
// arguments, bound in placeholder order. The text depends only on which filters are set, so
// the connection's statement cache holds one statement per combination.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "store/sql/connection.hpp"

namespace assure::sql {

class SelectBuilder {
public:
    explicit SelectBuilder(std::string head) : sql_(std::move(head)) {}

    // An argument for a placeholder written in the head, before any condition's.
    SelectBuilder& arg(std::int64_t v) { args_.emplace_back(v); return *this; }
    SelectBuilder& arg(std::string v) { args_.emplace_back(std::move(v)); return *this; }

    // Adds "AND condition" (the first is "WHERE condition"); give its arguments with arg().
    SelectBuilder& where(const std::string& condition) {
        sql_ += where_started_ ? " AND " : " WHERE ";
        sql_ += condition;
        where_started_ = true;
        return *this;
    }
    // "column IN (?, ?, …)" with one argument per value.
    template <class Values, class ToArg>
    SelectBuilder& where_in(const std::string& column, const Values& values, ToArg to_arg) {
        std::string list;
        for (const auto& v : values) {
            list += list.empty() ? "?" : ", ?";
            arg(to_arg(v));
        }
        return where(column + " IN (" + list + ")");
    }
    // Text after the conditions (GROUP BY, ORDER BY, LIMIT ?).
    SelectBuilder& then(const std::string& text) {
        sql_ += " ";
        sql_ += text;
        return *this;
    }

    // The cached statement with every argument bound, ready to step.
    Statement& run(Connection& db) const {
        auto& q = db.cached(sql_);
        int index = 1;
        for (const auto& a : args_) {
            std::visit([&](const auto& v) { q.bind(index, v); }, a);
            ++index;
        }
        return q;
    }
    [[nodiscard]] const std::string& sql() const { return sql_; }

private:
    std::string sql_;
    std::vector<std::variant<std::int64_t, std::string>> args_;
    bool where_started_ = false;
};

}  // namespace assure::sql
