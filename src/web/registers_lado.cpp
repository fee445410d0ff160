// The LADO register's pages: the list with its filters, pagination and CSV; the year's figures
// in seed 001's table shape with timeliness against the partnership's targets; a referral's
// record; the forms that record and change one (post/redirect/get, 422 with the error summary).
#include "web/paging.hpp"
#include "web/registers_pages.hpp"

namespace assure::web::registers_web {
namespace {

constexpr const char* kList = "/registers/lado";

std::string sector_words(LadoSector s) { return std::string(lado_sector_label(s)); }

std::string standing_words(const LadoReferral& r) {
    if (r.outcome) return std::string(lado_outcome_label(*r.outcome));
    return std::string(lado_standing_label(standing_of(r)));
}

void list_page(Services& s, Ctx& ctx) {
    const PageRequest request = page_request(ctx);
    FieldErrors errors;
    const auto found = listed<Page<LadoReferral>>(errors, [&] { return list_lado_referrals(s, ctx.who(), filter_from(ctx), request); });
    ListPage list;
    list.title = "LADO allegations";
    list.intro = "Allegations against adults who work with children, referred to the Local Authority Designated Officer. "
                 "Adults are named by reference only.";
    list.base = kList;
    list.add_label = "Record a referral";
    const auto e = [&](const char* name) { return error_for(errors, name); };
    list.filters = {
        select(Field{"year", "Referred in", ctx.query("year"), e("year")}, year_options(s), "Any year"),
        select(Field{"sector", "Sector", ctx.query("sector"), e("sector")}, options_of(all_lado_sectors(), lado_sector_key, lado_sector_label),
               "Any sector"),
        select(Field{"standing", "Where it stands", ctx.query("standing"), e("standing")},
               options_of(all_lado_standings(), lado_standing_key, lado_standing_label), "Any"),
        select(Field{"outcome", "Outcome", ctx.query("outcome"), e("outcome")}, options_of(all_lado_outcomes(), lado_outcome_key, lado_outcome_label),
               "Any outcome"),
        text_input(Field{"q", "Reference or role contains", ctx.query("q"), ""}),
    };
    list.caption = "Referrals";
    list.headings = {"Adult's reference", "Referred", "Sector and role", "Where it stands"};
    for (const auto& r : found.items) {
        list.rows.push_back(list_row(r.adult_reference, std::string(kList) + "/" + r.id.str(),
                                     {date_in_words(r.referred_on), sector_words(r.sector) + ": " + r.role, standing_words(r)}));
    }
    list.next = found.next;
    show_list(ctx, list, request, errors);
}

Table csv_table(Services& s, const Ctx& ctx) {
    Table t{"LADO allegations",
            {"Id", "Adult's reference", "Referred on", "Source", "Sector", "Role", "Harm test", "Initial consideration on",
             "Initial consideration outcome", "Strategy meeting on", "Outcome", "Outcome on", "Training needs identified",
             "Referred to DBS on", "Referred to regulator on", "Where it stands", "Resolved on", "Timeliness"},
            {}};
    const RegisterFilter filter = filter_from(ctx);
    const auto iso = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
    each_page([&](const PageRequest& page) {
        const auto found = list_lado_referrals(s, ctx.who(), filter, page);
        for (const auto& r : found.items) {
            std::string limbs;
            for (HarmLimb l : r.limbs) limbs += (limbs.empty() ? "" : "; ") + std::string(harm_limb_key(l));
            const auto t_of = timeliness_of(r);
            t.rows.push_back({r.id.str(), r.adult_reference, r.referred_on.iso(), std::string(lado_source_label(r.source)),
                              std::string(lado_sector_label(r.sector)), r.role, limbs, iso(r.initial_considered_on),
                              r.initial_outcome ? std::string(initial_outcome_label(*r.initial_outcome)) : "",
                              iso(r.strategy_meeting_on), r.outcome ? std::string(lado_outcome_label(*r.outcome)) : "", iso(r.outcome_on),
                              r.training_needs ? "Yes" : "No", iso(r.dbs_referred_on), iso(r.regulator_referred_on),
                              std::string(lado_standing_label(standing_of(r))), iso(resolved_on(r)),
                              t_of ? std::string(timeliness_label(*t_of)) : ""});
        }
        return found.next;
    });
    return t;
}

std::string count_text(int n) { return std::to_string(n); }

std::string percent_text(const std::optional<int>& p) { return p ? std::to_string(*p) + "%" : "No referrals resolved"; }

void figures_page(Services& s, Ctx& ctx) {
    FieldErrors errors;
    const FinancialYear year = figures_year(s, ctx, errors);
    // The year and the two before it, side by side as the annual report prints them.
    std::vector<LadoFigures> years;
    for (int i = 2; i >= 0; --i) years.push_back(lado_year_figures(s, ctx.who(), FinancialYear{year.start - i}));
    std::vector<std::string> headings{"Figure"};
    for (const auto& f : years) headings.push_back(f.year.label());
    std::vector<std::vector<std::string>> rows;
    const auto row = [&](const std::string& label, auto get) {
        std::vector<std::string> r{label};
        for (const auto& f : years) r.push_back(get(f));
        rows.push_back(std::move(r));
    };
    row("Referrals", [](const LadoFigures& f) { return count_text(f.counts.referrals); });
    row("No further action after initial consideration", [](const LadoFigures& f) {
        return count_text(f.counts.no_further_action) + (f.no_further_action_percent ? " (" + std::to_string(*f.no_further_action_percent) + "% of referrals)" : "");
    });
    row("Unfounded", [](const LadoFigures& f) { return count_text(f.counts.unfounded); });
    row("Unsubstantiated", [](const LadoFigures& f) { return count_text(f.counts.unsubstantiated); });
    row("Malicious", [](const LadoFigures& f) { return count_text(f.counts.malicious); });
    row("False", [](const LadoFigures& f) { return count_text(f.counts.false_allegations); });
    row("Substantiated", [](const LadoFigures& f) { return count_text(f.counts.substantiated); });
    row("Training needs identified", [](const LadoFigures& f) { return count_text(f.counts.training_needs); });
    row("Investigation continuing at the year's end", [](const LadoFigures& f) { return count_text(f.counts.continuing); });
    row("Referred to the DBS", [](const LadoFigures& f) { return count_text(f.counts.dbs_referrals); });
    const LadoFigures& now = years.back();
    std::vector<std::vector<std::string>> timely;
    const auto timely_row = [&](const std::string& label, const TimelinessFigure& t) {
        timely.push_back({label, count_text(t.count), percent_text(t.percent), std::to_string(t.target_percent) + "%",
                          !t.met ? "Nothing resolved" : (*t.met ? "Met" : "Not met")});
    };
    timely_row("Within one month", now.within_one_month);
    timely_row("Within three months", now.within_three_months);
    timely_row("Within twelve months", now.within_twelve_months);
    std::vector<std::vector<std::string>> sectors;
    for (const auto& [sector, n] : now.by_sector) sectors.push_back({sector_words(sector), count_text(n)});
    Data tables{Data::type::list};
    tables.push_back(table("Allegations by year", headings, rows));
    tables.push_back(table("Resolved in " + year.label() + " (" + count_text(now.counts.resolved) + "), against the partnership's targets",
                           {"Resolved", "Referrals", "Share", "Target", "Judgement"}, timely));
    if (!sectors.empty()) tables.push_back(table("Referrals in " + year.label() + " by sector", {"Sector", "Referrals"}, sectors));
    FiguresPage page;
    page.title = "LADO allegations: yearly figures";
    page.intro = "Each figure counts what it says, so the rows do not add up to the referrals: referrals and no further "
                 "action by the date referred; outcomes, training needs and timeliness by the date resolved; continuing "
                 "at 31 March.";
    page.base = kList;
    page.year_html = select(Field{"year", "Financial year", year.key(), error_for(errors, "year")}, year_options(s), "This year");
    page.tables = std::move(tables);
    show_figures(ctx, page, errors);
}

void record_page(Services& s, Ctx& ctx) {
    const LadoReferral r = read_lado_referral(s, ctx.who(), LadoReferralId{ctx.path_id()});
    std::string limbs;
    for (HarmLimb l : r.limbs) limbs += (limbs.empty() ? "" : "; ") + std::string(harm_limb_label(l));
    const auto t = timeliness_of(r);
    Data rows{Data::type::list};
    rows.push_back(summary_row("Adult's reference", r.adult_reference));
    rows.push_back(summary_row("Referred", date_in_words(r.referred_on)));
    rows.push_back(summary_row("Referred by", std::string(lado_source_label(r.source))));
    rows.push_back(summary_row("Sector and role", sector_words(r.sector) + ": " + r.role));
    rows.push_back(summary_row("Harm test", limbs));
    rows.push_back(summary_row("Initial consideration", r.initial_outcome ? std::string(initial_outcome_label(*r.initial_outcome)) + ", " +
                                                                                words(r.initial_considered_on)
                                                                          : ""));
    rows.push_back(summary_row("Strategy meeting", r.strategy_meeting_on ? date_in_words(*r.strategy_meeting_on) : ""));
    rows.push_back(summary_row("Outcome", r.outcome ? std::string(lado_outcome_label(*r.outcome)) + ", " + words(r.outcome_on) : ""));
    rows.push_back(summary_row("Where it stands", std::string(lado_standing_label(standing_of(r)))));
    rows.push_back(summary_row("Resolved", t ? words(resolved_on(r)) + " (" + std::string(timeliness_label(*t)) + ")" : ""));
    rows.push_back(summary_row("Training needs identified", r.training_needs ? "Yes" : "No"));
    rows.push_back(summary_row("Referred to the DBS", r.dbs_referred_on ? date_in_words(*r.dbs_referred_on) : "No"));
    rows.push_back(summary_row("Referred to a regulator", r.regulator_referred_on ? date_in_words(*r.regulator_referred_on) : "No"));
    rows.push_back(summary_row("Notes", r.notes));
    show_record(ctx, "Referral " + r.adult_reference, rows, kList, r.id.str());
}

LadoInput input_from(const Ctx& ctx) {
    LadoInput in;
    in.adult_reference = ctx.form("adult_reference");
    in.referred_on = ctx.form("referred_on");
    in.source = ctx.form("source");
    in.sector = ctx.form("sector");
    in.role = ctx.form("role");
    in.limbs = ctx.form_all("limbs");
    in.initial_considered_on = ctx.form("initial_considered_on");
    in.initial_outcome = ctx.form("initial_outcome");
    in.strategy_meeting_on = ctx.form("strategy_meeting_on");
    in.outcome = ctx.form("outcome");
    in.outcome_on = ctx.form("outcome_on");
    in.training_needs = ctx.form("training_needs") == "yes";
    in.dbs_referred_on = ctx.form("dbs_referred_on");
    in.regulator_referred_on = ctx.form("regulator_referred_on");
    in.notes = ctx.form("notes");
    return in;
}

LadoInput input_of(const LadoReferral& r) {
    const auto iso = [](const std::optional<Date>& d) { return d ? d->iso() : std::string(); };
    LadoInput in;
    in.adult_reference = r.adult_reference;
    in.referred_on = r.id.valid() ? r.referred_on.iso() : "";
    in.source = r.id.valid() ? std::string(lado_source_key(r.source)) : "";
    in.sector = r.id.valid() ? std::string(lado_sector_key(r.sector)) : "";
    in.role = r.role;
    for (HarmLimb l : r.limbs) in.limbs.emplace_back(harm_limb_key(l));
    in.initial_considered_on = iso(r.initial_considered_on);
    in.initial_outcome = r.initial_outcome ? std::string(initial_outcome_key(*r.initial_outcome)) : "";
    in.strategy_meeting_on = iso(r.strategy_meeting_on);
    in.outcome = r.outcome ? std::string(lado_outcome_key(*r.outcome)) : "";
    in.outcome_on = iso(r.outcome_on);
    in.training_needs = r.training_needs;
    in.dbs_referred_on = iso(r.dbs_referred_on);
    in.regulator_referred_on = iso(r.regulator_referred_on);
    in.notes = r.notes;
    return in;
}

void form_page(Ctx& ctx, const LadoInput& in, const std::string& action, int version, const FieldErrors& errors, int status) {
    const auto e = [&](const char* name) { return error_for(errors, name); };
    std::vector<std::string> fields;
    const auto add = [&](std::string html) { fields.push_back(std::move(html)); };
    add(text_input(Field{"adult_reference", "Adult's reference", in.adult_reference, e("adult_reference"),
                         "The LADO's reference for the adult. Never their name.", "off", "text", "govuk-input--width-20", false}));
    add(date_input(Field{"referred_on", "Date of referral", in.referred_on, e("referred_on"), "For example, 27 3 2017"}));
    add(select(Field{"source", "Who made the referral", in.source, e("source")}, options_of(all_lado_sources(), lado_source_key, lado_source_label),
               "Select who made the referral"));
    add(select(Field{"sector", "Sector the adult works in", in.sector, e("sector")},
               options_of(all_lado_sectors(), lado_sector_key, lado_sector_label), "Select the sector"));
    add(text_input(Field{"role", "The adult's role", in.role, e("role"), "For example, teacher or residential social worker"}));
    add(checkboxes(Field{"limbs", "Which parts of the harm test does the allegation meet?", "", e("limbs"), "Select all that apply"},
                   options_of(all_harm_limbs(), harm_limb_key, harm_limb_label), in.limbs));
    add(date_input(Field{"initial_considered_on", "Date of the initial consideration", in.initial_considered_on, e("initial_considered_on")}));
    add(radios(Field{"initial_outcome", "Outcome of the initial consideration", in.initial_outcome, e("initial_outcome")},
               options_of(all_initial_outcomes(), initial_outcome_key, initial_outcome_label)));
    add(date_input(Field{"strategy_meeting_on", "Date of the strategy meeting", in.strategy_meeting_on, e("strategy_meeting_on")}));
    std::vector<Option> outcomes{{"", "Investigation continuing"}};
    for (const auto& o : options_of(all_lado_outcomes(), lado_outcome_key, lado_outcome_label)) outcomes.push_back(o);
    add(radios(Field{"outcome", "Outcome", in.outcome, e("outcome"), "Not needed when the initial consideration found no further action"},
               outcomes));
    add(date_input(Field{"outcome_on", "Date of the outcome", in.outcome_on, e("outcome_on")}));
    add(radios(Field{"training_needs", "Were training needs identified?", in.training_needs ? "yes" : "no", e("training_needs")},
               {{"yes", "Yes"}, {"no", "No"}}, true));
    add(date_input(Field{"dbs_referred_on", "Date referred to the Disclosure and Barring Service", in.dbs_referred_on, e("dbs_referred_on"),
                         "Leave empty if there was no referral"}));
    add(date_input(Field{"regulator_referred_on", "Date referred to a regulator", in.regulator_referred_on, e("regulator_referred_on"),
                         "For example, the Teaching Regulation Agency. Leave empty if there was no referral"}));
    add(textarea(Field{"notes", "Notes", in.notes, e("notes"), "No names of the adult or of children"}, 4));
    show_form(ctx, version == 0 ? "Record a referral" : "Change referral " + in.adult_reference, action, version, fields, kList, errors, status);
}

}  // namespace

void add_lado_pages(std::vector<Route>& routes, Services& s) {
    RegisterRoutes r;
    r.base = kList;
    r.file_name = "lado-allegations";
    r.view = Permission::view_registers;
    r.list = [&s](Ctx& ctx) { list_page(s, ctx); };
    r.table = [&s](const Ctx& ctx) { return csv_table(s, ctx); };
    r.figures = [&s](Ctx& ctx) { figures_page(s, ctx); };
    r.record = [&s](Ctx& ctx) { record_page(s, ctx); };
    r.new_form = [](Ctx& ctx) { form_page(ctx, input_of(LadoReferral{}), kList, 0, {}, 200); };
    r.create = [&s](Ctx& ctx) {
        const LadoInput in = input_from(ctx);
        save_or_show(ctx, kList, [&] { return record_lado_referral(s, ctx.who(), in).id.str(); },
                     [&](const FieldErrors& errors) { form_page(ctx, in, kList, 0, errors, 422); });
    };
    r.edit_form = [&s](Ctx& ctx) {
        const auto found = read_lado_referral(s, ctx.who(), LadoReferralId{ctx.path_id()});
        form_page(ctx, input_of(found), std::string(kList) + "/" + found.id.str(), found.version, {}, 200);
    };
    r.change = [&s](Ctx& ctx) {
        const LadoReferralId id{ctx.path_id()};
        const LadoInput in = input_from(ctx);
        const int version = form_int(ctx, "version");
        save_or_show(ctx, kList, [&] { return update_lado_referral(s, ctx.who(), id, version, in).id.str(); },
                     [&](const FieldErrors& errors) { form_page(ctx, in, std::string(kList) + "/" + id.str(), version, errors, 422); });
    };
    add_register_routes(routes, r);
}

}  // namespace assure::web::registers_web
