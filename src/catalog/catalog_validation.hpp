// Checks a catalog (or one item against the rest of it) before it is stored. Every failure is
// kInvalidCatalog with the path of the offending field, e.g.
// "items[AMR-001].materials[id_card].legal_basis", and a reason.
#pragma once

#include <set>
#include <string>

#include "catalog/catalog_types.hpp"
#include "common/result.hpp"

namespace ow::catalog {

// `departments`: the department codes that exist in the org tree.
Result<void> ValidateCatalog(const Catalog& catalog, const std::set<std::string>& departments);

// One item, with the document types it may refer to.
Result<void> ValidateItem(const Item& item, const std::vector<DocumentType>& document_types,
                          const std::set<std::string>& departments);

}  // namespace ow::catalog
