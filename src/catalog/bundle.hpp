// A bundle's one material list (一件事一次告知): the union of its items' materials, each asked
// for once. Two materials are the same when they name the same document type, or (without
// one) have the same code. The merged requirement is the strictest of them, and a material is
// deferrable only if every item asking for it allows that.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog_types.hpp"

namespace ow::catalog {

struct BundleMaterial {
    Material material;               // as the first item asking for it has it, merged
    std::vector<std::string> items;  // codes of the items that need it
};

std::vector<BundleMaterial> MergeMaterials(const std::vector<const Item*>& items);

}  // namespace ow::catalog
