#include "cases/case_service.hpp"

#include <algorithm>
#include <set>

#include "cases/case_number.hpp"
#include "catalog/bundle.hpp"
#include "common/credit_code.hpp"
#include "common/resident_id.hpp"
#include "common/text.hpp"

namespace ow::cases {
namespace {

using auth::Principal;
using auth::Role;

// The department with `code` at the nearest org unit above (or at) `unit`.
Result<int64_t> Route(const org::OrgSnapshot& org, int64_t unit, const std::string& code) {
    auto path = org.tree.Path(unit);
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
        for (const auto& d : org.departments) {
            if (d.org_unit_id == (*it)->id && d.code == code) return d.id;
        }
    }
    return Error(ErrorCode::kInvalidState)
        .Field("service_point")
        .Param("reason", "no_department:" + code);
}

bool Covers(const org::OrgSnapshot& org, const Principal& p, int64_t unit) {
    return p.org_unit_id && org.tree.Contains(*p.org_unit_id, unit);
}

bool HasTaskOf(const Case& c, const Principal& p) {
    if (!p.department_id) return false;
    return std::any_of(c.tasks.begin(), c.tasks.end(),
                       [&](const Task& t) { return t.department_id == *p.department_id; });
}

// The org unit of the service point where the case came in (its window's).
int64_t PointUnit(const org::OrgSnapshot& org, const Case& c) {
    const org::ServicePoint* sp = org.FindServicePoint(c.service_point_id);
    return sp ? sp->org_unit_id : c.handling_unit_id;
}

// Staff who may read a case: the window, supervision and administration of its unit, the
// reviewing departments, whoever submitted it.
bool StaffMayRead(const org::OrgSnapshot& org, const Principal& p, const Case& c) {
    if (c.submitted_by == p.user_id) return true;
    bool unit_role =
        p.HasRole(Role::kWindowClerk) || p.HasRole(Role::kSupervisor) || p.HasRole(Role::kAdmin);
    if (unit_role && (Covers(org, p, c.handling_unit_id) || Covers(org, p, PointUnit(org, c)))) {
        return true;
    }
    return p.HasRole(Role::kReviewer) && HasTaskOf(c, p);
}

// The window where a case came in decides on it (一窗受理), wherever it is then handled.
bool IsWindowFor(const org::OrgSnapshot& org, const Principal& p, const Case& c) {
    return p.HasRole(Role::kWindowClerk) &&
           (Covers(org, p, PointUnit(org, c)) || Covers(org, p, c.handling_unit_id));
}

std::vector<int64_t> Subtree(const org::OrgSnapshot& org, int64_t root) {
    std::vector<int64_t> out;
    for (const auto& u : org.tree.units()) {
        if (org.tree.Contains(root, u.id)) out.push_back(u.id);
    }
    return out;
}

}  // namespace

bool IsApplicant(const Principal& p, const Case& c) {
    if (c.applicant.user_id && *c.applicant.user_id == p.user_id) return true;
    if (c.applicant.type == "person" && p.id_number) return *p.id_number == c.applicant.id;
    if (c.applicant.type == "enterprise" && p.credit_code) return *p.credit_code == c.applicant.id;
    return false;
}

std::string CaseService::ChannelOf(const Principal& p, const std::string& hint) {
    if (p.HasRole(Role::kWindowClerk)) return "window";
    if (p.HasRole(Role::kBankClerk)) return "bank";
    if (hint == "kiosk" || hint == "mobile") return hint;
    return "online";
}

CaseService::CaseService(CaseStore& store, vault::VaultStore& vault,
                         catalog::CatalogService& catalog, org::OrgService& org,
                         calendar::CalendarService& calendar, const Clock& clock,
                         WarningPolicy policy)
    : store_(store),
      vault_(vault),
      catalog_(catalog),
      org_(org),
      calendar_(calendar),
      clock_(clock),
      policy_(policy) {}

