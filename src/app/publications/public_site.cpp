// The public site's reads, without sign-in: only approved publications, by the partnership's
// slug; a review report past the partnership's minimum is listed as available on request and
// its file is no longer served.
#include "app/publications.hpp"

namespace assure {
namespace {

Partnership by_slug(Transaction& tx, const std::string& slug) {
    auto p = tx.partnerships().find_by_slug(slug);
    if (!p) throw Failure::not_found("partnership " + slug);
    return *p;
}

PublicSite site_in(Services& s, Transaction& tx, const std::string& slug) {
    PublicSite site;
    site.partnership = by_slug(tx, slug);
    site.keep_months = rules_of(tx, site.partnership.id).reviews.keep_published_months;
    site.today = london_today(s);
    return site;
}

}  // namespace

PublicSite public_site(Services& s, const std::string& slug) {
    PublicSite out;
    s.store.read([&](Transaction& tx) { out = site_in(s, tx, slug); });
    return out;
}

PublicSite public_site_of(Services& s, const Actor& actor) {
    require(actor, Permission::view_report);
    std::string slug;
    s.store.read([&](Transaction& tx) {
        const auto p = tx.partnerships().find(actor.partnership);
        if (!p) throw Failure::not_found("partnership");
        slug = p->slug;
    });
    return public_site(s, slug);
}

PublicList public_publications(Services& s, const std::string& slug, std::optional<PublicSection> section,
                               const PageRequest& page) {
    PublicList out;
    s.store.read([&](Transaction& tx) {
        out.site = site_in(s, tx, slug);
        PublicationQuery q{out.site.partnership.id, PublicationState::approved, {}, page};
        if (section) q.kinds = kinds_of(*section);
        auto rows = publications_of(tx).publications(q);
        out.items.next = rows.next;
        for (auto& p : rows.items) {
            PublicItem item;
            item.availability = availability(p, out.site.keep_months, out.site.today);
            item.shown_until = shown_until(p, out.site.keep_months);
            if (publication_is_document(p.kind)) {
                // One statement per document publication: a page shows at most the page's limit.
                if (const auto doc = documents_of(tx).find_document(p.partnership, p.document)) {
                    for (const auto& v : doc->versions) {
                        if (v.number != p.document_version) continue;
                        item.content_type = v.content_type;
                        item.size = v.size;
                    }
                }
            }
            item.publication = std::move(p);
            out.items.items.push_back(std::move(item));
        }
    });
    return out;
}

PublicFile public_file(Services& s, const DocumentServices& d, const std::string& slug, PublicationId id) {
    PublicFile out;
    s.store.read([&](Transaction& tx) {
        const PublicSite site = site_in(s, tx, slug);
        const auto p = publications_of(tx).find(site.partnership.id, id);
        if (!p || p->state != PublicationState::approved || !publication_is_document(p->kind) ||
            availability(*p, site.keep_months, site.today) != Availability::shown) {
            throw Failure::not_found("publication " + id.str());
        }
        const auto doc = documents_of(tx).find_document(site.partnership.id, p->document);
        if (!doc) throw Failure::not_found("publication " + id.str() + "'s document");
        bool found = false;
        for (const auto& v : doc->versions) {
            if (v.number != p->document_version) continue;
            out.version = v;
            found = true;
        }
        if (!found) throw Failure::not_found("publication " + id.str() + "'s version");
        out.publication = *p;
    });
    const auto path = d.files.path_of(out.version.sha256);
    if (!path) throw Failure::not_found("document file " + out.version.sha256 + " is missing from the folder");
    out.path = *path;
    const auto type = allowed_document_type(out.version.content_type);
    out.filename = public_filename(out.publication.title, type ? type->extension : std::string_view(""));
    return out;
}

PublicReport public_report(Services& s, const std::string& slug, const std::string& year) {
    PublicReport out;
    const auto fy = FinancialYear::parse(year);
    if (!fy) throw Failure::not_found("report " + year);
    s.store.read([&](Transaction& tx) {
        out.site = site_in(s, tx, slug);
        const auto p = publications_of(tx).approved_report(out.site.partnership.id, fy->key());
        if (!p) throw Failure::not_found("published report " + year);
        out.publication = *p;
    });
    // The report's figures are counts, read as the business unit would (decision 0023).
    out.report = compose_report(s, Actor::system(out.site.partnership.id), fy->key());
    if (out.report.state != ReportState::approved) throw Failure::not_found("approved report " + year);
    return out;
}

}  // namespace assure
