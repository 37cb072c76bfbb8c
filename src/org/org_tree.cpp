#include "org/org_tree.hpp"

#include <algorithm>

namespace ow::org {

OrgTree::OrgTree(std::vector<OrgUnit> units) : units_(std::move(units)) {
    for (size_t i = 0; i < units_.size(); ++i) by_id_[units_[i].id] = i;
}

const OrgUnit* OrgTree::Find(int64_t id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &units_[it->second];
}

const OrgUnit* OrgTree::FindByCode(std::string_view code) const {
    for (const OrgUnit& u : units_) {
        if (u.code == code) return &u;
    }
    return nullptr;
}

bool OrgTree::Contains(int64_t ancestor, int64_t unit) const {
    // Four levels at most; the bound also protects against a cycle in bad data.
    const OrgUnit* u = Find(unit);
    for (int depth = 0; u != nullptr && depth < 8; ++depth) {
        if (u->id == ancestor) return true;
        u = u->parent_id ? Find(*u->parent_id) : nullptr;
    }
    return false;
}

std::vector<const OrgUnit*> OrgTree::Path(int64_t unit) const {
    std::vector<const OrgUnit*> path;
    const OrgUnit* u = Find(unit);
    for (int depth = 0; u != nullptr && depth < 8; ++depth) {
        path.push_back(u);
        u = u->parent_id ? Find(*u->parent_id) : nullptr;
    }
    std::reverse(path.begin(), path.end());
    return path;
}

}  // namespace ow::org