Result<std::shared_ptr<const catalog::Item>> CaseService::ItemOf(const Case& c) {
    return catalog_.ItemAt(c.item_code, c.item_version);
}

std::vector<PrecheckLine> CaseService::Precheck(const Case& c, const catalog::Item& item) {
    std::vector<PrecheckLine> out;
    for (const catalog::Material& m : item.materials) {
        const CaseMaterial* state = c.FindMaterial(m.code);
        bool missing = !state || state->state == MaterialState::kMissing;
        out.push_back({&m, state, missing && item.deficiency_tolerant && m.deferrable});
    }
    return out;
}

Result<MachineContext> CaseService::ContextFor(
    const Case& c, const catalog::Item& item, std::optional<int64_t> actor,
    const std::string& channel, Timestamp now,
    std::shared_ptr<const calendar::WorkingDayCalendar>& cal,
    std::shared_ptr<const catalog::Catalog>& cat, std::shared_ptr<const org::OrgSnapshot>& org) {
    cal = calendar_.Current();
    cat = catalog_.Current();
    org = org_.Current();
    const org::OrgSnapshot* snapshot = org.get();
    int64_t unit = c.handling_unit_id;
    return MachineContext{
        item,
        *cal,
        cat->document_types,
        now,
        LocalDate(now),
        actor,
        channel,
        policy_,
        [snapshot, unit](const std::string& code) { return Route(*snapshot, unit, code); },
        [snapshot](int64_t department_id) {
            const org::Department* d = snapshot->FindDepartment(department_id);
            return d ? d->name_zh : std::to_string(department_id);
        }};
}

void CaseService::TellIfIssued(const Case& c, const Outcome& out) {
    bool issued = std::any_of(out.deposits.begin(), out.deposits.end(),
                              [](const VaultDeposit& d) { return d.source == "result"; });
    if (issued && result_issued_) result_issued_(c);
}

Result<Case> CaseService::UpdateAndTell(const std::string& id,
                                        const std::function<Result<bool>(Case&, Outcome&)>& fn) {
    // The outcome of the attempt that was stored (a retried transaction runs fn again).
    Outcome last;
    auto r = store_.Update(id, [&](Case& c, Outcome& out) -> Result<bool> {
        auto changed = fn(c, out);
        last = changed.ok() && *changed ? out : Outcome{};
        return changed;
    });
    if (r.ok()) TellIfIssued(*r, last);
    return r;
}

Result<Case> CaseService::Change_(const std::string& id, std::optional<int64_t> actor,
                                  const std::string& channel, const Change& change) {
    return UpdateAndTell(id, [&](Case& c, Outcome& out) -> Result<bool> {
        OW_ASSIGN_OR_RETURN(auto item, ItemOf(c));
        std::shared_ptr<const calendar::WorkingDayCalendar> cal;
        std::shared_ptr<const catalog::Catalog> cat;
        std::shared_ptr<const org::OrgSnapshot> org;
        OW_ASSIGN_OR_RETURN(MachineContext ctx,
                            ContextFor(c, *item, actor, channel, clock_.Now(), cal, cat, org));
        OW_TRY(change(c, ctx, out));
        if (notice_planner_) OW_TRY(notice_planner_(c, *item, out));
        return true;
    });
}

Result<void> CaseService::CheckFiles(const Principal& p,
                                     const std::vector<MaterialUpload>& uploads) {
    std::vector<std::string> ids;
    for (const MaterialUpload& u : uploads) {
        if (u.file_id.empty())
            return Error(ErrorCode::kMissingField).Field("materials." + u.requirement);
        ids.push_back(u.file_id);
    }
    OW_ASSIGN_OR_RETURN(auto files, vault_.FindFiles(ids));
    for (const MaterialUpload& u : uploads) {
        // Only files the caller uploaded: a file id seen elsewhere is not a key to it.
        bool mine = std::any_of(files.begin(), files.end(), [&](const vault::StoredFile& f) {
            return f.id == u.file_id && f.uploaded_by == p.user_id;
        });
        if (!mine) return Error(ErrorCode::kReferenceMissing).Field("materials." + u.requirement);
    }
    return Ok();
}

