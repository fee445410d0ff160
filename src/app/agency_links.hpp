#pragma once
// Use cases of the links between agency records of different partnerships (issue 14, item 2;
// docs/decisions/0024). A partnership proposes that one of its agencies is the same organisation
// as an agency of another partnership on this server; that partnership accepts, choosing its
// agency, or declines. An administrator of the server may set a link at once. Either side may
// end a link. Only an accepted link carries a Section 11 or 175 return across (app/learning).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/context.hpp"
#include "core/agency_links.hpp"

namespace assure {

// A link as one partnership sees it.
struct AgencyLinkView {
    AgencyLink link;
    std::string our_agency;         // this partnership's agency; "" for a proposal it received
    std::string their_partnership;  // the other partnership's name
    std::string their_agency;       // the other side's agency; "" while a proposal awaits them
    bool incoming = false;          // proposed to this partnership, waiting for its answer
};

struct AgencyLinkInput {
    std::string agency_id;    // one of the actor's agencies
    std::string partnership;  // the other partnership's id
    // Only an administrator of the server (manage_partnerships): the organisation code of the
    // agency there, to set the link at once rather than propose it.
    std::string their_organisation_code = {};
};

Page<AgencyLinkView> list_agency_links(Services& s, const Actor& actor, const PageRequest& page);
AgencyLinkView get_agency_link(Services& s, const Actor& actor, std::int64_t id);
// The other partnerships on this server, for the proposal form.
std::vector<Partnership> partnerships_to_link(Services& s, const Actor& actor);
AgencyLinkView propose_agency_link(Services& s, const Actor& actor, const AgencyLinkInput& input);
AgencyLinkView accept_agency_link(Services& s, const Actor& actor, std::int64_t id, int expected_version,
                                  const std::string& agency_id);
// Withdraws or declines a proposal, or ends a link: either side may.
void remove_agency_link(Services& s, const Actor& actor, std::int64_t id, int expected_version);

nlohmann::json to_json(const AgencyLinkView& view);

}  // namespace assure
