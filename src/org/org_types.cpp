#include "org/org_types.hpp"

#include <array>
#include <utility>

namespace ow::org {
namespace {

constexpr std::array<std::pair<OrgLevel, std::string_view>, 4> kLevels = {{
    {OrgLevel::kCity, "city"},
    {OrgLevel::kDistrict, "district"},
    {OrgLevel::kTown, "town"},
    {OrgLevel::kVillage, "village"},
}};

constexpr std::array<std::pair<ServicePointKind, std::string_view>, 5> kKinds = {{
    {ServicePointKind::kServiceCentre, "service_centre"},
    {ServicePointKind::kTownCentre, "town_centre"},
    {ServicePointKind::kVillagePoint, "village_point"},
    {ServicePointKind::kBankBranch, "bank_branch"},
    {ServicePointKind::kKiosk, "kiosk"},
}};

template <class E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, name] : table) {
        if (v == value) return name;
    }
    return table[0].second;
}

template <class E, size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view name) {
    for (const auto& [v, n] : table) {
        if (n == name) return v;
    }
    return std::nullopt;
}

}  // namespace

std::string_view OrgLevelName(OrgLevel level) {
    return NameOf(kLevels, level);
}
std::optional<OrgLevel> ParseOrgLevel(std::string_view name) {
    return Parse(kLevels, name);
}
std::string_view ServicePointKindName(ServicePointKind kind) {
    return NameOf(kKinds, kind);
}
std::optional<ServicePointKind> ParseServicePointKind(std::string_view name) {
    return Parse(kKinds, name);
}

}  // namespace ow::org