// The uploads that answer `item`'s materials: by code, or (in a bundle) by document type.
Result<std::map<std::string, std::string>> CaseService::UploadsFor(
    const Principal&, const catalog::Item& item, const std::vector<MaterialUpload>& all,
    bool strict) {
    std::map<std::string, std::string> out;
    for (const MaterialUpload& u : all) {
        if (const catalog::Material* m = item.FindMaterial(u.requirement)) {
            out[m->code] = u.file_id;
            continue;
        }
        if (strict) return Error(ErrorCode::kUnknownField).Field("materials." + u.requirement);
    }
    return out;
}

Result<std::vector<Case>> CaseService::Submit(const Principal& p, const SubmitRequest& r) {
    const Timestamp now = clock_.Now();
    const Date today = LocalDate(now);
    auto cat = catalog_.Current();
    auto org = org_.Current();
    auto cal = calendar_.Current();

    // The items applied for.
    std::vector<const catalog::Item*> items;
    std::string bundle_application;
    if (!r.bundle_code.empty()) {
        const catalog::Bundle* b = cat->FindBundle(r.bundle_code);
        if (!b) return Error(ErrorCode::kReferenceMissing).Field("bundle_code");
        for (const auto& code : b->items) {
            if (const catalog::Item* i = cat->FindItem(code)) items.push_back(i);
        }
        bundle_application = NewCaseId(now);
    } else {
        const catalog::Item* i = cat->FindItem(r.item_code);
        if (!i) return Error(ErrorCode::kReferenceMissing).Field("item_code");
        items.push_back(i);
    }

    // Who applies, through which channel, on whose behalf.
    Applicant applicant = r.applicant;
    if (applicant.type.empty() && applicant.id.empty()) {
        // Applying for oneself: the account says who one is (a browser knows only the masked
        // ID number).
        if (p.HasRole(Role::kCitizen) && p.id_number) {
            applicant.type = "person";
            applicant.id = *p.id_number;
        } else if (p.HasRole(Role::kEnterprise) && p.credit_code) {
            applicant.type = "enterprise";
            applicant.id = *p.credit_code;
        } else {
            return Error(ErrorCode::kMissingField).Field("applicant");
        }
        applicant.name = p.display_name;
    }
    if (applicant.type == "person") {
        OW_ASSIGN_OR_RETURN(ResidentId id, ResidentId::Parse(applicant.id));
        applicant.id = id.str();
    } else if (applicant.type == "enterprise") {
        auto code = CreditCode::Parse(applicant.id);
        if (!code.ok()) return Error(std::move(code).error()).Field("applicant.credit_code");
        applicant.id = code->str();
    } else {
        return Error(ErrorCode::kInvalidValue)
            .Field("applicant.type")
            .Param("reason", "unknown_value:" + applicant.type);
    }
    if (!IsValidName(applicant.name, 100)) {
        return Error(ErrorCode::kInvalidValue).Field("applicant.name").Param("reason", "name_rule");
    }
    bool self = (applicant.type == "person" && p.id_number == applicant.id) ||
                (applicant.type == "enterprise" && p.credit_code == applicant.id);
    if (p.HasRole(Role::kCitizen) || p.HasRole(Role::kEnterprise)) {
        if (!self) return Error(ErrorCode::kForbidden).Field("applicant");
        if (r.channel != "online" && r.channel != "mobile" && r.channel != "kiosk") {
            return Error(ErrorCode::kInvalidValue).Field("channel").Param("reason", "channel_role");
        }
        applicant.user_id = p.user_id;
    } else if (p.HasRole(Role::kWindowClerk)) {
        if (r.channel != "window") {
            return Error(ErrorCode::kInvalidValue).Field("channel").Param("reason", "channel_role");
        }
    } else if (p.HasRole(Role::kBankClerk)) {
        if (r.channel != "bank") {
            return Error(ErrorCode::kInvalidValue).Field("channel").Param("reason", "channel_role");
        }
        if (!r.consent.given || r.consent.method.empty()) {
            return Error(ErrorCode::kMissingField).Field("consent");
        }
    } else {
        return Error(ErrorCode::kForbidden);
    }

    // Where: the service point, its unit, the clerk's scope.
    int64_t point_id = 0;
    if (r.service_point_id) {
        point_id = *r.service_point_id;
    } else if (r.channel == "online" || r.channel == "mobile") {
        for (const auto& sp : org->service_points) {
            const org::OrgUnit* u = org->tree.Find(sp.org_unit_id);
            if (sp.active && sp.kind == org::ServicePointKind::kServiceCentre && u &&
                u->level == org::OrgLevel::kCity) {
                point_id = sp.id;
                break;
            }
        }
    }
    const org::ServicePoint* point = org->FindServicePoint(point_id);
    if (!point || !point->active) return Error(ErrorCode::kReferenceMissing).Field("service_point");
    using K = org::ServicePointKind;
    bool kind_ok = r.channel == "bank"    ? point->kind == K::kBankBranch
                   : r.channel == "kiosk" ? point->kind == K::kKiosk
                   : r.channel == "window"
                       ? (point->kind == K::kServiceCentre || point->kind == K::kTownCentre ||
                          point->kind == K::kVillagePoint)
                       : point->kind != K::kBankBranch && point->kind != K::kKiosk;
    if (!kind_ok) {
        return Error(ErrorCode::kInvalidValue).Field("service_point").Param("reason", "point_kind");
    }
    bool clerk = p.HasRole(Role::kWindowClerk) || p.HasRole(Role::kBankClerk);
    if (clerk && !Covers(*org, p, point->org_unit_id)) return Error(ErrorCode::kOutOfScope);
    // The case is handled at the nearest unit, from the service point up, at a level the item
    // is handled at: a town centre handles a town-level item itself and passes a district-level
    // one to its district; a bank branch or kiosk passes it on the same way.
    auto handling_unit = [&](const catalog::Item& item) -> const org::OrgUnit* {
        auto path = org->tree.Path(point->org_unit_id);
        for (auto it = path.rbegin(); it != path.rend(); ++it) {
            if (item.HasLevel(org::OrgLevelName((*it)->level))) return *it;
        }
        return nullptr;
    };

    OW_TRY(CheckFiles(p, r.materials));
    // Materials of a bundle: each upload must answer some item's material.
    if (items.size() > 1) {
        for (const MaterialUpload& u : r.materials) {
            bool used = std::any_of(items.begin(), items.end(),
                                    [&](const auto* i) { return i->FindMaterial(u.requirement); });
            if (!used) return Error(ErrorCode::kUnknownField).Field("materials." + u.requirement);
        }
    }
    std::map<std::string, int64_t> vault_available;
    if (r.vault_consent) {
        OW_ASSIGN_OR_RETURN(auto docs, vault_.Documents(applicant.id));
        for (const auto& d : docs) {
            if (d.Reusable(today)) vault_available[d.document_type] = d.id;  // newest last
        }
    }

    // Each item: what it admits, its form, its departments; then the case.
    std::vector<std::pair<NewCase, const catalog::Item*>> planned;
    for (const catalog::Item* item : items) {
        if (!item->HasChannel(r.channel)) {
            return Error(ErrorCode::kInvalidValue)
                .Field("channel")
                .Param("reason", "channel_not_offered");
        }
        const org::OrgUnit* unit = handling_unit(*item);
        if (!unit) {
            return Error(ErrorCode::kInvalidValue)
                .Field("service_point")
                .Param("reason", "level_not_offered");
        }
        if (item->subject != "both" && item->subject != applicant.type) {
            return Error(ErrorCode::kInvalidValue)
                .Field("applicant.type")
                .Param("reason", "subject_mismatch");
        }
        for (const catalog::Stage& s : item->workflow) {
            for (const std::string& code : s.departments) OW_TRY(Route(*org, unit->id, code));
        }
        const catalog::FormData* form = &r.form;
        if (items.size() > 1) {
            auto f = r.forms.find(item->code);
            static const catalog::FormData kEmpty;
            form = f == r.forms.end() ? &kEmpty : &f->second;
        }
        OW_ASSIGN_OR_RETURN(catalog::FormData checked, catalog::CheckForm(item->form, *form));
        std::string delivery = r.delivery.empty() ? item->delivery.front() : r.delivery;
        if (std::find(item->delivery.begin(), item->delivery.end(), delivery) ==
            item->delivery.end()) {
            return Error(ErrorCode::kInvalidValue)
                .Field("delivery")
                .Param("reason", "unknown_value:" + delivery);
        }
        if (delivery == "express" && r.delivery_address.empty()) {
            return Error(ErrorCode::kMissingField).Field("delivery_address");
        }
        NewCase n;
        n.bundle_application = bundle_application;
        n.applicant = applicant;
        n.channel = r.channel;
        n.service_point_id = point->id;
        n.handling_unit_id = unit->id;
        n.submitted_by = p.user_id;
        n.consent = r.consent;
        if (n.consent.given) n.consent.recorded_at = now;
        n.vault_consent = r.vault_consent;
        n.form = std::move(checked);
        n.delivery = delivery;
        n.delivery_address = r.delivery_address;
        OW_ASSIGN_OR_RETURN(n.uploads, UploadsFor(p, *item, r.materials, items.size() == 1));
        n.vault_available = vault_available;
        planned.emplace_back(std::move(n), item);
    }

    std::vector<Case> created;
    for (auto& [n, item] : planned) {
        OW_ASSIGN_OR_RETURN(auto versioned, catalog_.ItemAt(item->code, item->version));
        const org::OrgSnapshot* snapshot = org.get();
        int64_t unit_id = n.handling_unit_id;
        MachineContext ctx{*versioned,
                           *cal,
                           cat->document_types,
                           now,
                           today,
                           p.user_id,
                           ChannelOf(p, r.channel),
                           policy_,
                           [snapshot, unit_id](const std::string& code) {
                               return Route(*snapshot, unit_id, code);
                           },
                           {}};
        for (int attempt = 0;; ++attempt) {
            n.id = NewCaseId(now);
            Outcome out;
            OW_ASSIGN_OR_RETURN(Case c, cases::Submit(n, ctx, out));
            if (notice_planner_) OW_TRY(notice_planner_(c, *versioned, out));
            auto inserted = store_.Insert(c, out);
            if (inserted.ok()) {
                TellIfIssued(*inserted, out);
                created.push_back(std::move(inserted).value());
                break;
            }
            if (inserted.error().code() != ErrorCode::kAlreadyExists || attempt > 5) {
                return std::move(inserted).error();
            }
        }
    }
    return created;
}

