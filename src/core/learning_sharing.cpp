// One organisation, several partnerships: a return submitted once and shared with each
// partnership on this server whose open cycle asks the same questions on the same scale.
#include <algorithm>

#include "core/date_words.hpp"
#include "core/learning.hpp"

namespace assure {
namespace {

std::vector<std::string> codes_of(const std::vector<AuditStandard>& standards) {
    std::vector<std::string> out;
    for (const auto& st : standards) out.push_back(st.code);
    std::sort(out.begin(), out.end());
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

}  // namespace

std::optional<std::string> share_refusal(const AuditCycle& from, const AuditReturn& ret, const AuditCycle& to,
                                         const std::optional<AuditReturn>& existing, Date today) {
    if (to.kind != from.kind) return std::string("It is a ") + std::string(audit_kind_label(to.kind)) + " cycle";
    if (!cycle_open_on(to, today)) {
        return "Its cycle \"" + to.title + "\" is not open (" + date_in_words(to.opens) + " to " + date_in_words(to.closes) +
               (to.closed ? ", closed early" : "") + ")";
    }
    if (to.scale != from.scale) {
        return "Its cycle grades " + std::string(grade_scale_label(to.scale)) + ", this return " +
               std::string(grade_scale_label(from.scale));
    }
    const auto here = codes_of(from.standards);
    const auto there = codes_of(to.standards);
    if (here != there) {
        std::vector<std::string> missing, extra;
        std::set_difference(there.begin(), there.end(), here.begin(), here.end(), std::back_inserter(missing));
        std::set_difference(here.begin(), here.end(), there.begin(), there.end(), std::back_inserter(extra));
        std::string why = "Its cycle asks different standards";
        if (!missing.empty()) why += "; it also asks " + joined(missing);
        if (!extra.empty()) why += "; it does not ask " + joined(extra);
        return why;
    }
    if (existing && existing->status == ReturnStatus::submitted) {
        if (existing->shared_from && existing->shared_from->source == ret.id) {
            return "Already shared on " + date_in_words(existing->shared_from->shared_on);
        }
        if (existing->shared_from) return "It already holds a return shared from " + existing->shared_from->partnership_name;
        return "The organisation submitted its own return there on " + date_in_words(existing->submitted_on.value_or(Date{}));
    }
    return std::nullopt;
}

AuditReturn shared_copy(const AuditReturn& ret, const std::optional<AuditReturn>& existing, const AuditCycle& to,
                        AgencyId agency_there, const SharedOrigin& origin) {
    AuditReturn copy;
    if (existing) {
        copy.id = existing->id;
        copy.version = existing->version;
    }
    copy.cycle = to.id;
    copy.partnership = to.partnership;
    copy.agency = agency_there;
    copy.status = ReturnStatus::submitted;
    copy.submitted_on = ret.submitted_on;
    copy.submitted_by = ret.submitted_by;
    copy.shared_from = origin;
    // In the other cycle's order of standards; the codes are the same (share_refusal).
    for (const auto& st : to.standards) {
        const auto a = std::find_if(ret.answers.begin(), ret.answers.end(), [&](const StandardAnswer& x) { return x.code == st.code; });
        if (a != ret.answers.end()) copy.answers.push_back({a->code, a->grade, a->narrative, a->evidence, "", ""});
    }
    return copy;
}

}  // namespace assure
