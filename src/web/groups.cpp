// Pages of groups: the list with cadence flags, the structure chart, a group with its terms
// of reference, members and meetings, and the forms that set them up.
#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "app/partnership.hpp"
#include "core/date_words.hpp"
#include "web/areas.hpp"
#include "web/documents.hpp"
#include "web/governance_views.hpp"
#include "web/learning_views.hpp"
#include "web/paging.hpp"
#include "core/governance_quorum.hpp"
#include "core/labels.hpp"

#include "web/governance_writes.hpp"

namespace assure::web {

std::vector<Option> people_options(Services& s, const Actor& actor) {
    std::vector<Option> out;
    for (const auto& p : list_people(s, actor, PersonFilter{})) out.push_back({p.id.str(), p.name + (p.job_title.empty() ? "" : ", " + p.job_title)});
    return out;
}

std::string rate_text(const std::optional<double>& rate) {
    return rate ? std::to_string(static_cast<int>(*rate * 100 + 0.5)) + "%" : "No meetings";
}

void set_rate(Data& row, const MemberRate& r) {
    row.set("rate", rate_text(r.rate));
    row.set("held", std::to_string(r.held));
    row.set("held_meetings", count_of(r.held, "meeting", "meetings"));
    row.set("apologies_text", count_of(r.apologies, "apology", "apologies"));
    row.set("attended", std::to_string(r.attended));
    row.set("deputised", std::to_string(r.deputised));
    row.set("apologies", std::to_string(r.apologies));
    row.set("absent", std::to_string(r.absent));
    row.set("below", flag(r.below_expected));
    row.set("deputy_regular", flag(r.deputy_regular));
}

namespace {

Data cadence_data(const CadenceStatus& c) {
    Data d;
    d.set("last_held", c.last_held ? date_in_words(*c.last_held) : std::string("Not yet met"));
    d.set("next_planned", c.next_planned ? date_in_words(*c.next_planned) : std::string("None planned"));
    d.set("due_by", optional_text(c.due_by ? date_in_words(*c.due_by) : std::string()));
    d.set("overdue", flag(c.overdue));
    d.set("active", flag(c.active));
    return d;
}

Data summary_row(const GroupSummary& g) {
    Data row = cadence_data(g.cadence);
    row.set("id", g.group.id.str());
    row.set("name", g.group.name);
    row.set("type", std::string(group_type_label(g.group.type)));
    row.set("chair", g.chair_label);
    row.set("cadence", cadence_label(g.group.cadence_months));
    row.set("members", std::to_string(g.members));
    row.set("parent", optional_text(g.parent_name));
    return row;
}

// ---- structure chart ---------------------------------------------------------------------

struct Box {
    const GroupSummary* group;
    int depth = 0;
    int x = 0;
};

std::vector<std::string> wrap(const std::string& text, std::size_t width) {
    std::vector<std::string> lines{""};
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!lines.back().empty() && lines.back().size() + 1 + word.size() > width) lines.emplace_back();
        lines.back() += (lines.back().empty() ? "" : " ") + word;
        start = end + 1;
    }
    return lines;
}