Result<Case> CaseService::Load(const Principal& p, const std::string& id) {
    OW_ASSIGN_OR_RETURN(auto found, store_.Find(id));
    if (!found) return Error(ErrorCode::kNotFound).Param("what", "case");
    if (IsApplicant(p, *found)) return std::move(*found);
    auto org = org_.Current();
    bool staff = std::any_of(p.roles.begin(), p.roles.end(), auth::IsStaffRole);
    if (!staff) return Error(ErrorCode::kNotFound).Param("what", "case");
    if (!StaffMayRead(*org, p, *found)) return Error(ErrorCode::kOutOfScope);
    return std::move(*found);
}

Result<Case> CaseService::Get(const Principal& p, const std::string& id) {
    OW_ASSIGN_OR_RETURN(Case c, Load(p, id));
    if (!IsApplicant(p, c)) OW_TRY(store_.LogRead(id, p.user_id, clock_.Now(), "view"));
    return c;
}

Result<std::vector<Case>> CaseService::List(const Principal& p, std::optional<CaseStatus> status,
                                            std::optional<std::string> applicant) {
    CaseQuery q;
    q.status = status;
    if (applicant) {
        // A credit code when it reads as one, else a resident ID number (whose error is shown).
        if (auto code = CreditCode::Parse(*applicant); code.ok()) {
            applicant = code->str();
        } else {
            auto id = ResidentId::Parse(*applicant);
            if (!id.ok()) return std::move(id).error().Field("applicant");
            applicant = id->str();
        }
    }
    auto org = org_.Current();
    if (p.HasRole(Role::kCitizen)) {
        q.applicant_id = p.id_number.value_or("-");
    } else if (p.HasRole(Role::kEnterprise)) {
        q.applicant_id = p.credit_code.value_or("-");
    } else if (p.HasRole(Role::kWindowClerk) || p.HasRole(Role::kSupervisor) ||
               p.HasRole(Role::kAdmin)) {
        q.units = Subtree(*org, p.org_unit_id.value_or(-1));
    } else if (p.HasRole(Role::kReviewer)) {
        q.departments = std::vector<int64_t>{p.department_id.value_or(-1)};
    } else if (p.HasRole(Role::kBankClerk)) {
        q.submitted_by = p.user_id;
    } else {
        return Error(ErrorCode::kForbidden);
    }
    if (applicant) {
        if (q.applicant_id && *q.applicant_id != *applicant) return std::vector<Case>();
        q.applicant_id = applicant;
    }
    return store_.List(q);
}

