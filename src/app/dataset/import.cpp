// ImportDatasetFile: one uploaded CSV into the dataset, all or nothing unless the person
// accepts the valid rows, with the report the person reads and an audit row in the same
// transaction. Children's ids are replaced by the keyed digest as the file is read.
#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "app/dataset.hpp"
#include "app/dataset/internal.hpp"
#include "app/ports/dataset_cin.hpp"
#include "app/threads.hpp"
#include "core/dataset_pieces.hpp"
#include "core/failure.hpp"

namespace assure {
namespace {

constexpr std::array<std::pair<ImportKind, std::string_view>, 7> kKinds{{
    {ImportKind::ssda903_header, "ssda903-header"},
    {ImportKind::ssda903_episodes, "ssda903-episodes"},
    {ImportKind::ssda903_missing, "ssda903-missing"},
    {ImportKind::missing, "missing"},
    {ImportKind::cin_census, "cin-census"},
    {ImportKind::population, "population"},
    {ImportKind::indicator_values, "indicator-values"},
}};

template <class Row>
std::vector<std::string> canonical_rows(const std::vector<Row>& rows) {
    std::vector<std::string> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(canonical(r));
    return out;
}

std::string audit_json(const ImportReport& r) {
    nlohmann::json j{{"kind", r.kind},
                     {"period", r.period},
                     {"file_name", r.file_name},
                     {"rows_read", r.rows_read},
                     {"rows_saved", r.rows_saved},
                     {"rows_refused", r.refused.size()},
                     {"added", r.changes.added},
                     {"removed", r.changes.removed},
                     {"unchanged", r.changes.unchanged}};
    if (r.replaces) j["replaces_import_id"] = r.replaces->value;
    return j.dump();
}

std::string previous_json(const DatasetImport& i) {
    return nlohmann::json{{"import_id", i.id.value}, {"rows_saved", i.rows_saved}, {"file_name", i.file_name}}.dump();
}

// Rows of a year's extract that are not the year's: an episode not open in it, a missing
// episode that did not start in it, and a row about a child the year's header does not have.
template <class Row, class InYear>
void refuse_outside(std::vector<Row>& rows, std::vector<Refusal>& refused, const std::set<std::string>* known_children,
                    const DatasetPeriod& year, InYear in_year, const char* date_column) {
    // Kept rows close up in place: a year's file is a million rows, not worth a second copy.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto& r = rows[i];
        if (!in_year(r)) {
            refused.push_back({r.line, date_column, std::string("The row is not in ") + year.label() + ", the year this import is for"});
        } else if (known_children && !known_children->contains(r.child)) {
            refused.push_back({r.line, "CHILD", "The child has no row in the " + year.label() + " SSDA903 header: import the header first"});
        } else {
            if (kept != i) rows[kept] = std::move(r);
            ++kept;
        }
    }
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(kept), rows.end());
}

// The census's XML through the server's reader into core's, which checks each child; a large
// census in pieces of 8 MiB, each copied to be parsed on its own (pieces of 32 MiB read an
// England census 0.18 s slower, 4 MiB no faster: decision 0047).
ParsedCensus read_census(const Services& s, int year, std::string_view xml, const Pseudonymise& pseudonymise) {
    if (!s.xml) throw Failure(FailureCode::unavailable, "This server cannot read XML, so the CIN census cannot be imported");
    const XmlReader& parser = *s.xml;
    return read_cin_census(
        xml, year, pseudonymise,
        [&](std::span<const std::string_view> parts, XmlEvents& events) { parser.read(parts, events); },
        import_pieces(xml.size(), 8u << 20));
}

}  // namespace

void adopt_catalogue_if_none(Transaction& tx, const Actor& actor, Instant at) {
    if (!tx.dataset().catalogue(actor.partnership).empty()) return;
    for (const auto& d : default_indicator_catalogue()) tx.dataset().put_indicator(actor.partnership, d);
    for (const auto& b : default_benchmarks()) tx.dataset().put_benchmark(actor.partnership, b);
    record_audit(tx, actor, at, "dataset.catalogue.adopt", "dataset_catalogue", actor.partnership.str(), "",
                 nlohmann::json{{"indicators", default_indicator_catalogue().size()}, {"benchmarks", default_benchmarks().size()}}.dump());
}

std::optional<ImportKind> parse_import_kind(std::string_view key) {
    for (const auto& [k, name] : kKinds) {
        if (name == key) return k;
    }
    return std::nullopt;
}

std::string_view import_kind_key(ImportKind kind) {
    for (const auto& [k, name] : kKinds) {
        if (k == kind) return name;
    }
    return "unknown";
}