// Lays the accountability tree out top-down: each group below the one it reports to, each
// level spread evenly. The SVG is decorative for screen readers (aria-hidden) because the
// nested list beside it carries the same structure as text.
std::string structure_svg(const std::vector<GroupSummary>& groups) {
    std::vector<Box> boxes;
    std::map<GroupId, std::size_t> index;
    // Depth by walking up; a group whose parent is missing sits at the top.
    for (const auto& g : groups) {
        int depth = 0;
        GroupId at = g.group.parent;
        for (std::size_t hops = 0; at.valid() && hops < groups.size(); ++hops) {
            const auto it = std::find_if(groups.begin(), groups.end(), [&](const GroupSummary& x) { return x.group.id == at; });
            if (it == groups.end()) break;
            ++depth;
            at = it->group.parent;
        }
        boxes.push_back({&g, depth, 0});
    }
    constexpr int kWidth = 230, kHeight = 64, kGapX = 20, kGapY = 50;
    int max_depth = 0, widest = 1;
    std::map<int, int> per_level;
    for (auto& b : boxes) {
        b.x = per_level[b.depth]++;
        max_depth = std::max(max_depth, b.depth);
        widest = std::max(widest, per_level[b.depth]);
    }
    // At least a page's width, so a narrow tree keeps its natural size instead of being blown up.
    const int total_width = std::max(960, widest * (kWidth + kGapX) + kGapX);
    const int total_height = (max_depth + 1) * (kHeight + kGapY) + kGapY / 2;
    auto left = [&](const Box& b) {
        const int n = per_level[b.depth];
        const int row_width = n * kWidth + (n - 1) * kGapX;
        return (total_width - row_width) / 2 + b.x * (kWidth + kGapX);
    };
    auto top = [&](const Box& b) { return kGapY / 2 + b.depth * (kHeight + kGapY); };
    for (std::size_t i = 0; i < boxes.size(); ++i) index[boxes[i].group->group.id] = i;

    std::string svg = "<svg class=\"app-structure\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(total_width) +
                      " " + std::to_string(total_height) + "\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\">\n";
    for (const auto& b : boxes) {
        const auto parent = index.find(b.group->group.parent);
        if (parent == index.end()) continue;
        const Box& p = boxes[parent->second];
        svg += "<line x1=\"" + std::to_string(left(p) + kWidth / 2) + "\" y1=\"" + std::to_string(top(p) + kHeight) + "\" x2=\"" +
               std::to_string(left(b) + kWidth / 2) + "\" y2=\"" + std::to_string(top(b)) +
               "\" stroke=\"#505a5f\" stroke-width=\"2\"/>\n";
    }
    for (const auto& b : boxes) {
        const bool overdue = b.group->cadence.overdue;
        svg += "<rect x=\"" + std::to_string(left(b)) + "\" y=\"" + std::to_string(top(b)) + "\" width=\"" + std::to_string(kWidth) +
               "\" height=\"" + std::to_string(kHeight) + "\" fill=\"" + (overdue ? "#f4cdc6" : "#ffffff") +
               "\" stroke=\"" + (overdue ? "#d4351c" : "#1d70b8") + "\" stroke-width=\"3\"/>\n";
        const auto lines = wrap(b.group->group.name, 30);
        int y = top(b) + 22 + (lines.size() == 1 ? 8 : 0);
        for (const auto& l : lines) {
            svg += "<text x=\"" + std::to_string(left(b) + kWidth / 2) + "\" y=\"" + std::to_string(y) +
                   "\" text-anchor=\"middle\" font-family=\"Arial, sans-serif\" font-size=\"15\" fill=\"#0b0c0c\">" + escape(l) + "</text>\n";
            y += 18;
        }
        svg += "<text x=\"" + std::to_string(left(b) + kWidth / 2) + "\" y=\"" + std::to_string(top(b) + kHeight - 8) +
               "\" text-anchor=\"middle\" font-family=\"Arial, sans-serif\" font-size=\"12\" fill=\"#505a5f\">" +
               escape(cadence_label(b.group->group.cadence_months)) + "</text>\n";
    }
    return svg + "</svg>\n";
}

std::string structure_list(const std::vector<GroupSummary>& groups, GroupId parent, int depth) {
    std::string html;
    for (const auto& g : groups) {
        const bool top_level = !g.group.parent.valid() ||
                               std::none_of(groups.begin(), groups.end(), [&](const GroupSummary& x) { return x.group.id == g.group.parent; });
        if (parent.valid() ? g.group.parent != parent : !top_level) continue;
        html += "<li><a class=\"govuk-link\" href=\"/groups/" + g.group.id.str() + "\">" + escape(g.group.name) + "</a> (" +
                escape(std::string(group_type_label(g.group.type))) + "; chair: " + escape(g.chair_label) + ")";
        if (depth < 10) {
            const std::string children = structure_list(groups, g.group.id, depth + 1);
            if (!children.empty()) html += "\n<ul class=\"govuk-list govuk-list--bullet\">\n" + children + "</ul>\n";
        }
        html += "</li>\n";
    }
    return html;
}

// ---- group form ----------------------------------------------------------------------------

