// The service catalog as data: items (事项) with their materials, form and workflow, the
// document types the material vault keeps, and bundles (一件事) of items. The file form of all
// of this is docs/catalog-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.hpp"

namespace ow::catalog {

struct Text {
    std::string zh;
    std::string en;
    friend bool operator==(const Text&, const Text&) = default;
};

// How long an issued e-license is valid: permanent, or a number of years or days from issue.
struct LicenseValidity {
    enum class Unit { kPermanent, kYears, kDays };
    Unit unit = Unit::kPermanent;
    int count = 0;  // years or days; 0 when permanent

    static LicenseValidity Permanent() { return {}; }
    static LicenseValidity Years(int n) { return {Unit::kYears, n}; }
    static LicenseValidity Days(int n) { return {Unit::kDays, n}; }
    bool IsPermanent() const { return unit == Unit::kPermanent; }
    // The fewest days the validity lasts whatever the issue date (a year counts 365 days, plus
    // one for every whole four years); 0 when permanent. A kept copy is never reused longer.
    int MinDays() const;
    friend bool operator==(const LicenseValidity&, const LicenseValidity&) = default;
};

// A field printed on an e-license, and where its value comes from when a case's result is
// issued: "form.<key>" (an answer in the issuing item's form), "applicant.name",
// "applicant.id" (ID number or credit code), "case.id", or "fixed:<text>".
struct LicenseField {
    std::string key;
    Text label;
    std::string source;
    friend bool operator==(const LicenseField&, const LicenseField&) = default;
};

// What an e-license type needs to be issued: its GB/T 36903 type code, the department that
// issues it, its validity and its printed fields in order.
struct LicenseSpec {
    std::string type_code;  // [0-9A-Z]{1,32}, unique across types
    std::string issuer;     // department code
    LicenseValidity validity;
    std::vector<LicenseField> fields;
    friend bool operator==(const LicenseSpec&, const LicenseSpec&) = default;
};

struct DocumentType {
    std::string code;
    Text name;
    bool license = false;   // issued by a department as a result (e-license)
    int validity_days = 0;  // how long a kept copy may be reused; 0: does not expire
    std::optional<LicenseSpec> license_spec;  // set exactly when `license`
    friend bool operator==(const DocumentType&, const DocumentType&) = default;
};

// The source prefixes of a LicenseField.
inline constexpr std::string_view kFormSource = "form.";
inline constexpr std::string_view kFixedSource = "fixed:";

struct Fee {
    Text name;
    Money amount;
    std::string basis;
    friend bool operator==(const Fee&, const Fee&) = default;
};

struct ResultSpec {
    bool license = false;
    std::string document_type;  // when license
    Text name;                  // when a document
    friend bool operator==(const ResultSpec&, const ResultSpec&) = default;
};

struct FormOption {
    std::string value;
    Text label;
    friend bool operator==(const FormOption&, const FormOption&) = default;
};

struct FormField {
    std::string key;
    Text label;
    std::string type;  // text, textarea, integer, money, date, boolean, select, id_number, ...
    bool required = false;
    std::optional<int64_t> max_length;
    std::optional<int64_t> min;
    std::optional<int64_t> max;
    std::vector<FormOption> options;
    Text help;
    friend bool operator==(const FormField&, const FormField&) = default;
};

struct Material {
    std::string code;
    Text name;
    std::string legal_basis;
    std::string requirement;  // required, conditional, optional
    Text condition;
    bool deferrable = false;
    std::string document_type;  // empty: none can stand in
    int copies = 1;
    friend bool operator==(const Material&, const Material&) = default;
};

struct Stage {
    Text name;
    int limit_days = 0;
    std::vector<std::string> departments;  // codes, reviewing in parallel
    friend bool operator==(const Stage&, const Stage&) = default;
};

struct Item {
    std::string code;
    int version = 0;  // assigned by the catalog; 0 before it is stored
    Text name;
    std::string department;
    std::string kind;
    std::string subject;  // person, enterprise, both
    std::vector<std::string> levels;
    std::vector<std::string> channels;
    std::vector<std::string> life_events;
    int statutory_limit_days = 0;
    int promised_limit_days = 0;
    int max_visits = 0;
    Text acceptance_conditions;
    Text review_requirements;
    std::vector<Fee> fees;
    std::string legal_basis;
    ResultSpec result;
    std::vector<std::string> delivery;
    std::vector<FormField> form;
    bool deficiency_tolerant = false;
    bool fully_online = false;
    bool instant_approval = false;
    std::vector<Material> materials;
    std::vector<Stage> workflow;

    const Material* FindMaterial(std::string_view code) const;
    bool OnTheSpot() const { return promised_limit_days == 0; }
    bool HasChannel(std::string_view channel) const;
    bool HasLevel(std::string_view level) const;
    // Equal in content (the version aside).
    bool SameContent(const Item& other) const;
};

struct Bundle {
    std::string code;
    Text name;
    std::vector<std::string> items;
    std::vector<std::string> life_events;
    friend bool operator==(const Bundle&, const Bundle&) = default;
};

struct Catalog {
    std::vector<DocumentType> document_types;
    std::vector<Item> items;
    std::vector<Bundle> bundles;

    const Item* FindItem(std::string_view code) const;
    const DocumentType* FindDocumentType(std::string_view code) const;
    const Bundle* FindBundle(std::string_view code) const;
};

// The closed vocabularies of the catalog file.
namespace vocab {
bool IsKind(std::string_view v);
bool IsSubject(std::string_view v);
bool IsLevel(std::string_view v);
bool IsChannel(std::string_view v);
bool IsLifeEvent(std::string_view v);
bool IsDelivery(std::string_view v);
bool IsFieldType(std::string_view v);
bool IsRequirement(std::string_view v);
}  // namespace vocab

}  // namespace ow::catalog
