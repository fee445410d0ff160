// Publishing a meeting's agenda: the group's members are told, with the items and a link to the
// meeting, in the transaction that records it (issue 19 item 3).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/governance/internal.hpp"
#include "app/mail.hpp"

namespace assure {

using namespace governance_detail;

void publish_agenda(Services& s, const Actor& actor, MeetingId id, int expected_version, const std::string& site) {
    require(actor, Permission::manage_governance);
    s.store.write([&](Transaction& tx) {
        const Meeting m = load_meeting_for_change(tx, actor, id, expected_version);
        if (m.status != MeetingStatus::planned) {
            throw Failure::invalid({{"agenda", m.status == MeetingStatus::cancelled ? "This meeting was cancelled; its agenda cannot be published"
                                                                                    : "This meeting has been held; its agenda is no longer published"}});
        }
        if (m.agenda.empty()) throw Failure::invalid({{"agenda", "Add at least one agenda item before publishing the agenda"}});
        const Instant now = s.clock.now();
        if (auto at = tx.mail().agenda_published_at(actor.partnership, id)) {
            throw Failure::invalid({{"agenda", "The agenda was already published on " + display_instant(*at)}});
        }
        if (!tx.mail().record_agenda_published(actor.partnership, id, now, actor.label)) {
            throw Failure::invalid({{"agenda", "The agenda was already published"}});
        }
        const Group g = load_group(tx, actor, m.group);
        AgendaNotice notice{g.name, m.on, m.starts_at, m.place, m.online, {}, "/meetings/" + m.id.str()};
        for (const auto& item : m.agenda) notice.items.push_back(item.title);
        const auto partnership = tx.partnerships().find(actor.partnership);
        const std::string partnership_name = partnership ? partnership->name : "";
        const MailText text = agenda_published_text(partnership_name, notice, site);

        const auto users = tx.users().list(actor.partnership);
        const auto preferences = recorded_preferences(tx, actor.partnership);
        std::vector<std::string> told;
        for (const Membership& member : tx.governance().memberships(actor.partnership, m.group)) {
            if (!member_on(member, m.on)) continue;
            for (const User& u : users) {
                if (u.person != member.person || std::find(told.begin(), told.end(), u.email) != told.end()) continue;
                if (deliver_to_person(tx, now, u, preferences_for(preferences, u), MailKind::agenda_published, text)) told.push_back(u.email);
            }
        }
        record_audit(tx, actor, now, "meeting.agenda_publish", "meeting", m.id.str(), "",
                     nlohmann::json{{"meeting", m.id.value}, {"items", notice.items}, {"told", told.size()}}.dump());
    });
}

}  // namespace assure
