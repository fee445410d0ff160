// The review group a partnership draws its case panels from (issue 20 item 4; decision 0041):
// named in its settings, and its current members, with the interests they declared, offered as
// a case's panel.
#include <charconv>
#include <nlohmann/json.hpp>

#include "app/ports/review_panels.hpp"
#include "app/review_panels.hpp"
#include "app/reviews/internal.hpp"
#include "core/text.hpp"

namespace assure {
namespace reviews_detail {

ReviewPanelRepo& review_panels_of(Transaction& tx) {
    auto* with = dynamic_cast<ReviewPanelTransaction*>(&tx);
    if (with == nullptr) throw Failure(FailureCode::unavailable, "Review panels are not kept by this store", {}, "no ReviewPanelTransaction");
    return with->review_panels();
}

std::optional<Group> review_group_of(Transaction& tx, PartnershipId partnership) {
    const auto id = review_panels_of(tx).review_group(partnership);
    return id ? tx.governance().find_group(partnership, *id) : std::nullopt;
}

std::vector<PanelCandidate> review_group_members(Services& s, Transaction& tx, const Group& group, const Case& c) {
    const auto memberships = tx.governance().memberships(group.partnership, group.id);
    std::vector<PersonId> people;
    for (const auto& m : memberships) people.push_back(m.person);
    return panel_candidates_of(memberships, tx.people().names(group.partnership, people), tx.users().list(group.partnership),
                               review_panels_of(tx).interests_of(group.partnership, people), c, london_today(s));
}

}  // namespace reviews_detail

using namespace reviews_detail;

namespace {

bool active_on(const Group& g, Date today) { return g.active_from <= today && (!g.active_to || today <= *g.active_to); }

std::vector<Group> active_groups(Transaction& tx, PartnershipId partnership, Date today) {
    std::vector<Group> out;
    for (auto& g : tx.governance().groups(partnership)) {
        if (active_on(g, today)) out.push_back(std::move(g));
    }
    return out;
}

nlohmann::json group_json(const std::optional<Group>& g) {
    return g ? nlohmann::json{{"group_id", g->id.value}, {"name", g->name}} : nlohmann::json{{"group_id", nullptr}};
}

}  // namespace

// Which group it is is no secret: the groups are open to everyone who works in the partnership.
ReviewGroupSetting read_review_group(Services& s, const Actor& actor) {
    require(actor, Permission::view_governance);
    ReviewGroupSetting out;
    s.store.read([&](Transaction& tx) {
        out.group = review_group_of(tx, actor.partnership);
        out.choices = active_groups(tx, actor.partnership, london_today(s));
    });
    return out;
}

ReviewGroupSetting set_review_group(Services& s, const Actor& actor, const std::string& group_id) {
    require(actor, Permission::edit_partnership);
    ReviewGroupSetting out;
    s.store.write([&](Transaction& tx) {
        const Date today = london_today(s);
        const auto before = review_group_of(tx, actor.partnership);
        std::optional<Group> chosen;
        const std::string raw = trim(group_id);
        if (!raw.empty()) {
            std::int64_t v = 0;
            const auto r = std::from_chars(raw.data(), raw.data() + raw.size(), v);
            if (r.ec == std::errc{} && r.ptr == raw.data() + raw.size()) chosen = tx.governance().find_group(actor.partnership, GroupId{v});
            if (!chosen || !active_on(*chosen, today)) {
                throw Failure::invalid({{"group_id", "Select one of the partnership's groups that meets today"}});
            }
        }
        review_panels_of(tx).set_review_group(actor.partnership, chosen ? std::optional<GroupId>(chosen->id) : std::nullopt);
        record_audit(tx, actor, s.clock.now(), "partnership.review_group", "partnership", actor.partnership.str(),
                     group_json(before).dump(), group_json(chosen).dump());
        out.group = chosen;
        out.choices = active_groups(tx, actor.partnership, today);
    });
    return out;
}

PanelChoice panel_choice(Services& s, const Actor& actor, CaseId id) {
    require(actor, Permission::manage_reviews);
    PanelChoice out;
    s.store.read([&](Transaction& tx) {
        const Case c = load_visible(tx, actor, id);
        out.group = review_group_of(tx, actor.partnership);
        if (out.group) {
            out.members = review_group_members(s, tx, *out.group, c);
            return;
        }
        for (auto& u : tx.users().list(actor.partnership)) {
            if (may_sit_on_panels(u)) out.accounts.push_back(std::move(u));
        }
    });
    return out;
}

}  // namespace assure
