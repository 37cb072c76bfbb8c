// The closed set of expected failures. Every failure a user can cause or meet has a code
// here; error_table.cpp gives each its HTTP status and its message in every language.
#pragma once

#include <string_view>

namespace ow {

enum class ErrorCode {
    // Request shape
    kMalformedJson,
    kMissingField,
    kWrongType,
    kInvalidValue,
    kUnknownField,
    kPayloadTooLarge,
    kUnsupportedMediaType,
    kNotFound,
    kMethodNotAllowed,
    kBadRequest,
    // Identity documents
    kInvalidIdNumber,
    kInvalidCreditCode,
    // E-licenses
    kInvalidLicenseNumber,
    // Accounts and access
    kUnauthenticated,
    kBadCredentials,
    kAccountLocked,
    kAccountDisabled,
    kRateLimited,
    kForbidden,
    kOutOfScope,
    kSeparationOfDuties,
    kWeakPassword,
    kPasswordChangeRequired,
    kCrossSiteRequest,
    // Calendar
    kInvalidDate,
    kInvalidHolidayNotice,
    // Catalog
    kInvalidCatalog,
    // Data
    kAlreadyExists,
    kConflict,
    kReferenceMissing,
    kInvalidState,
    // Infrastructure
    kStorageError,
    kUnavailable,
    kInternal,
};

// The stable, snake_case name clients see in {"error":{"code": ...}}.
std::string_view ErrorCodeName(ErrorCode code);

}  // namespace ow