Result<std::vector<InboxTask>> CaseService::Inbox(const Principal& p) {
    if (!p.HasRole(Role::kReviewer) || !p.department_id) return Error(ErrorCode::kForbidden);
    return store_.Inbox(*p.department_id);
}

Result<std::vector<StoredEvent>> CaseService::History(const Principal& p, const std::string& id) {
    OW_ASSIGN_OR_RETURN(Case c, Load(p, id));
    if (!IsApplicant(p, c)) OW_TRY(store_.LogRead(id, p.user_id, clock_.Now(), "history"));
    return store_.Events(id);
}

Result<std::vector<CaseRead>> CaseService::Reads(const Principal& p, const std::string& id) {
    OW_ASSIGN_OR_RETURN(Case c, Load(p, id));
    if (!IsApplicant(p, c)) {
        if (!p.HasRole(Role::kSupervisor) && !p.HasRole(Role::kAdmin)) {
            return Error(ErrorCode::kForbidden);
        }
        OW_TRY(store_.LogRead(id, p.user_id, clock_.Now(), "access_log"));
    }
    return store_.Reads(id);
}

Result<void> CaseService::Authorize(const Principal& p, const Case& c, Who who) {
    if (IsApplicant(p, c)) {
        if (who == Who::kApplicantOrWindow) return Ok();
        return Error(ErrorCode::kForbidden);
    }
    bool staff = std::any_of(p.roles.begin(), p.roles.end(), auth::IsStaffRole);
    if (!staff) return Error(ErrorCode::kNotFound).Param("what", "case");
    auto org = org_.Current();
    if (!StaffMayRead(*org, p, c)) return Error(ErrorCode::kOutOfScope);
    if (!IsWindowFor(*org, p, c)) return Error(ErrorCode::kForbidden);
    return Ok();
}

