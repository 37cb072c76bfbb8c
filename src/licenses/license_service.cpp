#include "licenses/license_service.hpp"

#include <sodium.h>

#include <algorithm>

#include "licenses/encoding.hpp"
#include "licenses/license_text.hpp"

namespace ow::licenses {
namespace {

using auth::Principal;
using auth::Role;
using namespace std::chrono;

Error NotFound() {
    return Error(ErrorCode::kNotFound).Param("what", "license");
}

Error State(std::string reason) {
    return Error(ErrorCode::kInvalidState).Param("reason", std::move(reason));
}

// The department with `code` at `unit` or the nearest unit above it that has one.
const org::Department* IssuingDepartment(const org::OrgSnapshot& org, int64_t unit,
                                         const std::string& code) {
    auto path = org.tree.Path(unit);
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        for (const auto& d : org.departments) {
            if (d.org_unit_id == (*it)->id && d.code == code) return &d;
        }
    }
    return nullptr;
}

const org::Department* DepartmentNamed(const org::OrgSnapshot& org, std::string_view code) {
    for (const auto& d : org.departments) {
        if (DepartmentCodeOf(org, d.id) == code) return &d;
    }
    return nullptr;
}

// A form answer as printed: a select's Chinese label, yes/no, numbers and text as they are.
std::string Printed(const catalog::FormValue& value, const catalog::FormField* field) {
    if (const auto* b = std::get_if<bool>(&value)) return *b ? "是" : "否";
    if (const auto* i = std::get_if<int64_t>(&value)) return std::to_string(*i);
    if (const auto* s = std::get_if<std::string>(&value)) {
        if (field && field->type == "select") {
            for (const auto& o : field->options) {
                if (o.value == *s) return o.label.zh;
            }
        }
        return *s;
    }
    return "";
}

std::string FieldValue(const catalog::LicenseField& f, const cases::Case& c,
                       const catalog::Item& item) {
    std::string_view source = f.source;
    if (source.starts_with(catalog::kFormSource)) {
        std::string key(source.substr(catalog::kFormSource.size()));
        auto it = c.form.find(key);
        if (it == c.form.end()) return "";
        const catalog::FormField* field = nullptr;
        for (const auto& ff : item.form) {
            if (ff.key == key) field = &ff;
        }
        return Printed(it->second, field);
    }
    if (source.starts_with(catalog::kFixedSource)) {
        return std::string(source.substr(catalog::kFixedSource.size()));
    }
    if (source == "applicant.name") return c.applicant.name;
    if (source == "applicant.id") return c.applicant.id;
    if (source == "case.id") return c.id;
    return "";
}

// Staff of the issuing department: reviewers bound to it.
bool IsIssuerStaff(const Principal& p, const org::OrgSnapshot& org, const License& l) {
    return p.HasRole(Role::kReviewer) && p.department_id &&
           DepartmentCodeOf(org, *p.department_id) == l.issuer.department_code;
}

std::string NewCopyId() {
    EnsureSodium();
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::string id;
    for (int i = 0; i < 16; ++i) id += kAlphabet[randombytes_uniform(36)];
    return id;
}

}  // namespace

std::string DepartmentCodeOf(const org::OrgSnapshot& org, int64_t department_id) {
    const org::Department* d = org.FindDepartment(department_id);
    if (!d) return "";
    const org::OrgUnit* u = org.tree.Find(d->org_unit_id);
    return (u ? u->code : std::to_string(d->org_unit_id)) + "-" + d->code;
}

std::string IssuerCodeOf(const org::OrgSnapshot& org, int64_t department_id) {
    std::string out;
    for (char c : DepartmentCodeOf(org, department_id)) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) out += c;
    }
    return out;
}

std::optional<Date> ValidUntil(const catalog::LicenseValidity& validity, Date from) {
    using Unit = catalog::LicenseValidity::Unit;
    if (validity.unit == Unit::kPermanent) return std::nullopt;
    if (validity.unit == Unit::kDays) return Date{Days(from) + days(validity.count - 1)};
    Date end = from + years(validity.count);
    // 29 February plus whole years that are not leap years ends on 28 February.
    if (!end.ok()) end = end.year() / end.month() / last;
    return Date{Days(end) - days(1)};
}

bool IsHolder(const Principal& p, const License& license) {
    return p.id_number == license.holder.id || p.credit_code == license.holder.id;
}