GroupInput group_input(const Ctx& ctx) {
    return {ctx.form("name"),          ctx.form("type"),           ctx.form("purpose"),       ctx.form("parent_id"),
            ctx.form("chair_kind"),    ctx.form("chair_id"),       ctx.form("deputy_id"),     ctx.form("rotation_months"),
            ctx.form("rotation_start"), ctx.form("cadence_months"), ctx.form("quorum_kind"),   ctx.form("quorum_value"),
            ctx.form("active_from"),   ctx.form("active_to")};
}

void group_form(Services& s, Ctx& ctx, const std::string& title, const std::string& action, GroupId id, int version,
                const GroupInput& in, const FieldErrors& errors, int status) {
    std::vector<Option> types, cadences, parents;
    for (GroupType t : all_group_types()) types.push_back({std::string(group_type_key(t)), std::string(group_type_label(t))});
    for (int m : cadence_choices()) cadences.push_back({std::to_string(m), cadence_label(m)});
    for (const auto& g : list_groups(s, ctx.who())) if (g.group.id != id) parents.push_back({g.group.id.str(), g.group.name});
    const auto people = people_options(s, ctx.who());
    auto field = [&](const std::string& name, const std::string& label, const std::string& value, const std::string& hint = "",
                     const std::string& width = "") {
        return Field{name, label, value, error_for(errors, name), hint, "", "text", width};
    };
    Data data;
    data.set("title", title);
    data.set("action", action);
    data.set("version", std::to_string(version));
    data.set("cancel", id.valid() ? "/groups/" + id.str() : std::string("/groups"));
    data.set("name_html", text_input(field("name", "Name of the group", in.name)));
    data.set("type_html", select(field("type", "Type of group", in.type), types, "Select a type"));
    data.set("purpose_html", textarea(field("purpose", "Purpose (optional)", in.purpose), 3));
    data.set("parent_html", select(field("parent_id", "Accountable to", in.parent_id, "Leave as none for the top of the structure"),
                                   parents, "None"));
    data.set("chair_kind_html", radios(field("chair_kind", "How the group is chaired", in.chair_kind),
                                       {{"fixed", std::string(chair_kind_label(ChairKind::fixed))},
                                        {"independent", std::string(chair_kind_label(ChairKind::independent))},
                                        {"rotating", std::string(chair_kind_label(ChairKind::rotating)),
                                         "Local authority, then police, then health, each for the stated number of months"}}));
    data.set("chair_html", select(field("chair_id", "Chair", in.chair_id, "Not needed when the chair rotates"), people, "Not named"));
    data.set("deputy_html", select(field("deputy_id", "Deputy chair (optional)", in.deputy_id), people, "Not named"));
    data.set("rotation_months_html", text_input(field("rotation_months", "Months each partner chairs (rotating chair only)",
                                                      in.rotation_months, "", "govuk-input--width-3")));
    data.set("rotation_start_html", date_input(field("rotation_start", "Date the rotation started (rotating chair only)",
                                                     in.rotation_start, kDateExample, "govuk-input--width-10")));
    data.set("cadence_html", select(field("cadence_months", "How often the group must meet", in.cadence_months), cadences, "Select how often"));
    data.set("quorum_kind_html", radios(field("quorum_kind", "Quorum", in.quorum_kind),
                                        {{"all_statutory_partners", "All statutory partners present"},
                                         {"min_members", "At least a number of members", "Enter the number below"},
                                         {"min_share", "At least a share of members", "Enter the percentage below"},
                                         {"none", "No quorum rule set", "The terms of reference set none; no meeting is recorded as not quorate"}}));
    data.set("quorum_value_html", text_input(field("quorum_value", "Number of members, or percentage of members", in.quorum_value, "",
                                                   "govuk-input--width-3")));
    data.set("active_from_html", date_input(field("active_from", "Active from", in.active_from, kDateExample, "govuk-input--width-10")));
    data.set("active_to_html", date_input(field("active_to", "Active until (optional)", in.active_to,
                                                "For a task and finish group, the date it ends", "govuk-input--width-10")));
    page(ctx, "governance/group_form", data, PageOptions{title, "groups", errors, status});
}

// ---- pages ---------------------------------------------------------------------------------