// A change by the window or the applicant: authorised on the case as it is inside the
// transaction (no second read), then made.
Result<Case> CaseService::Act(const Principal& p, const std::string& id, Who who,
                              const Change& change) {
    return UpdateAndTell(id, [&](Case& c, Outcome& out) -> Result<bool> {
        OW_TRY(Authorize(p, c, who));
        OW_ASSIGN_OR_RETURN(auto item, ItemOf(c));
        std::shared_ptr<const calendar::WorkingDayCalendar> cal;
        std::shared_ptr<const catalog::Catalog> cat;
        std::shared_ptr<const org::OrgSnapshot> org;
        OW_ASSIGN_OR_RETURN(
            MachineContext ctx,
            ContextFor(c, *item, p.user_id, ChannelOf(p, c.channel), clock_.Now(), cal, cat, org));
        OW_TRY(change(c, ctx, out));
        if (notice_planner_) OW_TRY(notice_planner_(c, *item, out));
        return true;
    });
}

Result<Case> CaseService::Accept(const Principal& p, const std::string& id, const AcceptInput& in) {
    return Act(p, id, Who::kWindow, [&](Case& x, const MachineContext& ctx, Outcome& out) {
        return cases::Accept(x, in, ctx, out);
    });
}

Result<Case> CaseService::Return(const Principal& p, const std::string& id,
                                 std::vector<NoticeLine> problems) {
    return Act(p, id, Who::kWindow, [&](Case& x, const MachineContext& ctx, Outcome& out) {
        return cases::Return(x, problems, ctx, out);
    });
}

