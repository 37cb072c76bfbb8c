#include "catalog/catalog_types.hpp"

#include <algorithm>
#include <array>
#include <tuple>

namespace ow::catalog {
namespace {

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& values, std::string_view v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

template <class T>
const T* FindByCode(const std::vector<T>& list, std::string_view code) {
    for (const T& x : list) {
        if (x.code == code) return &x;
    }
    return nullptr;
}

}  // namespace

const Material* Item::FindMaterial(std::string_view c) const {
    return FindByCode(materials, c);
}

bool Item::HasChannel(std::string_view channel) const {
    return std::find(channels.begin(), channels.end(), channel) != channels.end();
}

bool Item::HasLevel(std::string_view level) const {
    return std::find(levels.begin(), levels.end(), level) != levels.end();
}

bool Item::SameContent(const Item& o) const {
    auto tie = [](const Item& i) {
        return std::tie(i.code, i.name, i.department, i.kind, i.subject, i.levels, i.channels,
                        i.life_events, i.statutory_limit_days, i.promised_limit_days, i.max_visits,
                        i.acceptance_conditions, i.review_requirements, i.fees, i.legal_basis,
                        i.result, i.delivery, i.form, i.deficiency_tolerant, i.fully_online,
                        i.instant_approval, i.materials, i.workflow);
    };
    return tie(*this) == tie(o);
}

int LicenseValidity::MinDays() const {
    switch (unit) {
        case Unit::kPermanent: return 0;
        case Unit::kYears: return count * 365 + count / 4;
        case Unit::kDays: return count;
    }
    return 0;
}

const Item* Catalog::FindItem(std::string_view code) const {
    return FindByCode(items, code);
}
const DocumentType* Catalog::FindDocumentType(std::string_view code) const {
    return FindByCode(document_types, code);
}
const Bundle* Catalog::FindBundle(std::string_view code) const {
    return FindByCode(bundles, code);
}

namespace vocab {

bool IsKind(std::string_view v) {
    static constexpr std::array<std::string_view, 6> k = {
        "licensing", "confirmation", "public_service", "payment", "registration", "other"};
    return OneOf(k, v);
}
bool IsSubject(std::string_view v) {
    static constexpr std::array<std::string_view, 3> k = {"person", "enterprise", "both"};
    return OneOf(k, v);
}
bool IsLevel(std::string_view v) {
    static constexpr std::array<std::string_view, 4> k = {"city", "district", "town", "village"};
    return OneOf(k, v);
}
bool IsChannel(std::string_view v) {
    static constexpr std::array<std::string_view, 5> k = {"window", "online", "kiosk", "bank",
                                                          "mobile"};
    return OneOf(k, v);
}
bool IsLifeEvent(std::string_view v) {
    static constexpr std::array<std::string_view, 14> k = {"birth",
                                                           "education",
                                                           "employment",
                                                           "marriage",
                                                           "housing",
                                                           "business_startup",
                                                           "business_operation",
                                                           "construction",
                                                           "retirement",
                                                           "social_security",
                                                           "health",
                                                           "transport",
                                                           "agriculture",
                                                           "death"};
    return OneOf(k, v);
}
bool IsDelivery(std::string_view v) {
    static constexpr std::array<std::string_view, 3> k = {"window_pickup", "express", "download"};
    return OneOf(k, v);
}
bool IsFieldType(std::string_view v) {
    static constexpr std::array<std::string_view, 11> k = {
        "text",   "textarea",  "integer",     "money", "date", "boolean",
        "select", "id_number", "credit_code", "phone", "email"};
    return OneOf(k, v);
}
bool IsRequirement(std::string_view v) {
    static constexpr std::array<std::string_view, 3> k = {"required", "conditional", "optional"};
    return OneOf(k, v);
}

}  // namespace vocab
}  // namespace ow::catalog
