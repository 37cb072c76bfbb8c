// E-licenses in JSON, as the API and the CLI show them: the published keys, a license's public
// fields, the registry's view of a license, use copies and verification answers.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "catalog/catalog_types.hpp"
#include "codec/json_reader.hpp"
#include "licenses/license_service.hpp"

namespace ow::codec {

// {"keys":[{"department_code","department_name_zh","department_name_en","key_id","public_key",
// "created","retired"}]}
boost::json::object WriteLicenseKeys(const std::vector<licenses::DepartmentKey>& keys);
boost::json::object WriteLicenseKey(const licenses::DepartmentKey& key);
// The keys of such a document (the CLI verifies offline from a saved copy); instants are read
// with `parse_instant`.
Result<licenses::PublishedKeySet> ReadLicenseKeys(
    JsonReader& in, const std::function<std::optional<Timestamp>(std::string_view)>& parse_instant);

// LicensePublic: what the signed payload says. `labels` (from the catalog, same order as the
// fields, may be empty) adds label_zh and label_en to each field.
boost::json::object WriteLicensePublic(const licenses::License& license,
                                       const std::vector<catalog::LicenseField>& labels);

// LicenseView: the registry's view, with the signed text and the events. `today` turns a valid
// license past its last day into "expired".
boost::json::object WriteLicenseView(const licenses::StoredLicense& stored,
                                     const std::vector<catalog::LicenseField>& labels, Date today);

boost::json::object WriteUseCopy(const licenses::UseCopy& copy);
// A stored copy with its text.
boost::json::object WriteStoredCopy(const licenses::StoredCopy& copy);

boost::json::object WriteVerification(const licenses::OnlineVerification& v,
                                      const std::vector<catalog::LicenseField>& labels);

}  // namespace ow::codec