Result<Case> CaseService::Refuse(const Principal& p, const std::string& id,
                                 const std::string& reason) {
    return Act(p, id, Who::kWindow, [&](Case& x, const MachineContext& ctx, Outcome& out) {
        return cases::Refuse(x, reason, ctx, out);
    });
}

Result<Case> CaseService::Deliver(const Principal& p, const std::string& id,
                                  const std::string& tracking) {
    return Act(p, id, Who::kWindow, [&](Case& x, const MachineContext& ctx, Outcome& out) {
        return cases::Deliver(x, tracking, ctx, out);
    });
}

Result<Case> CaseService::Withdraw(const Principal& p, const std::string& id,
                                   const std::string& reason) {
    return Act(p, id, Who::kApplicantOrWindow,
               [&](Case& x, const MachineContext& ctx, Outcome& out) {
                   return cases::Withdraw(x, reason, ctx, out);
               });
}

Result<Case> CaseService::Resubmit(const Principal& p, const std::string& id,
                                   const std::optional<catalog::FormData>& form,
                                   const std::vector<MaterialUpload>& materials) {
    OW_TRY(CheckFiles(p, materials));
    return Act(p, id, Who::kApplicantOrWindow,
               [&](Case& x, const MachineContext& ctx, Outcome& out) -> Result<void> {
                   std::optional<catalog::FormData> checked;
                   if (form) {
                       OW_ASSIGN_OR_RETURN(checked, catalog::CheckForm(ctx.item.form, *form));
                   }
                   OW_ASSIGN_OR_RETURN(auto uploads, UploadsFor(p, ctx.item, materials, true));
                   return cases::Resubmit(x, checked, uploads, ctx, out);
               });
}

Result<Case> CaseService::Supply(const Principal& p, const std::string& id,
                                 const std::vector<MaterialUpload>& materials) {
    OW_TRY(CheckFiles(p, materials));
    return Act(p, id, Who::kApplicantOrWindow,
               [&](Case& x, const MachineContext& ctx, Outcome& out) -> Result<void> {
                   OW_ASSIGN_OR_RETURN(auto uploads, UploadsFor(p, ctx.item, materials, true));
                   return cases::Supply(x, uploads, ctx, out);
               });
}

Result<Case> CaseService::Claim(const Principal& p, int64_t task_id) {
    if (!p.HasRole(Role::kReviewer) || !p.department_id) return Error(ErrorCode::kForbidden);
    OW_ASSIGN_OR_RETURN(auto id, store_.CaseOfTask(task_id));
    if (!id) return Error(ErrorCode::kNotFound).Param("what", "task");
    return Change_(*id, p.user_id, "review", [&](Case& x, const MachineContext& ctx, Outcome& out) {
        return cases::Claim(x, task_id, p.user_id, *p.department_id, ctx, out);
    });
}

