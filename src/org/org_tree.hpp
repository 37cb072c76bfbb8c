// OrgTree: an immutable snapshot of the org units for ancestry questions ("is this village
// inside that district?"), which decide every staff user's org scope.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "org/org_types.hpp"

namespace ow::org {

class OrgTree {
public:
    explicit OrgTree(std::vector<OrgUnit> units);

    const std::vector<OrgUnit>& units() const { return units_; }
    const OrgUnit* Find(int64_t id) const;
    const OrgUnit* FindByCode(std::string_view code) const;
    // True when `unit` is `ancestor` or lies below it.
    bool Contains(int64_t ancestor, int64_t unit) const;
    // From the city down to `unit` (empty if unknown).
    std::vector<const OrgUnit*> Path(int64_t unit) const;

private:
    std::vector<OrgUnit> units_;
    std::unordered_map<int64_t, size_t> by_id_;
};

}  // namespace ow::org
