#pragma once
// The publications' repository over sql::Connection (kept out of repos.hpp, which every store
// source includes; see app/ports/publications.hpp's PublicationTransaction).
#include "app/ports/publications.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlPublications final : public PublicationRepo {
public:
    explicit SqlPublications(Connection& db) : db_(db) {}
    Page<Publication> publications(const PublicationQuery& query) override;
    std::optional<Publication> find(PartnershipId partnership, PublicationId id) override;
    std::optional<Publication> approved_report(PartnershipId partnership, const std::string& year) override;
    PublicationId insert(const Publication& p) override;
    bool decide(const Publication& p, int expected_version) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