LicenseService::LicenseService(LicenseStore& store, cases::CaseStore& cases,
                               catalog::CatalogService& catalog, org::OrgService& org,
                               MasterKey master, const Clock& clock)
    : store_(store),
      cases_(cases),
      catalog_(catalog),
      org_(org),
      master_(std::move(master)),
      clock_(clock) {}

void LicenseService::Changed(const StoredLicense& license, std::string_view what) {
    // The seam for notices: every issuance and state change passes here, after it is stored.
    if (listener_) listener_(license, what);
}

Result<std::vector<notices::NewNotice>> LicenseService::Tell(const StoredLicense& license,
                                                             std::string_view event,
                                                             const std::string& reason) {
    if (!planner_) return std::vector<notices::NewNotice>{};
    return planner_(license, event, reason);
}

Result<SigningKey> LicenseService::ActiveKey(const std::string& department) {
    for (int attempt = 0;; ++attempt) {
        OW_ASSIGN_OR_RETURN(auto keys, store_.Keys(department));
        KeyRing ring(department, std::move(keys));
        if (ring.Active()) return ring.OpenActive(master_);
        auto saved = store_.SaveKeys(GenerateKey(department, master_, clock_.Now()), std::nullopt);
        // Another server made the department's first key at the same moment: use that one.
        if (!saved.ok() && (saved.error().code() != ErrorCode::kAlreadyExists || attempt > 2)) {
            return std::move(saved).error();
        }
    }
}

Result<std::optional<StoredLicense>> LicenseService::IssueForCase(const cases::Case& c) {
    if (!c.result || c.result->kind != "license") return std::optional<StoredLicense>();
    OW_ASSIGN_OR_RETURN(auto existing, store_.FindByCase(c.id));
    if (existing) return existing;
    OW_ASSIGN_OR_RETURN(auto item, catalog_.ItemAt(c.item_code, c.item_version));
    auto cat = catalog_.Current();
    const catalog::DocumentType* type = cat->FindDocumentType(c.result->document_type);
    if (!type || !type->license_spec) return State("not_a_license");
    const catalog::LicenseSpec& spec = *type->license_spec;
    auto org = org_.Current();
    const org::Department* dept = IssuingDepartment(*org, c.handling_unit_id, spec.issuer);
    if (!dept) return State("no_department:" + spec.issuer);

    const std::string issuer_code = IssuerCodeOf(*org, dept->id);
    // Numbered for real inside the store's transaction; sequence 1 checks the codes now.
    OW_ASSIGN_OR_RETURN(LicenseNumber draft,
                        LicenseNumber::Make(spec.type_code, issuer_code, 1, 1));
    // The date the case issued its result, also when a catch-up issues the license later.
    const Date issued_on = LocalDate(c.result->issued_at);
    License license{
        .number = draft,
        .type = {type->code, type->name.zh, type->name.en},
        .holder = {c.applicant.id, c.applicant.name},
        .issuer = {DepartmentCodeOf(*org, dept->id), dept->name_zh, dept->name_en},
        .issued_on = issued_on,
        .valid_from = issued_on,
        .valid_until = ValidUntil(spec.validity, issued_on),
        .fields = {},
        .previous = std::nullopt,
        .state = LicenseState::kValid,
    };
    for (const catalog::LicenseField& f : spec.fields) {
        license.fields.push_back(LicenseField{f.key, FieldValue(f, c, *item)});
    }
    OW_ASSIGN_OR_RETURN(SigningKey key, ActiveKey(license.issuer.department_code));
    const Timestamp now = clock_.Now();
    Issuance issuance;
    issuance.source_case = c.id;
    issuance.type_code = spec.type_code;
    issuance.issuer_code = issuer_code;
    issuance.holder_user_id = c.applicant.user_id;
    issuance.build = [&](uint64_t sequence) -> Result<StoredLicense> {
        StoredLicense s(license);
        OW_ASSIGN_OR_RETURN(
            s.license.number,
            LicenseNumber::Make(issuance.type_code, issuance.issuer_code, sequence, 1));
        OW_ASSIGN_OR_RETURN(s.signed_, Sign(s.license, key));
        s.source_case = c.id;
        s.holder_user_id = c.applicant.user_id;
        s.created_at = now;
        return s;
    };
    issuance.notices = [this](const StoredLicense& s) { return Tell(s, "license.issued", ""); };
    OW_ASSIGN_OR_RETURN(auto issued, store_.Issue(issuance));
    if (issued.second) Changed(issued.first, "issued");
    return std::optional<StoredLicense>(std::move(issued.first));
}

