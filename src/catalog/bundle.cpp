#include "catalog/bundle.hpp"

namespace ow::catalog {
namespace {

int Strictness(const std::string& requirement) {
    return requirement == "required" ? 2 : requirement == "conditional" ? 1 : 0;
}

std::string Key(const Material& m) {
    return m.document_type.empty() ? "code:" + m.code : "type:" + m.document_type;
}

}  // namespace

std::vector<BundleMaterial> MergeMaterials(const std::vector<const Item*>& items) {
    std::vector<BundleMaterial> out;
    for (const Item* item : items) {
        for (const Material& m : item->materials) {
            BundleMaterial* found = nullptr;
            for (BundleMaterial& b : out) {
                if (Key(b.material) == Key(m)) found = &b;
            }
            if (!found) {
                out.push_back({m, {item->code}});
                continue;
            }
            found->items.push_back(item->code);
            if (Strictness(m.requirement) > Strictness(found->material.requirement)) {
                found->material.requirement = m.requirement;
                found->material.condition = m.condition;
            }
            found->material.deferrable = found->material.deferrable && m.deferrable;
            found->material.copies = std::max(found->material.copies, m.copies);
        }
    }
    return out;
}

}  // namespace ow::catalog