void groups_page(Services& s, Ctx& ctx) {
    const auto groups = list_groups(s, ctx.who());
    Data rows{Data::type::list};
    int overdue = 0;
    for (const auto& g : groups) {
        rows.push_back(summary_row(g));
        if (g.cadence.overdue) ++overdue;
    }
    Data data;
    data.set("groups", rows);
    data.set("has_groups", flag(!groups.empty()));
    data.set("overdue", overdue == 1 ? std::string("1 group has") : std::to_string(overdue) + " groups have");
    data.set("has_overdue", flag(overdue > 0));
    data.set("can_manage", flag(ctx.who().can(Permission::manage_governance)));
    page(ctx, "governance/groups", data, PageOptions{"Groups", "groups"});
}

void structure_page(Services& s, Ctx& ctx) {
    const auto groups = list_groups(s, ctx.who());
    Data data;
    data.set("svg", structure_svg(groups));
    data.set("list_html", structure_list(groups, GroupId{}, 0));
    data.set("has_groups", flag(!groups.empty()));
    page(ctx, "governance/structure", data, PageOptions{"Partnership structure", "groups"});
}

void member_form_fields(Services& s, Ctx& ctx, Data& data, const FieldErrors& errors) {
    std::vector<Option> codes, roles;
    for (auto c : all_membership_codes()) {
        codes.push_back({std::string(membership_code_key(c)),
                         std::string(membership_code_key(c)) + " – " + std::string(membership_code_label(c))});
    }
    for (auto r : all_member_roles()) roles.push_back({std::string(member_role_key(r)), std::string(member_role_label(r))});
    const bool posted = ctx.req.method == "POST" && ctx.req.path.ends_with("/members");
    auto value = [&](const char* name, const std::string& fallback = "") { return posted ? ctx.form(name) : fallback; };
    data.set("person_html", select(Field{"person_id", "Person", value("person_id"), error_for(errors, "person_id")},
                                   people_options(s, ctx.who()), "Select a person"));
    data.set("code_html", select(Field{"code", "Membership code", value("code"), error_for(errors, "code")}, codes, "Select a code"));
    data.set("role_html", select(Field{"role", "Role", value("role", "member"), error_for(errors, "role")}, roles, ""));
    data.set("priority_html", text_input(Field{"priority", "Priority they lead on (thematic leads)", value("priority"),
                                               error_for(errors, "priority"), "For example, Neglect"}));
    data.set("start_html", date_input(Field{"start", "Member from", value("start", london_today(s).iso()), error_for(errors, "start"),
                                            kDateExample, "", "text", "govuk-input--width-10"}));
    data.set("deputy_html", text_input(Field{"nominated_deputy", "Nominated deputy (optional)", value("nominated_deputy"),
                                             error_for(errors, "nominated_deputy"),
                                             "Who may attend in exceptional circumstances, with their role"}));
}

