// The city's organisation as data: org units in four levels (city, district/county,
// town/street, village/community), the service points where people are served, and the
// departments that review applications.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ow::org {

enum class OrgLevel { kCity, kDistrict, kTown, kVillage };
std::string_view OrgLevelName(OrgLevel level);  // "city", "district", "town", "village"
std::optional<OrgLevel> ParseOrgLevel(std::string_view name);

enum class ServicePointKind { kServiceCentre, kTownCentre, kVillagePoint, kBankBranch, kKiosk };
// "service_centre", "town_centre", "village_point", "bank_branch", "kiosk"
std::string_view ServicePointKindName(ServicePointKind kind);
std::optional<ServicePointKind> ParseServicePointKind(std::string_view name);

struct OrgUnit {
    int64_t id = 0;
    std::optional<int64_t> parent_id;  // none for the city
    OrgLevel level = OrgLevel::kCity;
    std::string code;  // administrative division code, e.g. 440781 for Taishan
    std::string name_zh;
    std::string name_en;
};

struct ServicePoint {
    int64_t id = 0;
    int64_t org_unit_id = 0;
    ServicePointKind kind = ServicePointKind::kServiceCentre;
    std::string code;
    std::string name_zh;
    std::string name_en;
    std::string address;
    bool active = true;
};

struct Department {
    int64_t id = 0;
    int64_t org_unit_id = 0;  // a city or district/county unit
    std::string code;         // unique within its unit, e.g. "amr"
    std::string name_zh;
    std::string name_en;
};

// Partial updates: only the fields that are set change.
struct OrgUnitPatch {
    std::optional<std::string> code, name_zh, name_en;
};
struct ServicePointPatch {
    std::optional<ServicePointKind> kind;
    std::optional<std::string> name_zh, name_en, address;
    std::optional<bool> active;
};
struct DepartmentPatch {
    std::optional<std::string> code, name_zh, name_en;
};

}  // namespace ow::org
