#pragma once
// The documents' repository over sql::Connection (kept out of repos.hpp, which every store
// source includes; see app/ports/documents.hpp's DocumentTransaction).
#include "app/ports/documents.hpp"
#include "store/sql/connection.hpp"

namespace assure::sql {

class SqlDocuments final : public DocumentRepo {
public:
    explicit SqlDocuments(Connection& db) : db_(db) {}
    Page<Document> documents(const DocumentQuery& query) override;
    std::optional<Document> find_document(PartnershipId partnership, DocumentId id) override;
    DocumentId insert_document(const Document& d, const DocumentVersion& first) override;
    int add_version(PartnershipId partnership, DocumentId id, const DocumentVersion& v) override;
    int versions_with(const std::string& sha256) override;

private:
    Connection& db_;
};

}  // namespace assure::sql
