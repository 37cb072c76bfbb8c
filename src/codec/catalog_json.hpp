// The catalog in its JSON form (docs/catalog-format.md): read strictly (unknown fields and wrong
// types are errors naming their path), written canonically (the same catalog always gives the
// same text, so versions compare by content).
#pragma once

#include <boost/json/object.hpp>

#include "catalog/catalog_types.hpp"
#include "codec/json_reader.hpp"

namespace ow::codec {

inline constexpr const char* kCatalogFormat = "onewindow-catalog/1";

// The whole file. Shape errors are kMissingField/kWrongType/kUnknownField with the path; a wrong
// "format" is kInvalidCatalog. The rules of the catalog are checked by catalog::ValidateCatalog.
Result<catalog::Catalog> ReadCatalog(JsonReader& in);
Result<catalog::Item> ReadItem(JsonReader& in);

boost::json::object WriteCatalog(const catalog::Catalog& catalog);
// include_version: the stored version number, for API answers (not part of the file form).
boost::json::object WriteItem(const catalog::Item& item, bool include_version = false);
boost::json::object WriteDocumentType(const catalog::DocumentType& type);
boost::json::object WriteBundle(const catalog::Bundle& bundle);
boost::json::object WriteMaterial(const catalog::Material& material);

}  // namespace ow::codec
