#include "catalog/catalog_service.hpp"

#include "catalog/catalog_validation.hpp"

namespace ow::catalog {

CatalogService::CatalogService(CatalogStore& store, org::OrgService& org, const Clock& clock)
    : store_(store), org_(org), clock_(clock), current_(std::make_shared<const Catalog>()) {}

std::shared_ptr<const Catalog> CatalogService::Current() const {
    std::lock_guard lock(mu_);
    return current_;
}

Result<void> CatalogService::Reload() {
    OW_ASSIGN_OR_RETURN(Catalog loaded, store_.LoadCurrent());
    auto next = std::make_shared<const Catalog>(std::move(loaded));
    std::lock_guard lock(mu_);
    current_ = std::move(next);
    return Ok();
}

Result<std::shared_ptr<const Item>> CatalogService::ItemAt(const std::string& code, int version) {
    {
        std::lock_guard lock(mu_);
        auto it = versions_.find({code, version});
        if (it != versions_.end()) return it->second;
        if (const Item* current = current_->FindItem(code);
            current && current->version == version) {
            auto shared = std::make_shared<const Item>(*current);
            versions_[{code, version}] = shared;
            return shared;
        }
    }
    OW_ASSIGN_OR_RETURN(auto item, store_.LoadItemVersion(code, version));
    if (!item) return Error(ErrorCode::kNotFound).Param("what", "item");
    auto shared = std::make_shared<const Item>(std::move(*item));
    std::lock_guard lock(mu_);
    versions_[{code, version}] = shared;  // versions never change: safe to keep
    return shared;
}

Result<std::vector<ItemVersionInfo>> CatalogService::Versions(const std::string& code) {
    return store_.ItemVersions(code);
}

std::set<std::string> CatalogService::DepartmentCodes() const {
    std::set<std::string> codes;
    for (const auto& d : org_.Current()->departments) codes.insert(d.code);
    return codes;
}

Result<void> CatalogService::Check(const Catalog& catalog) const {
    return ValidateCatalog(catalog, DepartmentCodes());
}

Result<std::pair<ImportSummary, CatalogChange>> CatalogService::PlanImport(const Catalog& catalog) {
    OW_TRY(Check(catalog));
    OW_TRY(Reload());
    auto current = Current();
    ImportSummary summary;
    CatalogChange change;
    change.document_types = catalog.document_types;
    change.bundles = catalog.bundles;
    for (const Item& item : catalog.items) {
        const Item* existing = current->FindItem(item.code);
        if (existing && existing->SameContent(item)) {
            ++summary.unchanged;
            continue;
        }
        Item next = item;
        if (existing) {
            next.version = existing->version + 1;
            ++summary.updated;
        } else {
            OW_ASSIGN_OR_RETURN(auto versions, store_.ItemVersions(item.code));
            next.version = versions.empty() ? 1 : versions.back().version + 1;
            ++summary.added;
        }
        change.new_versions.push_back(std::move(next));
    }
    for (const Item& old : current->items) {
        if (!catalog.FindItem(old.code)) {
            change.deactivated.push_back(old.code);
            ++summary.deactivated;
        }
    }
    return std::pair{summary, std::move(change)};
}

Result<ImportSummary> CatalogService::PreviewImport(const Catalog& catalog) {
    std::lock_guard lock(write_mu_);
    OW_ASSIGN_OR_RETURN(auto plan, PlanImport(catalog));
    return plan.first;
}

Result<ImportSummary> CatalogService::Import(const Catalog& catalog,
                                             std::optional<int64_t> by_user) {
    std::lock_guard lock(write_mu_);
    OW_ASSIGN_OR_RETURN(auto plan, PlanImport(catalog));
    auto& [summary, change] = plan;
    change.log =
        AdminLogEntry{clock_.Now(), by_user, "catalog.import", "catalog",
                      std::to_string(summary.added) + " added, " + std::to_string(summary.updated) +
                          " updated, " + std::to_string(summary.deactivated) + " deactivated"};
    OW_TRY(store_.Apply(change));
    OW_TRY(Reload());
    return summary;
}

Result<Item> CatalogService::PutItem(const Item& item, std::optional<int64_t> by_user) {
    std::lock_guard lock(write_mu_);
    OW_TRY(Reload());
    auto current = Current();
    OW_TRY(ValidateItem(item, current->document_types, DepartmentCodes()));
    const Item* existing = current->FindItem(item.code);
    if (existing && existing->SameContent(item)) return *existing;
    Item next = item;
    if (existing) {
        next.version = existing->version + 1;
    } else {
        OW_ASSIGN_OR_RETURN(auto versions, store_.ItemVersions(item.code));
        next.version = versions.empty() ? 1 : versions.back().version + 1;
    }
    CatalogChange change;
    change.new_versions.push_back(next);
    change.log = AdminLogEntry{clock_.Now(), by_user, "catalog.put_item", "item:" + item.code,
                               "version " + std::to_string(next.version)};
    OW_TRY(store_.Apply(change));
    OW_TRY(Reload());
    return next;
}

}  // namespace ow::catalog