Result<int> LicenseService::CatchUp(int limit) {
    OW_ASSIGN_OR_RETURN(auto ids, store_.CasesAwaitingLicense(limit));
    int issued = 0;
    for (const std::string& id : ids) {
        OW_ASSIGN_OR_RETURN(auto c, cases_.Find(id));
        if (!c) continue;
        OW_ASSIGN_OR_RETURN(auto license, IssueForCase(*c));
        if (license) ++issued;
    }
    return issued;
}

Result<StoredLicense> LicenseService::Load(const std::string& number) {
    OW_ASSIGN_OR_RETURN(LicenseNumber parsed, LicenseNumber::Parse(number));
    OW_ASSIGN_OR_RETURN(auto found, store_.Find(parsed.str()));
    if (!found) return NotFound();
    return std::move(*found);
}

Result<StoredLicense> LicenseService::Get(const Principal& p, const std::string& number) {
    OW_ASSIGN_OR_RETURN(StoredLicense s, Load(number));
    if (IsHolder(p, s.license) || p.HasRole(Role::kAdmin) ||
        IsIssuerStaff(p, *org_.Current(), s.license)) {
        return s;
    }
    return NotFound();
}

Result<std::vector<StoredLicense>> LicenseService::List(const Principal& p,
                                                        const std::optional<std::string>& holder,
                                                        const std::optional<std::string>& number) {
    LicenseQuery q;
    q.holder = holder;
    q.number_contains = number;
    if (p.HasRole(Role::kAdmin)) {
        // all
    } else if (p.HasRole(Role::kReviewer) && p.department_id) {
        q.departments =
            std::vector<std::string>{DepartmentCodeOf(*org_.Current(), *p.department_id)};
    } else if (p.id_number || p.credit_code) {
        std::string own = p.id_number ? *p.id_number : *p.credit_code;
        if (holder && *holder != own) return std::vector<StoredLicense>();
        q.holder = own;
    } else {
        return std::vector<StoredLicense>();  // other staff hold and issue none
    }
    return store_.List(q);
}

Result<std::vector<DepartmentKey>> LicenseService::Keys() {
    OW_ASSIGN_OR_RETURN(auto keys, store_.Keys(""));
    auto org = org_.Current();
    std::vector<DepartmentKey> out;
    for (const StoredKey& k : keys) {
        DepartmentKey d{Publish(k), "", ""};
        if (const org::Department* dept = DepartmentNamed(*org, k.department_code)) {
            d.name_zh = dept->name_zh;
            d.name_en = dept->name_en;
        }
        out.push_back(std::move(d));
    }
    return out;
}

Result<OnlineVerification> LicenseService::Verify(std::string_view text) {
    std::string_view start = text.substr(std::min(text.find_first_not_of(" \t\r\n"), text.size()));
    bool is_copy = start.starts_with(kCopyTextPrefix);
    auto parsed = is_copy ? ParseCopyText(text) : ParseLicenseText(text);
    if (!parsed.ok()) {
        // Not a license text at all: the request is wrong, not a license that fails (400).
        const auto& params = parsed.error().params();
        return Error(ErrorCode::kBadRequest)
            .Field("text")
            .Param("reason", params.empty() ? "license_text_form" : params.front().second);
    }
    OW_ASSIGN_OR_RETURN(auto keys, store_.Keys(""));
    PublishedKeySet published;
    for (const StoredKey& k : keys) published.push_back(Publish(k));
    const Date today = LocalDate(clock_.Now());

    // The registry's word: the license's state, and a revocation or suspension of the version
    // that replaced it counts for it too.
    OnlineVerification out;
    auto registry = [&](const License& l) -> Result<std::optional<LicenseState>> {
        OW_ASSIGN_OR_RETURN(auto stored, store_.Find(l.number.str()));
        if (!stored) return std::optional<LicenseState>();
        LicenseState state = stored->license.state;
        out.superseded_by = stored->superseded_by;
        std::optional<std::string> next = stored->superseded_by;
        for (int hops = 0; next && hops < 100; ++hops) {
            OW_ASSIGN_OR_RETURN(auto newer, store_.Find(*next));
            if (!newer) break;
            if (newer->license.state == LicenseState::kRevoked ||
                newer->license.state == LicenseState::kSuspended) {
                state = newer->license.state;
            }
            next = newer->superseded_by;
        }
        return std::optional<LicenseState>(state);
    };
    if (is_copy) {
        CopyVerification offline = VerifyCopy(*parsed, published, today);
        out.verdict = offline.verification.verdict;
        out.license = offline.verification.license;
        out.copy = offline.copy;
        if (out.license) {
            OW_ASSIGN_OR_RETURN(auto state, registry(*out.license));
            CopyVerification online = VerifyCopy(*parsed, published, today, state);
            out.verdict = online.verification.verdict;
        }
        return out;
    }
    Verification offline = licenses::Verify(*parsed, published, today);
    out.verdict = offline.verdict;
    out.license = offline.license;
    if (out.license) {
        OW_ASSIGN_OR_RETURN(auto state, registry(*out.license));
        out.verdict = licenses::Verify(*parsed, published, today, state).verdict;
    }
    return out;
}

