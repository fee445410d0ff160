#pragma once
// The XmlReader port over expat. Element names are passed as written (no namespace
// processing: the DfE's census files use none). A document type declaration is refused, so
// no entity a file declares is ever expanded.
#include "app/ports/xml.hpp"

namespace assure::ingest {

class ExpatXmlReader final : public XmlReader {
public:
    void read(std::string_view xml, XmlEvents& events) const override;
};

}  // namespace assure::ingest
