// The exception report: built on the scorecard's figures and trends, with the notes and
// priority narratives written for the period. Each write checks the indicator is an exception
// in the period and that an action named is on the partnership's plan, and is audited in its
// own transaction.
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "app/dataset_exceptions.hpp"
#include "app/learning/internal.hpp"
#include "core/failure.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

// The directory agency an agency lead speaks for, if any.
std::optional<Agency> lead_agency(Transaction& tx, const Actor& actor) {
    if (actor.role != Role::agency_lead) return std::nullopt;
    const auto id = learning_detail::agency_scope(tx, actor);
    if (!id || !id->valid()) return std::nullopt;
    return tx.agencies().find(actor.partnership, *id);
}

bool may_write_note(const Actor& actor, const std::optional<Agency>& agency, const IndicatorDefinition& d) {
    if (actor.can(Permission::manage_dataset)) return true;
    return agency && agency_is_source(*agency, d.source_agency);
}

std::vector<std::optional<double>> figures_of(const ScorecardLine& l) {
    std::vector<std::optional<double>> out;
    for (const auto& v : l.trend) out.push_back(v.value);
    return out;
}

DatasetPeriod period_of(const std::string& text) {
    const auto p = DatasetPeriod::parse(text);
    if (!p) throw Failure::invalid({{"period", "period must be a financial year such as 2016-17 or a quarter such as 2016-17-Q1"}});
    return *p;
}

std::string note_audit(const ExceptionNote& n) {
    nlohmann::json j{{"code", n.code}, {"period", n.period.key()}, {"narrative", n.narrative}, {"action_taken", n.action_taken}};
    j["action_id"] = n.action ? nlohmann::json(n.action->value) : nlohmann::json(nullptr);
    return j.dump();
}

}  // namespace

ExceptionReport read_exception_report(Services& s, const Actor& actor, std::optional<DatasetPeriod> period) {
    require(actor, Permission::view_dataset);
    const Scorecard card = read_scorecard(s, actor, period, true);
    ExceptionReport r;
    r.period = card.period;
    r.periods = card.periods;
    r.may_write_narratives = actor.can(Permission::manage_dataset);
    std::vector<ExceptionNote> notes;
    std::vector<PriorityNarrative> narratives;
    std::optional<Agency> agency;
    s.store.read([&](Transaction& tx) {
        notes = tx.dataset().exception_notes(actor.partnership, card.period);
        narratives = tx.dataset().priority_narratives(actor.partnership, card.period);
        agency = lead_agency(tx, actor);
    });
    std::vector<std::string> priorities;
    for (const auto& l : card.lines) {
        if (!l.definition.priority.empty() && std::find(priorities.begin(), priorities.end(), l.definition.priority) == priorities.end()) {
            priorities.push_back(l.definition.priority);
        }
        const ExceptionFlags flags = exception_flags(l.rag, l.definition.polarity, figures_of(l));
        if (!flags.any()) continue;
        ExceptionLine e;
        e.line = l;
        e.flags = flags;
        const auto note = std::find_if(notes.begin(), notes.end(), [&](const ExceptionNote& n) { return n.code == l.definition.code; });
        if (note != notes.end()) {
            e.note = *note;
        } else {
            e.note.code = l.definition.code;
            e.note.period = card.period;
        }
        e.may_write = may_write_note(actor, agency, l.definition);
        r.lines.push_back(std::move(e));
    }
    for (const auto& p : priorities) {
        const auto it = std::find_if(narratives.begin(), narratives.end(), [&](const PriorityNarrative& n) { return n.priority == p; });
        PriorityNarrative n;
        if (it != narratives.end()) {
            n = *it;
        } else {
            n.priority = p;
            n.period = card.period;
        }
        r.narratives.push_back(std::move(n));
    }
    return r;
}