void group_page(Services& s, Ctx& ctx) {
    const GroupView v = read_group(s, ctx.who(), GroupId{ctx.path_id()});
    const Group& g = v.summary.group;
    const bool can_manage = ctx.who().can(Permission::manage_governance);
    Data data = summary_row(v.summary);
    data.set("version", std::to_string(g.version));
    data.set("purpose", optional_text(g.purpose));
    data.set("deputy", v.deputy_label.empty() ? std::string("Not named") : v.deputy_label);
    data.set("quorum", quorum_label(g.quorum));
    data.set("active_period", period_in_words(g.active_from, g.active_to));
    data.set("window", period_in_words(v.window.from, v.window.to));
    data.set("can_manage", flag(can_manage));
    data.set("saved", flag(ctx.has_query("saved")));
    if (!v.terms.empty()) {
        const auto& current = v.terms.back();
        data.set("terms_html", markdown_html(current.markdown));
        data.set("terms_version", std::to_string(current.number));
        data.set("terms_approved", date_in_words(current.approved_on));
        Data history{Data::type::list};
        for (auto it = v.terms.rbegin(); it != v.terms.rend(); ++it) {
            Data t;
            t.set("number", std::to_string(it->number));
            t.set("approved", date_in_words(it->approved_on));
            t.set("by", name_in_label(it->recorded_by));
            t.set("html", markdown_html(it->markdown));
            history.push_back(t);
        }
        data.set("terms_history", history);
        data.set("has_history", flag(v.terms.size() > 1));
    }
    Data members{Data::type::list}, former{Data::type::list};
    for (const auto& m : v.members) {
        Data row;
        row.set("membership_id", m.membership.id.str());
        row.set("membership_version", std::to_string(m.membership.version));
        row.set("person_id", m.person.id.str());
        row.set("name", m.person.name);
        row.set("agency", m.agency_name);
        row.set("code", std::string(membership_code_key(m.membership.code)));
        row.set("code_label", std::string(membership_code_label(m.membership.code)));
        row.set("role", std::string(member_role_label(m.membership.role)) +
                            (m.membership.priority.empty() ? "" : ": " + m.membership.priority));
        row.set("period", period_in_words(m.membership.start, m.membership.end, ""));
        row.set("deputy", optional_text(m.membership.nominated_deputy));
        if (m.rate) set_rate(row, *m.rate);
        else row.set("rate", std::string("No meetings"));
        (m.current ? members : former).push_back(row);
    }
    data.set("members", members);
    data.set("former", former);
    data.set("has_former", flag(!former.is_empty_list()));
    const PageRequest meetings_page = page_request(ctx);
    const auto page_of_meetings = list_meetings(s, ctx.who(), g.id, meetings_page, true);
    Data meetings{Data::type::list};
    for (auto it = page_of_meetings.items.begin(); it != page_of_meetings.items.end(); ++it) {
        Data row;
        row.set("id", it->id.str());
        row.set("on", date_in_words(it->on));
        row.set("time", it->starts_at);
        row.set("status", std::string(meeting_status_label(it->status)));
        row.set("cancelled", flag(it->status == MeetingStatus::cancelled));
        row.set("planned", flag(it->status == MeetingStatus::planned));
        row.set("theme", it->theme);
        meetings.push_back(row);
    }
    data.set("meetings", meetings);
    data.set("has_meetings", flag(!page_of_meetings.items.empty()));
    data.set("pagination_html", pagination("/groups/" + g.id.str(), meetings_page, page_of_meetings.next));
    ImprovementFilter monitored;
    monitored.group = g.id;
    add_improvement_summary(s, ctx.who(), monitored, data);
    page(ctx, "governance/group", data, PageOptions{g.name, "groups", {}, 200, "/groups", "Back to groups"});
}

// The three forms that change a group's membership and terms, each on a page of its own linked
// from the group page; a refusal shows the same page again with its errors.
Data group_form_data(const GroupView& v) {
    Data data;
    data.set("id", v.summary.group.id.str());
    data.set("group", v.summary.group.name);
    return data;
}

void add_member_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const GroupView v = read_group(s, ctx.who(), GroupId{ctx.path_id()});
    Data data = group_form_data(v);
    member_form_fields(s, ctx, data, errors);
    page(ctx, "governance/member_form", data, PageOptions{"Add a member: " + v.summary.group.name, "groups", errors, status});
}

void end_membership_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const GroupView v = read_group(s, ctx.who(), GroupId{ctx.path_id()});
    Data data = group_form_data(v);
    const bool posted = ctx.req.method == "POST";
    std::vector<Option> current;
    for (const auto& m : v.members) {
        if (m.current) current.push_back({m.membership.id.str(), m.person.name + ", " + m.agency_name});
    }
    data.set("has_members", flag(!current.empty()));
    data.set("member_html", select(Field{"membership_id", "Member", posted ? ctx.form("membership_id") : "", error_for(errors, "membership_id")},
                                   current, "Select a member"));
    data.set("end_html", date_input(Field{"end", "Date they left", posted ? ctx.form("end") : "", error_for(errors, "end"), kDateExample, "",
                                          "text", "govuk-input--width-10"}));
    page(ctx, "governance/membership_end", data, PageOptions{"End a membership: " + v.summary.group.name, "groups", errors, status});
}

void terms_page(Services& s, Ctx& ctx, const FieldErrors& errors = {}, int status = 200) {
    const GroupView v = read_group(s, ctx.who(), GroupId{ctx.path_id()});
    Data data = group_form_data(v);
    const bool posted = ctx.req.method == "POST";
    data.set("markdown_html", textarea(Field{"markdown", "Terms of reference (Markdown)",
                                             posted ? ctx.form("markdown") : (v.terms.empty() ? "" : v.terms.back().markdown),
                                             error_for(errors, "markdown"), "Headings start with #, lists with -"},
                                       12));
    data.set("approved_on_html", date_input(Field{"approved_on", "Date approved", posted ? ctx.form("approved_on") : london_today(s).iso(),
                                                  error_for(errors, "approved_on"), kDateExample, "", "text", "govuk-input--width-10"}));
    data.set("next_version", std::to_string(v.terms.size() + 1));
    page(ctx, "governance/terms_form", data,
         PageOptions{"New terms of reference version: " + v.summary.group.name, "groups", errors, status});
}

