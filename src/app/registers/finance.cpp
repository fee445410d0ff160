// Money: entries of a financial year (an opening balance for the first year kept, cash and in
// kind contributions, spending by heading, projections), and the year's figures summed from
// them. Spending that takes the balance carried forward below zero needs a reason.
#include "app/registers.hpp"
#include "app/registers/internal.hpp"
#include "core/fields.hpp"

namespace assure {

using namespace registers_detail;

namespace {

constexpr const char* kType = "finance_entry";

FinanceEntry entry_from(const FinanceInput& in, FieldErrors& e) {
    FinanceEntry x;
    if (auto y = FinancialYear::parse(trim(in.year))) x.year = *y;
    else e.push_back({"year", "Enter the financial year like 2016-17"});
    if (auto v = enum_field(e, "kind", in.kind, parse_finance_kind, "Select what kind of entry this is", true)) x.kind = *v;
    if (auto v = enum_field(e, "basis", in.basis.empty() ? std::string("actual") : in.basis, parse_basis,
                            "Select whether the amount is actual or projected", true)) {
        x.basis = *v;
    }
    x.contributor = trim(in.contributor);
    x.heading = enum_field(e, "heading", in.heading, parse_heading, "Select the heading of the expenditure from the list", false);
    std::string amount = trim(in.amount);
    if (amount.rfind("\xc2\xa3", 0) == 0) amount = amount.substr(2);  // a pound sign typed before the amount
    if (amount.empty()) e.push_back({"amount", "Enter the amount in pounds"});
    else if (auto p = parse_pounds(amount)) x.amount_pence = *p;
    else e.push_back({"amount", "Enter the amount in pounds, for example 148901 or 1250.50"});
    if (auto d = date_field(e, "on", in.on, "the date of the entry", true)) x.on = *d;
    x.description = trim(in.description);
    x.reason = trim(in.reason);
    return x;
}

}  // namespace

FinancialYear year_field(const std::string& text, const std::string& field) {
    auto y = FinancialYear::parse(trim(text));
    if (!y) throw Failure::invalid({{field, "Enter the financial year like 2016-17"}});
    return *y;
}

FinanceEntry record_finance_entry(Services& s, const Actor& actor, const FinanceInput& input) {
    require(actor, Permission::manage_registers);
    FieldErrors e;
    FinanceEntry x = entry_from(input, e);
    x.partnership = actor.partnership;
    x.created_at = s.clock.now();
    if (!e.empty()) throw Failure::invalid(std::move(e));
    s.store.write([&](Transaction& tx) {
        // Asked in the write transaction, so the balance cannot change between the check and the write.
        const bool earlier = tx.registers().has_finance_before(actor.partnership, x.year);
        // Spending in a year lowers the balance carried forward of that year and of every year
        // after it, so the lowest of them is what the spending must not take below zero.
        std::optional<std::int64_t> after;
        if (x.kind == FinanceKind::expenditure && x.basis == Basis::actual) {
            const int last = std::max(x.year.start, FinancialYear::of(london_today(s)).start + 1);
            for (int y = x.year.start; y <= last; ++y) {
                const FinancialYear year{y};
                const auto left = finance_figures(year, tx.registers().sum_finance(actor.partnership, year)).carried_forward - x.amount_pence;
                if (!after || left < *after) after = left;
            }
        }
        auto errors = validate_finance_entry(x, london_today(s), earlier, after);
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        x.id = tx.registers().insert_finance(x);
        record_audit(tx, actor, x.created_at, "finance_entry.create", kType, x.id.str(), "", finance_audit_json(x));
    });
    return x;
}

Page<FinanceEntry> list_finance_entries(Services& s, const Actor& actor, const RegisterFilter& filter, const PageRequest& page) {
    require(actor, Permission::view_finance);
    FieldErrors e;
    FinanceQuery q;
    q.partnership = actor.partnership;
    q.year = optional_year(e, filter.year);
    q.kind = enum_field(e, "kind", filter.kind, parse_finance_kind, "Select a kind of entry from the list", false);
    q.heading = enum_field(e, "heading", filter.heading, parse_heading, "Select a heading from the list", false);
    q.basis = enum_field(e, "basis", filter.basis, parse_basis, "Select actual or projected", false);
    q.text = trim(filter.text);
    q.page = page;
    if (!e.empty()) throw Failure::invalid(std::move(e));
    Page<FinanceEntry> out;
    s.store.read([&](Transaction& tx) { out = tx.registers().finance(q); });
    return out;
}

FinanceEntry read_finance_entry(Services& s, const Actor& actor, FinanceEntryId id) {
    require(actor, Permission::view_finance);
    std::optional<FinanceEntry> x;
    s.store.read([&](Transaction& tx) { x = tx.registers().find_finance(actor.partnership, id); });
    if (!x) throw Failure::not_found("finance entry " + id.str());
    return *x;
}

FinanceFigures finance_year_figures(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_finance);
    FinanceSums sums;
    s.store.read([&](Transaction& tx) { sums = tx.registers().sum_finance(actor.partnership, year); });
    return finance_figures(year, sums);
}

}  // namespace assure