ExceptionNote save_exception_note(Services& s, const Actor& actor, const std::string& period_text, const std::string& code,
                                  int expected_version, const std::string& narrative, const std::string& action_taken,
                                  const std::string& action_id) {
    require(actor, Permission::view_dataset);
    const DatasetPeriod period = period_of(period_text);
    std::optional<std::int64_t> action;
    if (auto errors = check_exception_note(narrative, action_taken, action_id, action); !errors.empty()) throw Failure::invalid(errors);
    // The indicator must be an exception in the period: the scorecard's figures say so.
    const auto report = read_exception_report(s, actor, period);
    const auto line = std::find_if(report.lines.begin(), report.lines.end(), [&](const ExceptionLine& l) { return l.line.definition.code == code; });
    if (line == report.lines.end()) {
        throw Failure::invalid({{"code", code + " is not red or off trend in " + period.label() + ": it needs no exception note"}});
    }
    if (!line->may_write) throw Failure::forbidden("the indicator's source agency or the business unit writes its note");
    ExceptionNote out;
    s.store.write([&](Transaction& tx) {
        const auto notes = tx.dataset().exception_notes(actor.partnership, period);
        const auto before = std::find_if(notes.begin(), notes.end(), [&](const ExceptionNote& n) { return n.code == code; });
        const int stored = before == notes.end() ? 0 : before->version;
        if (stored != expected_version) throw Failure::stale("exception note");
        if (action && !tx.learning().find_improvement(actor.partnership, ImprovementId{*action})) {
            throw Failure::invalid({{"action_id", "There is no action " + std::to_string(*action) + " on the partnership's action plan"}});
        }
        out.code = code;
        out.period = period;
        out.narrative = trim(narrative);
        out.action_taken = trim(action_taken);
        if (action) out.action = ImprovementId{*action};
        out.updated_by_label = actor.label;
        out.updated_at = s.clock.now();
        out.version = stored;
        if (!tx.dataset().put_exception_note(actor.partnership, out)) throw Failure::stale("exception note");
        out.version = stored + 1;
        record_audit(tx, actor, out.updated_at, stored == 0 ? "dataset.exception.note" : "dataset.exception.note.change", "dataset_exception_note",
                     period.key() + ":" + code, before == notes.end() ? "" : note_audit(*before), note_audit(out));
    });
    return out;
}

PriorityNarrative save_priority_narrative(Services& s, const Actor& actor, const std::string& period_text, const std::string& priority,
                                          int expected_version, const std::string& narrative) {
    require(actor, Permission::manage_dataset);
    const DatasetPeriod period = period_of(period_text);
    if (auto errors = check_priority_narrative(narrative); !errors.empty()) throw Failure::invalid(errors);
    PriorityNarrative out;
    s.store.write([&](Transaction& tx) {
        auto catalogue = tx.dataset().catalogue(actor.partnership);
        if (catalogue.empty()) catalogue = default_indicator_catalogue();
        if (std::none_of(catalogue.begin(), catalogue.end(), [&](const IndicatorDefinition& d) { return d.priority == priority; })) {
            throw Failure::invalid({{"priority", "\"" + priority + "\" is not a priority of the scorecard"}});
        }
        const auto all = tx.dataset().priority_narratives(actor.partnership, period);
        const auto before = std::find_if(all.begin(), all.end(), [&](const PriorityNarrative& n) { return n.priority == priority; });
        const int stored = before == all.end() ? 0 : before->version;
        if (stored != expected_version) throw Failure::stale("priority narrative");
        out = PriorityNarrative{priority, period, trim(narrative), actor.label, s.clock.now(), stored};
        if (!tx.dataset().put_priority_narrative(actor.partnership, out)) throw Failure::stale("priority narrative");
        out.version = stored + 1;
        const auto shape = [](const PriorityNarrative& n) {
            return nlohmann::json{{"priority", n.priority}, {"period", n.period.key()}, {"narrative", n.narrative}}.dump();
        };
        record_audit(tx, actor, out.updated_at, "dataset.priority.narrative", "dataset_priority_narrative", period.key() + ":" + priority,
                     before == all.end() ? "" : shape(*before), shape(out));
    });
    return out;
}

}  // namespace assure