void meeting_form(Services& s, Ctx& ctx, const MeetingInput& in, const FieldErrors& errors, int status) {
    const GroupView v = read_group(s, ctx.who(), GroupId{ctx.path_id()});
    Data data;
    data.set("group_id", v.summary.group.id.str());
    data.set("group", v.summary.group.name);
    data.set("on_html", date_input(Field{"on", "Date", in.on, error_for(errors, "on"), kDateExample, "", "text", "govuk-input--width-10"}));
    data.set("starts_at_html", text_input(Field{"starts_at", "Start time", in.starts_at.empty() ? "10:00" : in.starts_at,
                                                error_for(errors, "starts_at"), "24-hour clock, for example 14:00", "", "text",
                                                "govuk-input--width-5"}));
    data.set("minutes_long_html", text_input(Field{"minutes_long", "Length in minutes", in.minutes_long.empty() ? "120" : in.minutes_long,
                                                   error_for(errors, "minutes_long"), "", "", "text", "govuk-input--width-3"}));
    data.set("place_html", text_input(Field{"place", "Place", in.place, error_for(errors, "place"), "Leave blank for a meeting held only online"}));
    data.set("online_html", checkboxes(Field{"online", "Online", "", error_for(errors, "online")}, {{"yes", "The meeting can be joined online"}},
                                       {in.online}));
    data.set("theme_html", text_input(Field{"theme", "Theme (optional)", in.theme, error_for(errors, "theme"),
                                            "For a themed meeting, the priority it reports on, for example Neglect"}));
    page(ctx, "governance/meeting_form", data, PageOptions{"Schedule a meeting", "groups", errors, status});
}

MeetingInput meeting_input(const Ctx& ctx) {
    return {ctx.form("on"), ctx.form("starts_at"), ctx.form("minutes_long"), ctx.form("place"), ctx.form("online"), ctx.form("theme")};
}

}  // namespace