Result<StoredLicense> LicenseService::LoadForStaff(const Principal& p, const std::string& number) {
    OW_ASSIGN_OR_RETURN(StoredLicense s, Load(number));
    if (p.HasRole(Role::kAdmin) || IsIssuerStaff(p, *org_.Current(), s.license)) return s;
    if (IsHolder(p, s.license)) return Error(ErrorCode::kForbidden);
    return NotFound();
}

Result<StoredLicense> LicenseService::SetState(const Principal& p, const std::string& number,
                                               LicenseState from, LicenseState to,
                                               const char* event, const std::string& reason) {
    OW_ASSIGN_OR_RETURN(StoredLicense s, LoadForStaff(p, number));
    if (reason.empty()) return Error(ErrorCode::kMissingField).Field("reason");
    if (s.license.state == LicenseState::kRevoked) return State("license_revoked");
    // Revoking works from valid and suspended alike.
    bool allowed = s.license.state == from ||
                   (to == LicenseState::kRevoked && s.license.state == LicenseState::kSuspended);
    if (!allowed) {
        return State(from == LicenseState::kSuspended ? "license_not_suspended"
                                                      : "license_not_valid");
    }
    LicenseEvent e{event, clock_.Now(), p.user_id, reason};
    std::vector<notices::NewNotice> told;
    if (to == LicenseState::kRevoked) {
        s.license.state = to;
        OW_ASSIGN_OR_RETURN(told, Tell(s, "license.revoked", reason));
    }
    OW_TRY(store_.SetState(s.license.number.str(), to, e, told));
    OW_ASSIGN_OR_RETURN(StoredLicense now, Load(number));
    Changed(now, event);
    return now;
}

Result<StoredLicense> LicenseService::Suspend(const Principal& p, const std::string& number,
                                              const std::string& reason) {
    return SetState(p, number, LicenseState::kValid, LicenseState::kSuspended, "suspended", reason);
}

Result<StoredLicense> LicenseService::Reinstate(const Principal& p, const std::string& number,
                                                const std::string& reason) {
    return SetState(p, number, LicenseState::kSuspended, LicenseState::kValid, "reinstated",
                    reason);
}

Result<StoredLicense> LicenseService::Revoke(const Principal& p, const std::string& number,
                                             const std::string& reason) {
    return SetState(p, number, LicenseState::kValid, LicenseState::kRevoked, "revoked", reason);
}

Result<StoredLicense> LicenseService::NewVersion(const Principal& p, const std::string& number,
                                                 const std::map<std::string, std::string>* fields,
                                                 const std::string& reason) {
    OW_ASSIGN_OR_RETURN(StoredLicense old, LoadForStaff(p, number));
    if (old.superseded_by) return State("license_superseded");
    if (old.license.state == LicenseState::kRevoked) return State("license_revoked");
    const Date today = LocalDate(clock_.Now());
    License next = old.license;
    next.state = LicenseState::kValid;
    next.previous = old.license.number;
    OW_ASSIGN_OR_RETURN(next.number, old.license.number.WithVersion(old.license.version() + 1));
    next.issued_on = today;
    if (fields) {
        for (const auto& [key, value] : *fields) {
            auto it = std::find_if(next.fields.begin(), next.fields.end(),
                                   [&](const LicenseField& f) { return f.key == key; });
            if (it == next.fields.end())
                return Error(ErrorCode::kUnknownField).Field("fields." + key);
            it->value = value;
        }
    } else {
        // Renewal: the validity starts again today, as long as the type says.
        auto cat = catalog_.Current();
        const catalog::DocumentType* type = cat->FindDocumentType(next.type.code);
        next.valid_from = today;
        if (type && type->license_spec) {
            next.valid_until = ValidUntil(type->license_spec->validity, today);
        } else if (old.license.valid_until) {
            next.valid_until =
                Date{Days(today) + (Days(*old.license.valid_until) - Days(old.license.valid_from))};
        }
    }
    OW_ASSIGN_OR_RETURN(SigningKey key, ActiveKey(next.issuer.department_code));
    StoredLicense s(next);
    OW_ASSIGN_OR_RETURN(s.signed_, Sign(next, key));
    s.holder_user_id = old.holder_user_id;
    s.created_at = clock_.Now();
    const char* what = fields ? "changed" : "renewed";
    LicenseEvent e{what, s.created_at, p.user_id, reason};
    OW_TRY(store_.AddVersion(old.license.number.str(), s, e));
    OW_ASSIGN_OR_RETURN(StoredLicense now, Load(next.number.str()));
    Changed(now, what);
    return now;
}

