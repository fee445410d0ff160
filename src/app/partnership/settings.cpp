// A partnership's own settings: reading and changing them, adding a partnership, and giving a
// partnership made before settings existed the server's defaults.
#include <nlohmann/json.hpp>

#include "app/access.hpp"
#include "app/partnership.hpp"
#include "core/text.hpp"
#include "core/user.hpp"

namespace assure {
namespace {

using nlohmann::json;

PartnershipSettings load_settings(Transaction& tx, PartnershipId id) {
    auto p = tx.partnerships().find(id);
    if (!p) throw Failure::not_found("partnership " + id.str());
    return PartnershipSettings{std::move(*p), rules_of(tx, id)};
}

json standards_record(const std::vector<AuditStandard>& standards) {
    json a = json::array();
    for (const auto& s : standards) a.push_back({{"code", s.code}, {"title", s.title}, {"prompt", s.prompt}});
    return a;
}

}  // namespace

json settings_audit_record(const PartnershipSettings& settings) {
    const auto& p = settings.partnership;
    const auto& r = settings.rules;
    json numbers = json::object();
    for (const auto& n : number_settings()) numbers[std::string(n.key)] = n.get(r);
    json flags = json::object();
    for (const auto& f : flag_settings()) flags[std::string(f.key)] = f.get(r);
    json cycle = json::array();
    for (const auto& m : r.governance.annual_cycle) cycle.push_back({{"month", m.month}, {"label", m.label}});
    return {{"slug", p.slug},
            {"name", p.name},
            {"area", p.area},
            {"logo_text", p.logo_text},
            {"rules_name", r.reviews.name},
            {"rapid_review_anchor", anchor_key(r.reviews.rapid_review_anchor)},
            {"numbers", numbers},
            {"flags", flags},
            {"annual_cycle", cycle},
            {"priorities", r.learning.priorities},
            {"section_11", standards_record(r.learning.section_11)},
            {"section_175", standards_record(r.learning.section_175)}};
}

PartnershipSettings read_settings(Services& s, const Actor& actor) {
    require(actor, Permission::signed_in);
    PartnershipSettings out;
    s.store.read([&](Transaction& tx) { out = load_settings(tx, actor.partnership); });
    return out;
}

PartnershipSettings change_settings(Services& s, const Actor& actor, int expected_version, const SettingsChange& change) {
    require(actor, Permission::edit_partnership);
    PartnershipSettings after;
    s.store.write([&](Transaction& tx) {
        const PartnershipSettings before = load_settings(tx, actor.partnership);
        after = before;
        if (auto errors = apply_settings(change, after); !errors.empty()) throw Failure::invalid(std::move(errors));
        if (before.partnership.version != expected_version) throw Failure::stale("partnership settings");
        if (!tx.partnerships().update(after.partnership, after.rules)) throw Failure::stale("partnership settings");
        ++after.partnership.version;
        record_audit(tx, actor, s.clock.now(), "partnership.settings", "partnership", actor.partnership.str(),
                     settings_audit_record(before).dump(), settings_audit_record(after).dump());
    });
    return after;
}

PartnershipSettings create_partnership(Services& s, const Actor& actor, const NewPartnershipInput& input) {
    require(actor, Permission::manage_partnerships);
    PartnershipSettings made{input.partnership, s.defaults};
    auto& p = made.partnership;
    p.slug = trim(p.slug);
    p.name = trim(p.name);
    p.area = trim(p.area);
    p.logo_text = trim(p.logo_text);
    p.version = 1;
    s.store.write([&](Transaction& tx) {
        FieldErrors errors = validate_new_partnership(p);
        if (errors.empty() && tx.partnerships().find_by_slug(p.slug)) {
            errors.push_back({"slug", "A partnership on this server already has the short name '" + p.slug + "'"});
        }
        Person admin;
        PersonInput person{input.admin_name, input.admin_job_title, "none", input.admin_email};
        for (auto& e : validate_person(person, {}, admin)) errors.push_back({"admin_" + e.field, std::move(e.message)});
        for (auto& e : validate_new_password(input.admin_password, "admin_password")) errors.push_back(std::move(e));
        if (!admin.email.empty() && tx.users().find_by_email(admin.email)) {
            errors.push_back({"admin_email", "A user account on this server already has this email address"});
        }
        if (!errors.empty()) throw Failure::invalid(std::move(errors));

        p.id = tx.partnerships().insert(p, made.rules);
        admin.partnership = p.id;
        admin.id = tx.people().insert(admin);
        User user;
        user.partnership = p.id;
        user.person = admin.id;
        user.email = admin.email;
        user.display_name = admin.name;
        user.role = Role::administrator;
        user.password_hash = s.hasher.hash(input.admin_password);
        user.must_change_password = set_by_a_person(actor);
        user.id = tx.users().insert(user);
        const Instant now = s.clock.now();
        const std::string record = settings_audit_record(made).dump();
        // In the trail of the partnership that asked for it, and of the new one.
        record_audit(tx, actor, now, "partnership.create", "partnership", p.id.str(), "", record);
        Actor in_new = actor;
        in_new.partnership = p.id;
        record_audit(tx, in_new, now, "partnership.create", "partnership", p.id.str(), "", record);
        record_audit(tx, in_new, now, "person.create", "person", admin.id.str(), "", to_json(admin).dump());
        record_audit(tx, in_new, now, "user.create", "user", user.id.str(), "",
                     json{{"email", user.email}, {"role", role_key(user.role)}}.dump());
    });
    return made;
}

std::vector<Partnership> list_partnerships(Services& s, const Actor& actor) {
    require(actor, Permission::manage_partnerships);
    std::vector<Partnership> out;
    s.store.read([&](Transaction& tx) { out = tx.partnerships().list(); });
    return out;
}

int adopt_default_rules(Services& s) {
    int adopted = 0;
    s.store.write([&](Transaction& tx) {
        for (const auto& p : tx.partnerships().list()) {
            if (!tx.partnerships().adopt_rules(p.id, s.defaults)) continue;
            ++adopted;
            const PartnershipSettings now{p, s.defaults};
            record_audit(tx, Actor::system(p.id), s.clock.now(), "partnership.settings_adopted", "partnership", p.id.str(), "",
                         settings_audit_record(now).dump());
        }
    });
    return adopted;
}

}  // namespace assure
