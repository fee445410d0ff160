// Online modules and the provider's report of enrolments (app/training_modules.hpp), over the
// store's ModuleTransaction side interface; the sheet is read and the figures counted in core.
#include <nlohmann/json.hpp>

#include "app/ports/training_modules.hpp"
#include "app/training_modules.hpp"
#include "core/text.hpp"

namespace assure {
namespace {

constexpr const char* kModuleType = "training_module";

ModuleRepo& modules_of(Transaction& tx) {
    auto* with = dynamic_cast<ModuleTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Online modules are not kept by this store", {}, "no ModuleTransaction");
    return with->online_modules();
}

std::string module_json(const OnlineModule& m) {
    return nlohmann::json{{"title", m.title}, {"provider", m.provider}, {"link", m.link}, {"active", m.active}}.dump();
}

OnlineModule load_module(Transaction& tx, const Actor& actor, ModuleId id) {
    auto m = modules_of(tx).find(actor.partnership, id);
    if (!m) throw Failure::not_found("online module " + id.str());
    return *m;
}

OnlineModule checked(const ModuleInput& input) {
    FieldErrors errors;
    auto m = check_module(input, errors);
    if (!m) throw Failure::invalid(std::move(errors));
    return *m;
}

Failure title_taken(const std::string& title) { return Failure::invalid({{"title", "There is already an online module called " + title}}); }

}  // namespace

ModuleList list_modules(Services& s, const Actor& actor, FinancialYear year) {
    require(actor, Permission::view_training);
    ModuleList out;
    std::vector<ModuleEnrolment> enrolments;
    s.store.read([&](Transaction& tx) {
        out.modules = modules_of(tx).list(actor.partnership);
        enrolments = modules_of(tx).applied_between(actor.partnership, year.first_day(), year.last_day(), std::nullopt);
    });
    out.figures = module_figures(year, out.modules, enrolments);
    out.may_manage = actor.can(Permission::manage_training);
    return out;
}

OnlineModule add_module(Services& s, const Actor& actor, const ModuleInput& input) {
    require(actor, Permission::manage_training);
    OnlineModule m = checked(input);
    m.partnership = actor.partnership;
    s.store.write([&](Transaction& tx) {
        const auto id = modules_of(tx).add(m);
        if (!id) throw title_taken(m.title);
        m = load_module(tx, actor, *id);
        record_audit(tx, actor, s.clock.now(), "training_module.create", kModuleType, m.id.str(), "", module_json(m));
    });
    return m;
}

OnlineModule update_module(Services& s, const Actor& actor, ModuleId id, const ModuleInput& input, int expected_version) {
    require(actor, Permission::manage_training);
    OnlineModule after = checked(input);
    s.store.write([&](Transaction& tx) {
        const OnlineModule before = load_module(tx, actor, id);
        if (before.version != expected_version) throw Failure::stale("module");
        for (const auto& other : modules_of(tx).list(actor.partnership)) {
            if (other.id != id && lower(other.title) == lower(after.title)) throw title_taken(after.title);
        }
        after.id = id;
        after.partnership = actor.partnership;
        if (!modules_of(tx).save(after, expected_version)) throw Failure::stale("module");
        after = load_module(tx, actor, id);
        record_audit(tx, actor, s.clock.now(), "training_module.update", kModuleType, id.str(), module_json(before), module_json(after));
    });
    return after;
}

ModuleView read_module(Services& s, const Actor& actor, ModuleId id, FinancialYear year, const PageRequest& page) {
    require(actor, Permission::view_training);
    ModuleView v;
    std::vector<ModuleEnrolment> enrolments;
    s.store.read([&](Transaction& tx) {
        v.module = load_module(tx, actor, id);
        enrolments = modules_of(tx).applied_between(actor.partnership, year.first_day(), year.last_day(), id);
        v.enrolments = modules_of(tx).enrolments(actor.partnership, id, page);
    });
    v.figures = module_figures(year, {v.module}, enrolments);
    v.may_manage = actor.can(Permission::manage_training);
    return v;
}

EnrolmentImport import_enrolments(Services& s, const Actor& actor, std::string_view csv) {
    require(actor, Permission::manage_training);
    EnrolmentImport done;
    s.store.write([&](Transaction& tx) {
        // The names the sheet is read against come from the same transaction that keeps its rows.
        EnrolmentSheetContext context;
        for (const auto& m : modules_of(tx).list(actor.partnership)) context.modules.emplace(lower(m.title), m.id);
        for (const auto& a : tx.agencies().list(actor.partnership, true)) {
            context.agencies.emplace(lower(a.name), std::make_pair(a.id, a.name));
            if (!a.organisation_code.empty()) context.agencies.emplace(lower(a.organisation_code), std::make_pair(a.id, a.name));
        }
        FieldErrors errors;
        const auto rows = read_enrolment_sheet(csv, context, "file", errors);
        if (!errors.empty()) throw Failure::invalid(std::move(errors));
        for (const auto& e : rows) {
            switch (modules_of(tx).put_enrolment(actor.partnership, e)) {
                case ModuleRepo::Put::added: ++done.added; break;
                case ModuleRepo::Put::updated: ++done.updated; break;
                case ModuleRepo::Put::unchanged: ++done.unchanged; break;
            }
        }
        // One row for the report: the enrolments are the provider's record, counted here.
        record_audit(tx, actor, s.clock.now(), "module_enrolment.import", kModuleType, "", "",
                     nlohmann::json{{"rows", rows.size()}, {"added", done.added}, {"updated", done.updated}, {"unchanged", done.unchanged}}.dump());
    });
    return done;
}

}  // namespace assure
