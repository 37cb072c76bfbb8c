// LicenseService: the e-license registry as people use it. Issues the license of a case whose
// result is one (numbered in its series, signed with the issuing department's key, linked to the
// case's result in the vault, once per case however often it is asked), answers who may read
// and change which license, verifies texts against the registry, keeps the departments' keys
// (created on first use, sealed with the master key, rotated by admins) and makes use copies.
// Every change goes through Changed(): the one place the rest of the program hears of it.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "cases/case_store.hpp"
#include "catalog/catalog_service.hpp"
#include "common/clock.hpp"
#include "licenses/key_ring.hpp"
#include "licenses/license_store.hpp"
#include "notices/notice.hpp"
#include "org/org_service.hpp"

namespace ow::licenses {

// A published key with its department's names (GET /api/v1/licenses/keys).
struct DepartmentKey {
    PublishedKey key;
    std::string name_zh;
    std::string name_en;
};

// The registry's answer to a license or copy text.
struct OnlineVerification {
    Verdict verdict = Verdict::kTampered;
    std::optional<License> license;  // as signed, when the signature holds
    std::optional<UseCopy> copy;     // for a use copy
    std::optional<std::string> superseded_by;
};

// The issuing department of `department_id` as licenses name it: "<unit code>-<dept code>".
std::string DepartmentCodeOf(const org::OrgSnapshot& org, int64_t department_id);
// The issuer part of license numbers: the unit code and the department code upper-cased,
// letters and digits only (e.g. 440700AMR).
std::string IssuerCodeOf(const org::OrgSnapshot& org, int64_t department_id);
// The last day of a validity that starts on `from`; none when permanent.
std::optional<Date> ValidUntil(const catalog::LicenseValidity& validity, Date from);

class LicenseService {
public:
    // What happened: "issued", "suspended", "reinstated", "revoked", "renewed", "changed",
    // "copy_made"; the license as it is now (for renew and change: the new version).
    using Listener = std::function<void(const StoredLicense&, std::string_view what)>;

    LicenseService(LicenseStore& store, cases::CaseStore& cases, catalog::CatalogService& catalog,
                   org::OrgService& org, MasterKey master, const Clock& clock);

    void SetListener(Listener listener) { listener_ = std::move(listener); }

    // Who must be told that a license was issued ("license.issued") or revoked
    // ("license.revoked", with the reason): planned inside the change's transaction.
    using NoticePlanner = std::function<Result<std::vector<notices::NewNotice>>(
        const StoredLicense&, std::string_view event, const std::string& reason)>;
    void SetNoticePlanner(NoticePlanner planner) { planner_ = std::move(planner); }

    // The license of a case whose result is an e-license: issued now, or the one it has.
    // nullopt when the case has no e-license result (yet). kInvalidState (reason
    // "no_department:<code>") when no department of the spec's code serves the case's unit.
    Result<std::optional<StoredLicense>> IssueForCase(const cases::Case& c);
    // Issues the licenses that a crash left out (a result in the vault without one); returns
    // how many were issued.
    Result<int> CatchUp(int limit = 100);

    // Reading: the holder, the issuing department's staff, admins; others get kNotFound.
    Result<StoredLicense> Get(const auth::Principal& p, const std::string& number);
    // A citizen's or enterprise's own; a reviewer's department's; an admin's all; other staff
    // none. `holder` narrows, `number` matches a part of the number.
    Result<std::vector<StoredLicense>> List(const auth::Principal& p,
                                            const std::optional<std::string>& holder,
                                            const std::optional<std::string>& number);

    // Every department's keys, retired ones included.
    Result<std::vector<DepartmentKey>> Keys();
    // Verifies OWL1 or OWC1 text against the published keys and the registry's current state.
    // kBadRequest (field "text", the reason ParseLicenseText gives) for text that is neither.
    Result<OnlineVerification> Verify(std::string_view text);

    // The issuing department's staff and admins; the holder gets kForbidden. kInvalidState
    // (reason license_not_valid, license_not_suspended, license_revoked, license_superseded)
    // for an operation the license's state does not allow.
    Result<StoredLicense> Suspend(const auth::Principal& p, const std::string& number,
                                  const std::string& reason);
    Result<StoredLicense> Reinstate(const auth::Principal& p, const std::string& number,
                                    const std::string& reason);
    Result<StoredLicense> Revoke(const auth::Principal& p, const std::string& number,
                                 const std::string& reason);
    // A new version with new dates and the same fields; the old one is superseded.
    Result<StoredLicense> Renew(const auth::Principal& p, const std::string& number);
    // A new version with `fields` replaced (keys must exist) and the same dates.
    Result<StoredLicense> Change(const auth::Principal& p, const std::string& number,
                                 const std::map<std::string, std::string>& fields,
                                 const std::string& reason);
    // A new key for the department ("<unit code>-<dept code>"); the old one is kept, retired.
    // Admins only.
    Result<DepartmentKey> RotateKey(const auth::Principal& p, const std::string& department);

    // The holder only: a use copy for `purpose` until `valid_until`.
    Result<StoredCopy> MakeCopy(const auth::Principal& p, const std::string& number,
                                const std::string& purpose, Date valid_until);
    Result<std::vector<StoredCopy>> Copies(const auth::Principal& p, const std::string& number);

    // The printed labels of a license's fields, from its type in the catalog ({key, zh, en}).
    std::vector<catalog::LicenseField> FieldLabels(const License& license) const;

private:
    Result<SigningKey> ActiveKey(const std::string& department);
    Result<StoredLicense> Load(const std::string& number);
    Result<StoredLicense> LoadForStaff(const auth::Principal& p, const std::string& number);
    Result<StoredLicense> SetState(const auth::Principal& p, const std::string& number,
                                   LicenseState from, LicenseState to, const char* event,
                                   const std::string& reason);
    Result<StoredLicense> NewVersion(const auth::Principal& p, const std::string& number,
                                     const std::map<std::string, std::string>* fields,
                                     const std::string& reason);
    void Changed(const StoredLicense& license, std::string_view what);
    Result<std::vector<notices::NewNotice>> Tell(const StoredLicense& license,
                                                 std::string_view event, const std::string& reason);

    LicenseStore& store_;
    cases::CaseStore& cases_;
    catalog::CatalogService& catalog_;
    org::OrgService& org_;
    MasterKey master_;
    const Clock& clock_;
    Listener listener_;
    NoticePlanner planner_;
};

// Whether `p` holds the license (their ID number or credit code).
bool IsHolder(const auth::Principal& p, const License& license);

}  // namespace ow::licenses