const std::vector<ImportKind>& all_import_kinds() {
    static const std::vector<ImportKind> kinds = [] {
        std::vector<ImportKind> out;
        for (const auto& [k, name] : kKinds) out.push_back(k);
        return out;
    }();
    return kinds;
}

bool import_kind_has_period(ImportKind kind) { return kind != ImportKind::population && kind != ImportKind::indicator_values; }

ImportReport import_dataset_file(Services& s, const Actor& actor, const ImportRequest& request) {
    require(actor, Permission::manage_dataset);
    const auto kind = parse_import_kind(request.kind);
    if (!kind) {
        throw Failure::invalid({{"kind", "kind must be one of ssda903-header, ssda903-episodes, ssda903-missing, missing, cin-census, "
                                         "population, indicator-values"}});
    }
    std::optional<DatasetPeriod> year;
    if (import_kind_has_period(*kind)) {
        year = DatasetPeriod::parse(request.period);
        if (!year || !year->is_year()) {
            throw Failure::invalid({{"period", "Enter the financial year the extract is for, such as 2016-17"}});
        }
    }
    if (!s.sealer) {
        throw Failure(FailureCode::unavailable,
                      "Children's records cannot be imported: this server has no case key to replace their ids with");
    }
    const std::string context = "dataset-child:" + actor.partnership.str();
    const Pseudonymise pseudonymise = [&](std::string_view id) { return s.sealer->keyed_digest(context, id); };

    ImportReport report;
    report.kind = std::string(import_kind_key(*kind));
    report.period = year ? year->key() : "";
    report.file_name = request.file_name.substr(0, 200);
    const Instant now = s.clock.now();

    // The record extracts are read and checked before the transaction: a year's file is up to a
    // million rows, and the write lock is held only for the checks against the store and the save.
    std::optional<Parsed<ChildRecord>> header;
    std::optional<Parsed<EpisodeRecord>> episodes;
    std::optional<Parsed<MissingRecord>> missing;
    std::optional<Parsed<PopulationRecord>> population;
    std::optional<ParsedCensus> census;
    const Pieces pieces = import_pieces(request.content.size());
    switch (*kind) {
        case ImportKind::ssda903_header: header = read_ssda903_header(request.content, pseudonymise, pieces); break;
        case ImportKind::ssda903_episodes: episodes = read_ssda903_episodes(request.content, pseudonymise, pieces); break;
        case ImportKind::ssda903_missing:
        case ImportKind::missing: missing = read_missing(request.content, pseudonymise, pieces); break;
        case ImportKind::cin_census: census = read_census(s, year->year, request.content, pseudonymise); break;
        case ImportKind::population: population = read_population(request.content); break;
        case ImportKind::indicator_values: break;  // checked against the partnership's catalogue, in the transaction
    }

    s.store.write([&](Transaction& tx) {
        auto& repo = tx.dataset();
        const PartnershipId p = actor.partnership;
        auto in_year_episode = [&](const EpisodeRecord& e) { return e.start <= year->end() && (!e.end || *e.end >= year->start()); };
        auto in_year_missing = [&](const MissingRecord& m) { return year->contains(m.start); };

        // Read and check; `save` writes the valid rows once the import's row exists.
        std::vector<std::string> before;
        std::vector<std::string> after;
        std::function<void(DatasetImportId)> save;
        auto take = [&](auto& parsed) {
            report.rows_read = parsed.rows_read;
            report.file_refused = parsed.file_refused;
            report.refused = std::move(parsed.refused);
        };
        switch (*kind) {
            case ImportKind::ssda903_header: {
                auto& parsed = *header;
                take(parsed);
                before = canonical_rows(repo.children(p, year->year));
                after = canonical_rows(parsed.rows);
                save = [&, rows = std::move(parsed.rows)](DatasetImportId id) { repo.replace_children(p, year->year, id, rows); };
                break;
            }
            case ImportKind::ssda903_episodes: {
                auto& parsed = *episodes;
                take(parsed);
                std::set<std::string> known;
                for (auto& c : repo.children(p, year->year)) known.insert(std::move(c.child));
                refuse_outside(parsed.rows, report.refused, &known, *year, in_year_episode, "DECOM");
                before = canonical_rows(repo.episodes(p, year->year));
                after = canonical_rows(parsed.rows);
                save = [&, rows = std::move(parsed.rows)](DatasetImportId id) { repo.replace_episodes(p, year->year, id, rows); };
                break;
            }
            case ImportKind::ssda903_missing:
            case ImportKind::missing: {
                const bool looked_after = *kind == ImportKind::ssda903_missing;
                const auto source = looked_after ? MissingSource::looked_after : MissingSource::all_children;
                auto& parsed = *missing;
                take(parsed);
                // The looked-after children's table is the 903's: each child has a header row. The
                // all-children file is the police's and the missing service's: most have none.
                std::set<std::string> known;
                if (looked_after) {
                    for (auto& c : repo.children(p, year->year)) known.insert(std::move(c.child));
                }
                refuse_outside(parsed.rows, report.refused, looked_after ? &known : nullptr, *year, in_year_missing, "MIS_START");
                before = canonical_rows(repo.missing(p, year->year, source));
                after = canonical_rows(parsed.rows);
                save = [&, source, rows = std::move(parsed.rows)](DatasetImportId id) { repo.replace_missing(p, year->year, source, id, rows); };
                break;
            }
            case ImportKind::cin_census: {
                auto* with = dynamic_cast<DatasetCinTransaction*>(&tx);
                if (with == nullptr) throw Failure(FailureCode::unavailable, "The CIN census is not kept by this store", {}, "no DatasetCinTransaction");
                auto& parsed = *census;
                report.rows_read = parsed.children_read;
                report.file_refused = parsed.file_refused;
                report.refused = std::move(parsed.refused);
                before = canonical_children(with->dataset_cin().census(p, year->year));
                after = canonical_children(parsed.census);
                save = [&, with, rows = std::move(parsed.census)](DatasetImportId id) { with->dataset_cin().replace_census(p, year->year, id, rows); };
                break;
            }
            case ImportKind::population: {
                auto& parsed = *population;
                take(parsed);
                const auto stored = repo.population(p);
                for (const auto& r : parsed.rows) {
                    if (const auto it = stored.find(r.year); it != stored.end()) before.push_back(canonical(PopulationRecord{r.year, it->second, 0}));
                }
                after = canonical_rows(parsed.rows);
                save = [&, rows = std::move(parsed.rows)](DatasetImportId id) {
                    for (const auto& r : rows) repo.put_population(p, r, id);
                };
                break;
            }
            case ImportKind::indicator_values: {
                auto catalogue = repo.catalogue(p);
                if (catalogue.empty()) catalogue = default_indicator_catalogue();
                auto known = [&](std::string_view code) {
                    return std::any_of(catalogue.begin(), catalogue.end(), [&](const auto& d) {
                        return d.code == code && d.source == IndicatorSource::agency_return && d.rate_of.empty();
                    });
                };
                auto parsed = read_indicator_values(request.content, known);
                take(parsed);
                int from = 9999;
                int to = 0;
                for (const auto& r : parsed.rows) {
                    from = std::min(from, r.period.year);
                    to = std::max(to, r.period.year);
                }
                std::set<std::pair<std::string, DatasetPeriod>> keys;
                for (const auto& r : parsed.rows) keys.insert({r.code, r.period});
                if (!parsed.rows.empty()) {
                    for (const auto& v : repo.returned_values(p, from, to)) {
                        if (keys.contains({v.code, v.period})) before.push_back(canonical(ReturnedValue{v.code, v.period, v.value, v.numerator, v.denominator, 0}));
                    }
                }
                after = canonical_rows(parsed.rows);
                save = [&, rows = std::move(parsed.rows)](DatasetImportId id) {
                    for (const auto& r : rows) repo.put_value(p, r, id);
                };
                break;
            }
        }
        std::sort(report.refused.begin(), report.refused.end(), [](const Refusal& a, const Refusal& b) { return a.line < b.line; });
        report.rows_valid = static_cast<int>(after.size());
        if (report.file_refused || (!report.refused.empty() && !request.accept_valid)) {
            return;  // nothing written: the transaction commits no change
        }
        report.rows_saved = report.rows_valid;
        const auto previous = repo.latest_import(p, report.kind, report.period);
        report.changes = changes_between(std::move(before), std::move(after), !previous.has_value());
        if (previous) report.replaces = previous->id;
        adopt_catalogue_if_none(tx, actor, now);
        DatasetImport row{DatasetImportId{}, p, report.kind, report.period, report.file_name, report.rows_read, report.rows_saved,
                          static_cast<int>(report.refused.size()), report.changes, report.replaces, actor.user, actor.label, now};
        const auto id = repo.insert_import(row);
        save(id);
        report.id = id;
        report.saved = true;
        record_audit(tx, actor, now, previous ? "dataset.import.replace" : "dataset.import", "dataset_import", id.str(),
                     previous ? previous_json(*previous) : "", audit_json(report));
    });
    return report;
}

Page<DatasetImport> list_dataset_imports(Services& s, const Actor& actor, const PageRequest& page) {
    require(actor, Permission::view_dataset);
    Page<DatasetImport> out;
    s.store.read([&](Transaction& tx) { out = tx.dataset().imports(actor.partnership, page); });
    return out;
}

}  // namespace assure
