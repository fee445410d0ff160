#pragma once
// Errors independent of HTTP. A Failure carries a code (mapped to a status at the edge),
// a plain message for the person, field-level messages, and an internal detail for the log.
#include <stdexcept>
#include <string>
#include <vector>

namespace assure {

enum class FailureCode { invalid, not_found, forbidden, unauthenticated, conflict, unavailable };

struct FieldError {
    std::string field;    // the input's name, e.g. "email"
    std::string message;  // what the person reads, e.g. "Enter an email address"
    bool operator==(const FieldError&) const = default;
};

using FieldErrors = std::vector<FieldError>;

class Failure : public std::runtime_error {
public:
    Failure(FailureCode code, std::string message, FieldErrors fields = {}, std::string detail = {})
        : std::runtime_error(message), code_(code), fields_(std::move(fields)), detail_(std::move(detail)) {}

    [[nodiscard]] FailureCode code() const { return code_; }
    [[nodiscard]] const FieldErrors& fields() const { return fields_; }
    [[nodiscard]] const std::string& detail() const { return detail_; }

    static Failure invalid(FieldErrors fields) {
        return {FailureCode::invalid, "There is a problem with the information you gave", std::move(fields)};
    }
    static Failure not_found(std::string what) {
        return {FailureCode::not_found, "Page not found", {}, std::move(what)};
    }
    static Failure forbidden(std::string detail) {
        return {FailureCode::forbidden, "You do not have permission to do this", {}, std::move(detail)};
    }
    static Failure stale(std::string what) {
        return {FailureCode::conflict,
                "Someone else changed this " + what + " while you were editing it. Check their changes and try again."};
    }

private:
    FailureCode code_;
    FieldErrors fields_;
    std::string detail_;
};

}  // namespace assure