void add_group_routes(std::vector<Route>& routes, Services& s) {
    routes.push_back({"GET", "/groups", Permission::view_governance, Surface::page, [&s](Ctx& ctx) { groups_page(s, ctx); }, "/groups"});
    routes.push_back({"GET", "/groups/structure", Permission::view_governance, Surface::page,
                      [&s](Ctx& ctx) { structure_page(s, ctx); }, "/groups/structure"});
    routes.push_back({"GET", "/groups/new", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) {
                          GroupInput in;
                          in.active_from = london_today(s).iso();
                          in.quorum_kind = "min_share";
                          in.quorum_value = "50";
                          group_form(s, ctx, "Set up a group", "/groups", GroupId{}, 0, in, {}, 200);
                      },
                      "/groups/new"});
    routes.push_back({"POST", "/groups", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) {
                          const GroupInput in = group_input(ctx);
                          try {
                              const Group g = create_group(s, ctx.who(), in);
                              redirect(ctx, "/groups/" + g.id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              group_form(s, ctx, "Set up a group", "/groups", GroupId{}, 0, in, f.fields(), 422);
                          }
                      },
                      "/groups"});
    routes.push_back({"GET", R"(/groups/(\d+))", Permission::view_governance, Surface::page,
                      [&s](Ctx& ctx) { group_page(s, ctx); }, "/groups/1"});
    routes.push_back({"GET", R"(/groups/(\d+)/edit)", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) {
                          const Group g = read_group(s, ctx.who(), GroupId{ctx.path_id()}).summary.group;
                          group_form(s, ctx, "Change " + g.name, "/groups/" + g.id.str() + "/edit", g.id, g.version, input_of(g), {}, 200);
                      },
                      "/groups/1/edit"});
    routes.push_back({"POST", R"(/groups/(\d+)/edit)", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) {
                          const GroupId id{ctx.path_id()};
                          const GroupInput in = group_input(ctx);
                          try {
                              update_group(s, ctx.who(), id, form_int(ctx, "version"), in);
                              redirect(ctx, "/groups/" + id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              group_form(s, ctx, "Change " + in.name, "/groups/" + id.str() + "/edit", id, form_int(ctx, "version"), in,
                                         f.fields(), 422);
                          }
                      },
                      "/groups/1/edit"});
    // Each form page posts here; a refusal shows that form's page again with its errors.
    auto on_group = [&s](Ctx& ctx, const std::function<void(GroupId)>& change, void (*form)(Services&, Ctx&, const FieldErrors&, int)) {
        const GroupId id{ctx.path_id()};
        try {
            change(id);
            redirect(ctx, "/groups/" + id.str() + "?saved=1");
        } catch (const Failure& f) {
            if (f.code() != FailureCode::invalid) throw;
            form(s, ctx, f.fields(), 422);
        }
    };
    routes.push_back({"GET", R"(/groups/(\d+)/terms/new)", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) { terms_page(s, ctx); }, "/groups/1/terms/new"});
    routes.push_back({"POST", R"(/groups/(\d+)/terms)", Permission::manage_governance, Surface::page,
                      [&s, on_group](Ctx& ctx) {
                          on_group(ctx, [&](GroupId id) { add_terms(s, ctx.who(), id, ctx.form("markdown"), ctx.form("approved_on")); }, terms_page);
                      },
                      "/groups/1/terms"});
    routes.push_back({"GET", R"(/groups/(\d+)/members/new)", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) { add_member_page(s, ctx); }, "/groups/1/members/new"});
    routes.push_back({"POST", R"(/groups/(\d+)/members)", Permission::manage_governance, Surface::page,
                      [&s, on_group](Ctx& ctx) {
                          on_group(
                              ctx,
                              [&](GroupId id) {
                                  add_member(s, ctx.who(), id,
                                             {ctx.form("person_id"), ctx.form("code"), ctx.form("role"), ctx.form("priority"), ctx.form("start"),
                                              ctx.form("end"), ctx.form("nominated_deputy")});
                              },
                              add_member_page);
                      },
                      "/groups/1/members"});
    routes.push_back({"GET", R"(/groups/(\d+)/members/end)", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) { end_membership_page(s, ctx); }, "/groups/1/members/end"});
    routes.push_back({"POST", R"(/groups/(\d+)/members/end)", Permission::manage_governance, Surface::page,
                      [&s, on_group](Ctx& ctx) {
                          on_group(
                              ctx,
                              [&](GroupId id) {
                                  const MembershipId member{form_int(ctx, "membership_id")};
                                  int version = -1;
                                  bool found = false;
                                  for (const auto& m : read_group(s, ctx.who(), id).members) {
                                      if (m.membership.id == member && m.current) {
                                          version = m.membership.version;
                                          found = true;
                                      }
                                  }
                                  if (!found) throw Failure::invalid({{"membership_id", "Select the member who left"}});
                                  end_membership(s, ctx.who(), id, member, version, ctx.form("end"));
                              },
                              end_membership_page);
                      },
                      "/groups/1/members/end"});
    routes.push_back({"GET", R"(/groups/(\d+)/meetings/new)", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) { meeting_form(s, ctx, MeetingInput{}, {}, 200); }, "/groups/1/meetings/new"});
    routes.push_back({"POST", R"(/groups/(\d+)/meetings)", Permission::manage_governance, Surface::page,
                      [&s](Ctx& ctx) {
                          const MeetingInput in = meeting_input(ctx);
                          try {
                              const Meeting m = schedule_meeting(s, ctx.who(), GroupId{ctx.path_id()}, in);
                              redirect(ctx, "/meetings/" + m.id.str() + "?saved=1");
                          } catch (const Failure& f) {
                              if (f.code() != FailureCode::invalid) throw;
                              meeting_form(s, ctx, in, f.fields(), 422);
                          }
                      },
                      "/groups/1/meetings"});
}

void add_governance_routes(std::vector<Route>& routes, Services& s) {
    add_group_routes(routes, s);
    add_meeting_routes(routes, s);
    add_governance_report_routes(routes, s);
    add_governance_api_routes(routes, s);
}

}  // namespace assure::web