Result<StoredLicense> LicenseService::Renew(const Principal& p, const std::string& number) {
    return NewVersion(p, number, nullptr, "");
}

Result<StoredLicense> LicenseService::Change(const Principal& p, const std::string& number,
                                             const std::map<std::string, std::string>& fields,
                                             const std::string& reason) {
    if (fields.empty()) return Error(ErrorCode::kMissingField).Field("fields");
    if (reason.empty()) return Error(ErrorCode::kMissingField).Field("reason");
    return NewVersion(p, number, &fields, reason);
}

Result<DepartmentKey> LicenseService::RotateKey(const Principal& p, const std::string& department) {
    if (!p.HasRole(Role::kAdmin)) return Error(ErrorCode::kForbidden);
    auto org = org_.Current();
    const org::Department* dept = DepartmentNamed(*org, department);
    if (!dept) return Error(ErrorCode::kNotFound).Param("what", "department");
    OW_ASSIGN_OR_RETURN(auto keys, store_.Keys(department));
    KeyRing ring(department, std::move(keys));
    std::optional<std::string> previous;
    if (const StoredKey* active = ring.Active()) previous = active->key_id;
    StoredKey added = ring.Rotate(master_, clock_.Now());
    std::optional<StoredKey> retired;
    for (const StoredKey& k : ring.keys()) {
        if (previous && k.key_id == *previous) retired = k;
    }
    OW_TRY(store_.SaveKeys(added, retired));
    return DepartmentKey{Publish(added), dept->name_zh, dept->name_en};
}

Result<StoredCopy> LicenseService::MakeCopy(const Principal& p, const std::string& number,
                                            const std::string& purpose, Date valid_until) {
    OW_ASSIGN_OR_RETURN(StoredLicense s, Load(number));
    if (!IsHolder(p, s.license)) {
        if (p.HasRole(Role::kAdmin) || IsIssuerStaff(p, *org_.Current(), s.license)) {
            return Error(ErrorCode::kForbidden);
        }
        return NotFound();
    }
    if (s.superseded_by) return State("license_superseded");
    if (s.license.state != LicenseState::kValid) return State("license_not_valid");
    const Timestamp now = clock_.Now();
    UseCopy copy{NewCopyId(), purpose, LocalDate(now), valid_until};
    OW_TRY(ValidateCopy(copy, s.license));
    OW_ASSIGN_OR_RETURN(SigningKey key, ActiveKey(s.license.issuer.department_code));
    OW_ASSIGN_OR_RETURN(SignedLicense signed_copy, SignCopy(copy, s.signed_, key));
    StoredCopy stored{copy, s.license.number.str(), ToCopyText(signed_copy), p.user_id, now};
    OW_TRY(store_.AddCopy(stored, LicenseEvent{"copy_made", now, p.user_id, purpose}));
    Changed(s, "copy_made");
    return stored;
}

Result<std::vector<StoredCopy>> LicenseService::Copies(const Principal& p,
                                                       const std::string& number) {
    OW_ASSIGN_OR_RETURN(StoredLicense s, Get(p, number));
    return store_.Copies(s.license.number.str());
}

std::vector<catalog::LicenseField> LicenseService::FieldLabels(const License& license) const {
    auto cat = catalog_.Current();
    const catalog::DocumentType* type = cat->FindDocumentType(license.type.code);
    std::vector<catalog::LicenseField> out;
    for (const LicenseField& f : license.fields) {
        catalog::LicenseField labelled{f.key, {f.key, f.key}, ""};
        if (type && type->license_spec) {
            for (const auto& spec : type->license_spec->fields) {
                if (spec.key == f.key) labelled.label = spec.label;
            }
        }
        out.push_back(std::move(labelled));
    }
    return out;
}

}  // namespace ow::licenses
