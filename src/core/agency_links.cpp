#include "core/agency_links.hpp"

namespace assure {

std::string_view agency_link_status_key(AgencyLinkStatus status) {
    switch (status) {
        case AgencyLinkStatus::proposed: return "proposed";
        case AgencyLinkStatus::accepted: return "accepted";
    }
    return "proposed";
}

std::optional<AgencyLinkStatus> parse_agency_link_status(std::string_view key) {
    if (key == "proposed") return AgencyLinkStatus::proposed;
    if (key == "accepted") return AgencyLinkStatus::accepted;
    return std::nullopt;
}

FieldErrors validate_link_proposal(const std::optional<Agency>& ours, PartnershipId proposer,
                                   const std::optional<Partnership>& there) {
    FieldErrors errors;
    if (!ours || ours->partnership != proposer) {
        errors.push_back({"agency_id", "Select one of your agencies"});
    } else if (!ours->active) {
        errors.push_back({"agency_id", "Select an active agency; " + ours->name + " has been deactivated"});
    }
    if (!there) {
        errors.push_back({"partnership", "Select another partnership on this service"});
    } else if (there->id == proposer) {
        errors.push_back({"partnership", "Select another partnership: an agency is linked to an agency of a different partnership"});
    }
    return errors;
}

FieldErrors validate_link_acceptance(const AgencyLink& link, PartnershipId acceptor, const std::optional<Agency>& theirs) {
    if (link.status != AgencyLinkStatus::proposed) return {{"link", "This link has already been accepted"}};
    if (link.to_partnership != acceptor) return {{"link", "Only the partnership a link was proposed to can accept it"}};
    if (!theirs || theirs->partnership != acceptor) return {{"agency_id", "Select one of your agencies"}};
    if (!theirs->active) return {{"agency_id", "Select an active agency; " + theirs->name + " has been deactivated"}};
    return {};
}

}  // namespace assure
