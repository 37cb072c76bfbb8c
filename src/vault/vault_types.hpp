// The material vault (数据多跑路): uploaded files, content-addressed and kept once however often
// they are uploaded, and the documents each holder (ID number or credit code) has on file —
// materials accepted with a case and results issued — so a later application can use them
// instead of asking again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "common/dates.hpp"

namespace ow::vault {

struct StoredFile {
    std::string id;      // random, unguessable
    std::string sha256;  // of the content; equal contents are stored once
    int64_t size = 0;
    std::string content_type;
    std::string name;
    std::optional<int64_t> uploaded_by;
    Timestamp created_at{};
};

// The e-license a result document stands for, as the registry has it now.
struct LicenseLink {
    std::string number;
    std::string state;  // valid, suspended, revoked, expired, or superseded
    std::optional<Date> valid_until;
    std::string issuer_zh;
    std::string issuer_en;
};

struct VaultDocument {
    int64_t id = 0;
    std::string holder;
    std::string document_type;
    std::string file_id;  // empty for a result whose file is not produced here
    std::string source;   // "material" or "result"
    std::string source_case;
    Date valid_from;
    std::optional<Date> valid_until;
    Timestamp created_at{};
    std::optional<LicenseLink> license;  // a result that is an e-license

    bool ValidOn(Date day) const {
        return Days(valid_from) <= Days(day) && (!valid_until || Days(day) <= Days(*valid_until));
    }
    // Whether a later application may use it on `day`: valid, and, for an e-license, neither
    // revoked, suspended, expired nor replaced by a newer version.
    bool Reusable(Date day) const {
        if (!ValidOn(day)) return false;
        if (!license) return true;
        return license->state == "valid" &&
               (!license->valid_until || Days(day) <= Days(*license->valid_until));
    }
};

}  // namespace ow::vault
