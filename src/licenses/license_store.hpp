// LicenseStore: where the registry keeps signing keys, licenses with all their versions, their
// audited events and use copies (implemented in storage/). Issuing, versioning and state
// changes are each one transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "licenses/key_ring.hpp"
#include "licenses/license.hpp"
#include "licenses/signing.hpp"
#include "licenses/use_copy.hpp"
#include "notices/notice.hpp"

namespace ow::licenses {

// One audited operation: issued, suspended, reinstated, revoked, renewed, changed, expired,
// copy_made.
struct LicenseEvent {
    std::string type;
    Timestamp at{};
    std::optional<int64_t> actor;  // none: the system (issuance after a case, expiry)
    std::string reason;
    friend bool operator==(const LicenseEvent&, const LicenseEvent&) = default;
};

// A license as the registry keeps it: as signed, plus what happened to it since.
struct StoredLicense {
    explicit StoredLicense(License l) : license(std::move(l)) {}

    License license;                           // license.state is the registry's current state
    SignedLicense signed_;                     // the payload carries the state at signing (valid)
    std::optional<std::string> superseded_by;  // the next version's number, once there is one
    std::string source_case;                   // empty for renewals and changes
    std::optional<int64_t> holder_user_id;     // the holder's account, for live updates
    Timestamp created_at{};
    std::vector<LicenseEvent> events;  // oldest first (filled by Find)
};

struct StoredCopy {
    UseCopy copy;
    std::string number;  // of the license version it copies
    std::string text;    // OWC1…
    std::optional<int64_t> made_by;
    Timestamp created_at{};
    friend bool operator==(const StoredCopy&, const StoredCopy&) = default;
};

struct LicenseQuery {
    std::optional<std::string> holder;                    // ID number or credit code
    std::optional<std::vector<std::string>> departments;  // issuer department codes
    std::optional<std::string> number_contains;
    int limit = 200;
};

// What IssueForCase hands the store: the series to number in and how to build the signed
// license once its sequence is known.
struct Issuance {
    std::string source_case;
    std::string type_code;
    std::string issuer_code;
    std::optional<int64_t> holder_user_id;
    std::function<Result<StoredLicense>(uint64_t sequence)> build;
    // Who is told of it, planned once the license is built; written in the same transaction.
    std::function<Result<std::vector<notices::NewNotice>>(const StoredLicense&)> notices;
};

class LicenseStore {
public:
    virtual ~LicenseStore() = default;

    // Every key of `department`, oldest first; every department's when empty.
    virtual Result<std::vector<StoredKey>> Keys(const std::string& department) = 0;
    // Adds `added` and marks `retired` (already carrying its retirement) in one transaction.
    // kAlreadyExists when the department has another active key already (a concurrent first
    // use or rotation: read again).
    virtual Result<void> SaveKeys(const StoredKey& added,
                                  const std::optional<StoredKey>& retired) = 0;

    // Issues the case's license: when the case has one already, returns it unchanged (and does
    // not call build); else allocates the series' next sequence, calls build, stores the
    // license with an "issued" event and links the case's result document in the vault to it.
    // Returns the stored license and whether it was issued now.
    virtual Result<std::pair<StoredLicense, bool>> Issue(const Issuance& issuance) = 0;

    // Stores `next` (a later version of `current_number`) and an event on each, marks the old
    // version superseded and moves the vault link to the new one. kConflict when
    // `current_number` is already superseded.
    virtual Result<void> AddVersion(const std::string& current_number, const StoredLicense& next,
                                    const LicenseEvent& event) = 0;
    // Sets the state, records the event and writes `notices`, in one transaction. kNotFound for
    // an unknown number.
    virtual Result<void> SetState(const std::string& number, LicenseState state,
                                  const LicenseEvent& event,
                                  const std::vector<notices::NewNotice>& notices) = 0;

    virtual Result<std::optional<StoredLicense>> Find(const std::string& number) = 0;
    virtual Result<std::optional<StoredLicense>> FindByCase(const std::string& case_id) = 0;
    // Newest first, without events.
    virtual Result<std::vector<StoredLicense>> List(const LicenseQuery& query) = 0;

    virtual Result<void> AddCopy(const StoredCopy& copy, const LicenseEvent& event) = 0;
    virtual Result<std::vector<StoredCopy>> Copies(const std::string& number) = 0;

    // Cases whose result is in the vault without a license (issuance was interrupted).
    virtual Result<std::vector<std::string>> CasesAwaitingLicense(int limit) = 0;
};

}  // namespace ow::licenses