Result<InboxTask> CaseService::TaskOf(const Principal& p, int64_t task_id) {
    if (!p.HasRole(Role::kReviewer) || !p.department_id) return Error(ErrorCode::kForbidden);
    OW_ASSIGN_OR_RETURN(auto id, store_.CaseOfTask(task_id));
    if (!id) return Error(ErrorCode::kNotFound).Param("what", "task");
    OW_ASSIGN_OR_RETURN(auto found, store_.Find(*id));
    const Task* t = found ? found->FindTask(task_id) : nullptr;
    if (!t || t->department_id != *p.department_id) {
        return Error(ErrorCode::kNotFound).Param("what", "task");
    }
    OW_TRY(store_.LogRead(*id, p.user_id, clock_.Now(), "task"));
    return InboxTask{
        *t, found->id, found->item_code, found->item_version, found->applicant.name, found->status,
        0};
}

Result<Case> CaseService::Decide(const Principal& p, int64_t task_id, const Decision& d) {
    if (!p.HasRole(Role::kReviewer) || !p.department_id) return Error(ErrorCode::kForbidden);
    OW_ASSIGN_OR_RETURN(auto id, store_.CaseOfTask(task_id));
    if (!id) return Error(ErrorCode::kNotFound).Param("what", "task");
    return Change_(*id, p.user_id, "review", [&](Case& x, const MachineContext& ctx, Outcome& out) {
        return cases::Decide(x, task_id, p.user_id, *p.department_id, d, ctx, out);
    });
}

Result<vault::StoredFile> CaseService::FileFor(const Principal& p, const std::string& file_id) {
    OW_ASSIGN_OR_RETURN(auto file, vault_.FindFile(file_id));
    if (!file) return Error(ErrorCode::kNotFound).Param("what", "file");
    if (file->uploaded_by == p.user_id) return std::move(*file);
    for (const std::string& holder : {p.id_number.value_or(""), p.credit_code.value_or("")}) {
        if (holder.empty()) continue;
        OW_ASSIGN_OR_RETURN(auto docs, vault_.Documents(holder));
        for (const auto& d : docs) {
            if (d.file_id == file_id) return std::move(*file);
        }
    }
    OW_ASSIGN_OR_RETURN(auto case_ids, store_.CasesWithFile(file_id));
    for (const std::string& id : case_ids) {
        if (Load(p, id).ok()) return std::move(*file);
    }
    return Error(ErrorCode::kNotFound).Param("what", "file");
}

Result<std::vector<vault::VaultDocument>> CaseService::VaultOf(const Principal& p,
                                                               const std::string& holder) {
    bool own = p.id_number == holder || p.credit_code == holder;
    bool clerk = p.HasRole(Role::kWindowClerk) || p.HasRole(Role::kBankClerk);
    if (!own && !clerk) return Error(ErrorCode::kForbidden);
    return vault_.Documents(holder);
}

Result<SweepReport> CaseService::Sweep(int limit, const std::function<void(const Case&)>& heard) {
    SweepReport report;
    OW_ASSIGN_OR_RETURN(auto due, store_.DueForCheck(clock_.Now(), limit));
    for (const std::string& id : due) {
        ++report.checked;
        bool changed = false;
        auto r = UpdateAndTell(id, [&](Case& c, Outcome& out) -> Result<bool> {
            OW_ASSIGN_OR_RETURN(auto item, ItemOf(c));
            std::shared_ptr<const calendar::WorkingDayCalendar> cal;
            std::shared_ptr<const catalog::Catalog> cat;
            std::shared_ptr<const org::OrgSnapshot> org;
            OW_ASSIGN_OR_RETURN(MachineContext ctx, ContextFor(c, *item, std::nullopt, "system",
                                                               clock_.Now(), cal, cat, org));
            auto before = c.next_check_at;
            OW_ASSIGN_OR_RETURN(changed, Tick(c, ctx, out));
            if (changed && notice_planner_) OW_TRY(notice_planner_(c, *item, out));
            // Written even without events: the next check time moved on.
            return changed || c.next_check_at != before;
        });
        if (!r.ok()) {
            ++report.failed;
        } else if (changed) {
            ++report.changed;
            if (heard) heard(*r);
        }
    }
    return report;
}

}  // namespace ow::cases
