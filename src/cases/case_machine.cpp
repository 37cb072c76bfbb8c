#include "cases/case_machine.hpp"

#include <algorithm>
#include <set>

namespace ow::cases {
namespace {

using namespace std::chrono;

Error State(std::string reason) {
    return Error(ErrorCode::kInvalidState).Param("reason", std::move(reason));
}

CaseEvent Event(const MachineContext& ctx, std::string type) {
    return CaseEvent{std::move(type), ctx.now, ctx.actor, ctx.channel, {}};
}

bool OnSite(std::string_view channel) {
    return channel == "window" || channel == "bank" || channel == "kiosk";
}

std::optional<Date> ValidUntil(const MachineContext& ctx, const std::string& type, Date from) {
    for (const auto& t : ctx.document_types) {
        if (t.code == type && t.validity_days > 0) {
            return Date{Days(from) + days(t.validity_days)};
        }
    }
    return std::nullopt;
}

void Deposit(Case& c, const MachineContext& ctx, Outcome& out, const std::string& type,
             const std::string& file_id, const char* source) {
    if (type.empty()) return;
    out.deposits.push_back(
        {c.applicant.id, type, file_id, source, ctx.today, ValidUntil(ctx, type, ctx.today)});
}

// A pause starts the day after the request; one ended on the day it was asked for stopped no
// day of the clock and is not kept.
void DropEmptyPauses(Case& c) {
    std::erase_if(c.pauses, [](const Pause& p) { return p.last && Days(*p.last) < Days(p.first); });
}

// Ends the review: pending tasks are cancelled, an open pause ends today.
void StopReview(Case& c, Date today) {
    for (Task& t : c.tasks) {
        if (IsPending(t.status)) t.status = TaskStatus::kCancelled;
    }
    for (Pause& p : c.pauses) {
        if (!p.last) p.last = today;
    }
    DropEmptyPauses(c);
}

void StartStage(Case& c, int stage, const MachineContext& ctx, Outcome& out) {
    c.stage = stage;
    const catalog::Stage& s = ctx.item.workflow.at(static_cast<size_t>(stage));
    std::string departments;
    for (const std::string& code : s.departments) {
        Task t;
        t.stage = stage;
        t.department_code = code;
        t.department_id = ctx.route(code).value();  // routes were checked at submission
        t.started_on = ctx.today;
        t.deadline = ctx.today;
        c.tasks.push_back(std::move(t));
        departments += (departments.empty() ? "" : ",") + code;
    }
    out.events.push_back(Event(ctx, "stage.started")
                             .With("stage", std::to_string(stage + 1))
                             .With("name", s.name.zh)
                             .With("departments", departments)
                             .With("limit_days", std::to_string(s.limit_days)));
}

void Issue(Case& c, const MachineContext& ctx, Outcome& out) {
    CaseResult r;
    r.kind = ctx.item.result.license ? "license" : "document";
    r.document_type = ctx.item.result.document_type;
    r.name_zh = ctx.item.result.license ? ctx.item.name.zh : ctx.item.result.name.zh;
    r.name_en = ctx.item.result.license ? ctx.item.name.en : ctx.item.result.name.en;
    r.issued_at = ctx.now;
    r.delivery = c.delivery;
    c.result = r;
    c.status = CaseStatus::kIssued;
    if (ctx.item.result.license) Deposit(c, ctx, out, r.document_type, "", "result");
    out.events.push_back(Event(ctx, "issued").With("result", r.kind).With("delivery", c.delivery));
    if (c.delivery == "download") {
        c.status = CaseStatus::kClosed;
        c.closed_at = ctx.now;
        c.result->delivered_at = ctx.now;
        out.events.push_back(Event(ctx, "closed").With("delivery", "download"));
    }
}

// Every stage approved: the result is issued now, or once the deferred materials are in.
void FinishReview(Case& c, const MachineContext& ctx, Outcome& out) {
    c.status = CaseStatus::kApproved;
    out.events.push_back(Event(ctx, "approved"));
    if (!c.HasOutstandingDeferred()) Issue(c, ctx, out);
}

// After a decision: the stage is over when no task of it is pending.
void AdvanceStage(Case& c, const MachineContext& ctx, Outcome& out) {
    std::string reasons;
    for (const Task& t : c.tasks) {
        if (t.stage != c.stage) continue;
        if (IsPending(t.status)) return;
        if (t.status == TaskStatus::kRejected) {
            std::string who =
                ctx.department_name ? ctx.department_name(t.department_id) : t.department_code;
            reasons += (reasons.empty() ? "" : "；") + who + "：" + t.opinion;
        }
    }
    if (!reasons.empty()) {
        c.status = CaseStatus::kRefused;
        c.refusal_reason = reasons;
        out.events.push_back(Event(ctx, "refused")
                                 .With("stage", std::to_string(c.stage + 1))
                                 .With("reasons", reasons));
        return;
    }
    out.events.push_back(Event(ctx, "stage.passed").With("stage", std::to_string(c.stage + 1)));
    if (c.stage + 1 < static_cast<int>(ctx.item.workflow.size())) {
        StartStage(c, c.stage + 1, ctx, out);
    } else {
        FinishReview(c, ctx, out);
    }
}

// Accepts the case as of `on` and starts its review (or finishes it, for on-the-spot items).
void Begin(Case& c, Date on, std::optional<int64_t> accepted_by, const MachineContext& ctx,
           Outcome& out) {
    c.accepted_on = on;
    c.accepted_by = accepted_by;
    c.status = CaseStatus::kInReview;
    for (const CaseMaterial& m : c.materials) {
        const catalog::Material* spec = ctx.item.FindMaterial(m.requirement);
        if (m.state == MaterialState::kProvided && spec) {
            Deposit(c, ctx, out, spec->document_type, m.file_id, "material");
        }
    }
    if (ctx.item.workflow.empty()) {
        FinishReview(c, ctx, out);
    } else {
        StartStage(c, 0, ctx, out);
    }
}

void CountMaterials(Case& c, const MachineContext& ctx) {
    Counters& k = c.counters;
    k.required = k.submitted = k.reused = k.waived = k.deferred = 0;
    for (const CaseMaterial& m : c.materials) {
        const catalog::Material* spec = ctx.item.FindMaterial(m.requirement);
        if (spec && spec->requirement == "required") ++k.required;
        switch (m.state) {
            case MaterialState::kProvided: ++k.submitted; break;
            case MaterialState::kFromVault: ++k.reused; break;
            case MaterialState::kWaived: ++k.waived; break;
            case MaterialState::kDeferred: ++k.deferred; break;
            case MaterialState::kMissing: break;
        }
    }
}

Result<void> TakeUploads(Case& c, const std::map<std::string, std::string>& uploads,
                         const MachineContext& ctx) {
    for (const auto& [code, file] : uploads) {
        CaseMaterial* m = c.FindMaterial(code);
        if (!m || !ctx.item.FindMaterial(code)) {
            return Error(ErrorCode::kUnknownField).Field("materials." + code);
        }
        m->state = MaterialState::kProvided;
        m->file_id = file;
        m->vault_document.reset();
    }
    return Ok();
}

bool Present(const CaseMaterial& m) {
    return m.state == MaterialState::kProvided || m.state == MaterialState::kFromVault;
}

Result<Task*> PendingTaskOf(Case& c, int64_t task_id, int64_t user, int64_t department) {
    Task* t = c.FindTask(task_id);
    if (!t) return Error(ErrorCode::kNotFound).Param("what", "task");
    if (t->department_id != department) return Error(ErrorCode::kOutOfScope);
    if (c.accepted_by && *c.accepted_by == user) return Error(ErrorCode::kSeparationOfDuties);
    if (!IsPending(t->status)) return State("task_decided");
    if (t->claimed_by && *t->claimed_by != user) return State("task_claimed_by_other");
    return t;
}

}  // namespace

Timestamp StartOfDay(Date date) {
    return time_point_cast<milliseconds>(sys_days(date) - hours(8));
}

Result<Case> Submit(const NewCase& s, const MachineContext& ctx, Outcome& out) {
    Case c;
    c.id = s.id;
    c.item_code = ctx.item.code;
    c.item_version = ctx.item.version;
    c.bundle_application = s.bundle_application;
    c.applicant = s.applicant;
    c.channel = s.channel;
    c.service_point_id = s.service_point_id;
    c.handling_unit_id = s.handling_unit_id;
    c.submitted_by = s.submitted_by;
    c.consent = s.consent;
    c.vault_consent = s.vault_consent;
    c.form = s.form;
    c.delivery = s.delivery;
    c.delivery_address = s.delivery_address;
    c.submitted_at = ctx.now;
    c.submitted_on = ctx.today;
    for (const catalog::Material& spec : ctx.item.materials) {
        CaseMaterial m;
        m.requirement = spec.code;
        auto vault = spec.document_type.empty() ? s.vault_available.end()
                                                : s.vault_available.find(spec.document_type);
        if (s.vault_consent && vault != s.vault_available.end()) {
            m.state = MaterialState::kFromVault;
            m.vault_document = vault->second;
        }
        c.materials.push_back(std::move(m));
    }
    OW_TRY(TakeUploads(c, s.uploads, ctx));
    c.counters.visits = OnSite(s.channel) ? 1 : 0;
    out.events.push_back(Event(ctx, "submitted")
                             .With("item", ctx.item.code + "@" + std::to_string(ctx.item.version))
                             .With("service_point", std::to_string(s.service_point_id))
                             .With("by", std::to_string(s.submitted_by))
                             .With("consent", s.consent.given ? s.consent.method : ""));
    if (ctx.item.instant_approval) {
        bool complete = std::all_of(c.materials.begin(), c.materials.end(), [&](const auto& m) {
            return Present(m) || ctx.item.FindMaterial(m.requirement)->requirement != "required";
        });
        if (complete) {
            for (CaseMaterial& m : c.materials) {
                if (!Present(m)) m.state = MaterialState::kWaived;
            }
            out.events.push_back(Event(ctx, "accepted").With("instant", "true"));
            Begin(c, ctx.today, std::nullopt, ctx, out);
        }
    }
    CountMaterials(c, ctx);
    Recompute(c, ctx, out);
    return c;
}

Result<void> Accept(Case& c, const AcceptInput& in, const MachineContext& ctx, Outcome& out) {
    if (c.status != CaseStatus::kSubmitted) return State("not_submitted");
    std::map<std::string, std::optional<Date>> deferred(in.deferred.begin(), in.deferred.end());
    std::set<std::string> waived(in.waived.begin(), in.waived.end());
    if (!deferred.empty() && in.commitment.empty()) {
        return Error(ErrorCode::kMissingField).Field("commitment");
    }
    for (const auto& [code, due] : deferred) {
        if (!c.FindMaterial(code)) return Error(ErrorCode::kUnknownField).Field("deferred." + code);
    }
    for (const std::string& code : waived) {
        if (!c.FindMaterial(code)) return Error(ErrorCode::kUnknownField).Field("waived." + code);
    }
    // The promised deadline if accepted today: deferred materials are due by it at the latest.
    Date promised = ctx.today;
    if (auto d =
            DeadlineFor(ctx.calendar, ctx.today, ctx.item.promised_limit_days, c.pauses, ctx.today);
        d.ok()) {
        promised = d->date;
    }
    std::vector<CaseMaterial> next = c.materials;
    Notice notice{"deficiency", ctx.now, ctx.actor.value_or(0), {}, ""};
    for (CaseMaterial& m : next) {
        const catalog::Material& spec = *ctx.item.FindMaterial(m.requirement);
        bool defer = deferred.count(m.requirement) > 0;
        if (Present(m)) {
            if (defer) {
                return Error(ErrorCode::kInvalidValue)
                    .Field("deferred." + m.requirement)
                    .Param("reason", "already_present");
            }
            continue;
        }
        if (defer) {
            if (!ctx.item.deficiency_tolerant || !spec.deferrable) {
                return Error(ErrorCode::kInvalidValue)
                    .Field("deferred." + m.requirement)
                    .Param("reason", "not_deferrable");
            }
            Date due = deferred[m.requirement].value_or(promised);
            if (Days(due) < Days(ctx.today) || Days(due) > Days(promised)) {
                return Error(ErrorCode::kInvalidValue)
                    .Field("deferred." + m.requirement)
                    .Param("reason", "due_outside_limit");
            }
            m.state = MaterialState::kDeferred;
            m.due = due;
            // The subject names the material; pages show its name in the reader's language.
            notice.lines.push_back({m.requirement, "", due});
        } else if (waived.count(m.requirement)) {
            if (spec.requirement == "required") {
                return Error(ErrorCode::kInvalidValue)
                    .Field("waived." + m.requirement)
                    .Param("reason", "required_material");
            }
            m.state = MaterialState::kWaived;
        } else if (spec.requirement == "optional") {
            m.state = MaterialState::kWaived;
        } else {
            return Error(ErrorCode::kInvalidState)
                .Field("materials." + m.requirement)
                .Param("reason", "material_missing");
        }
    }
    c.materials = std::move(next);
    if (!notice.lines.empty()) {
        notice.consequence = "terminate";
        c.commitment = in.commitment;
        c.notices.push_back(notice);
    }
    std::string deferred_codes;
    for (const auto& l : notice.lines)
        deferred_codes += (deferred_codes.empty() ? "" : ",") + l.subject;
    out.events.push_back(Event(ctx, "accepted").With("deferred", deferred_codes));
    Begin(c, ctx.today, ctx.actor, ctx, out);
    CountMaterials(c, ctx);
    Recompute(c, ctx, out);
    return Ok();
}

Result<void> Return(Case& c, std::vector<NoticeLine> problems, const MachineContext& ctx,
                    Outcome& out) {
    if (c.status != CaseStatus::kSubmitted) return State("not_submitted");
    if (problems.empty()) return Error(ErrorCode::kMissingField).Field("problems");
    for (const NoticeLine& p : problems) {
        if (p.message.empty()) return Error(ErrorCode::kMissingField).Field("problems.message");
    }
    c.status = CaseStatus::kReturned;
    c.notices.push_back({"correction", ctx.now, ctx.actor.value_or(0), std::move(problems), ""});
    out.events.push_back(
        Event(ctx, "returned").With("problems", std::to_string(c.notices.back().lines.size())));
    Recompute(c, ctx, out);
    return Ok();
}

Result<void> Resubmit(Case& c, const std::optional<catalog::FormData>& form,
                      const std::map<std::string, std::string>& uploads, const MachineContext& ctx,
                      Outcome& out) {
    if (c.status != CaseStatus::kReturned) return State("not_returned");
    OW_TRY(TakeUploads(c, uploads, ctx));
    if (form) c.form = *form;
    c.status = CaseStatus::kSubmitted;
    c.submitted_on = ctx.today;  // the five days of art. 32 start again
    if (OnSite(ctx.channel)) ++c.counters.visits;
    CountMaterials(c, ctx);
    out.events.push_back(
        Event(ctx, "resubmitted").With("materials", std::to_string(uploads.size())));
    Recompute(c, ctx, out);
    return Ok();
}

Result<void> Refuse(Case& c, const std::string& reason, const MachineContext& ctx, Outcome& out) {
    if (c.status != CaseStatus::kSubmitted && c.status != CaseStatus::kReturned) {
        return State("not_submitted");
    }
    if (reason.empty()) return Error(ErrorCode::kMissingField).Field("reason");
    c.status = CaseStatus::kRefused;
    c.refusal_reason = reason;
    out.events.push_back(Event(ctx, "refused").With("stage", "acceptance").With("reasons", reason));
    Recompute(c, ctx, out);
    return Ok();
}

Result<void> Withdraw(Case& c, const std::string& reason, const MachineContext& ctx, Outcome& out) {
    switch (c.status) {
        case CaseStatus::kSubmitted:
        case CaseStatus::kReturned:
        case CaseStatus::kInReview:
        case CaseStatus::kSuspended: break;
        default: return State("decided");
    }
    StopReview(c, ctx.today);
    c.status = CaseStatus::kWithdrawn;
    c.closed_at = ctx.now;
    out.events.push_back(Event(ctx, "withdrawn").With("reason", reason));
    Recompute(c, ctx, out);
    return Ok();
}

// A material the applicant still owes: missing, deferred (容缺), or asked for by a department.
bool Owed(const Case& c, const CaseMaterial& m) {
    if (m.state == MaterialState::kMissing || m.state == MaterialState::kDeferred) return true;
    return std::any_of(c.tasks.begin(), c.tasks.end(), [&](const Task& t) {
        return t.status == TaskStatus::kSupplement &&
               std::find(t.requested.begin(), t.requested.end(), m.requirement) !=
                   t.requested.end();
    });
}

Result<void> Supply(Case& c, const std::map<std::string, std::string>& uploads,
                    const MachineContext& ctx, Outcome& out) {
    if (uploads.empty()) return Error(ErrorCode::kMissingField).Field("materials");
    if (c.status != CaseStatus::kSubmitted && c.status != CaseStatus::kInReview &&
        c.status != CaseStatus::kSuspended && c.status != CaseStatus::kApproved) {
        return State("not_open");
    }
    for (const auto& [code, file] : uploads) {
        const CaseMaterial* m = c.FindMaterial(code);
        if (!m || !ctx.item.FindMaterial(code)) {
            return Error(ErrorCode::kUnknownField).Field("materials." + code);
        }
        // Once accepted, what was checked stays as checked: only what is owed may come in.
        if (c.accepted_on && !Owed(c, *m)) {
            return Error(ErrorCode::kInvalidValue)
                .Field("materials." + code)
                .Param("reason", "not_asked_for");
        }
    }
    std::string codes;
    for (const auto& [code, file] : uploads) {
        CaseMaterial& m = *c.FindMaterial(code);
        bool was_deferred = m.state == MaterialState::kDeferred;
        m.state = MaterialState::kProvided;
        m.file_id = file;
        m.vault_document.reset();
        m.due.reset();
        m.supplied_at = ctx.now;
        if (c.accepted_on) {
            Deposit(c, ctx, out, ctx.item.FindMaterial(code)->document_type, file, "material");
        }
        codes += (codes.empty() ? "" : ",") + code + (was_deferred ? "(deferred)" : "");
    }
    if (OnSite(ctx.channel)) ++c.counters.visits;
    out.events.push_back(Event(ctx, "supplements.received").With("materials", codes));
    // A supplement request is answered when everything it asked for has arrived.
    for (Task& t : c.tasks) {
        if (t.status != TaskStatus::kSupplement) continue;
        bool answered = std::all_of(t.requested.begin(), t.requested.end(), [&](const auto& code) {
            return uploads.count(code) > 0 || c.FindMaterial(code)->supplied_at.has_value();
        });
        if (!answered) continue;
        t.status = t.claimed_by ? TaskStatus::kClaimed : TaskStatus::kOpen;
        for (Pause& p : c.pauses) {
            if (p.task_id == t.id && !p.last) p.last = ctx.today;
        }
        DropEmptyPauses(c);
        out.events.push_back(Event(ctx, "resumed").With("department", t.department_code));
    }
    bool still_waiting = std::any_of(c.tasks.begin(), c.tasks.end(), [](const Task& t) {
        return t.status == TaskStatus::kSupplement;
    });
    if (c.status == CaseStatus::kSuspended && !still_waiting) c.status = CaseStatus::kInReview;
    if (c.status == CaseStatus::kApproved && !c.HasOutstandingDeferred()) Issue(c, ctx, out);
    CountMaterials(c, ctx);
    Recompute(c, ctx, out);
    return Ok();
}

Result<void> Claim(Case& c, int64_t task_id, int64_t user, int64_t user_department,
                   const MachineContext& ctx, Outcome& out) {
    OW_ASSIGN_OR_RETURN(Task * t, PendingTaskOf(c, task_id, user, user_department));
    if (t->claimed_by) return Ok();  // claiming again is harmless (retries)
    t->claimed_by = user;
    if (t->status == TaskStatus::kOpen) t->status = TaskStatus::kClaimed;
    out.events.push_back(Event(ctx, "task.claimed").With("department", t->department_code));
    Recompute(c, ctx, out);
    return Ok();
}

Result<void> Decide(Case& c, int64_t task_id, int64_t user, int64_t user_department,
                    const Decision& d, const MachineContext& ctx, Outcome& out) {
    if (c.status != CaseStatus::kInReview && c.status != CaseStatus::kSuspended) {
        return State("not_in_review");
    }
    OW_ASSIGN_OR_RETURN(Task * t, PendingTaskOf(c, task_id, user, user_department));
    if (t->status == TaskStatus::kSupplement) return State("waiting_for_supplement");
    // Everything is checked before anything changes.
    if (d.decision != "approve" && d.decision != "reject" && d.decision != "supplement") {
        return Error(ErrorCode::kInvalidValue)
            .Field("decision")
            .Param("reason", "unknown_value:" + d.decision);
    }
    if (d.decision != "approve" && d.opinion.empty()) {
        return Error(ErrorCode::kMissingField).Field("opinion");
    }
    if (d.decision == "supplement") {
        // The applicant is told exactly what to bring: a request names at least one material.
        if (d.requested.empty()) return Error(ErrorCode::kMissingField).Field("materials");
        for (const std::string& code : d.requested) {
            if (!ctx.item.FindMaterial(code)) {
                return Error(ErrorCode::kUnknownField).Field("materials." + code);
            }
        }
    }
    t->claimed_by = user;
    t->decided_by = user;
    t->decided_at = ctx.now;
    t->opinion = d.opinion;
    if (d.decision == "approve") {
        t->status = TaskStatus::kApproved;
    } else if (d.decision == "reject") {
        t->status = TaskStatus::kRejected;
    } else {  // supplement
        t->status = TaskStatus::kSupplement;
        t->decided_by.reset();
        t->decided_at.reset();
        t->requested = d.requested;
        for (const std::string& code : d.requested) c.FindMaterial(code)->supplied_at.reset();
        c.pauses.push_back({Date{Days(ctx.today) + days(1)}, std::nullopt, t->id});
        c.status = CaseStatus::kSuspended;
        out.events.push_back(Event(ctx, "supplement.requested")
                                 .With("department", t->department_code)
                                 .With("opinion", d.opinion));
        Recompute(c, ctx, out);
        return Ok();
    }
    out.events.push_back(Event(ctx, "task.decided")
                             .With("department", t->department_code)
                             .With("decision", d.decision)
                             .With("opinion", d.opinion));
    AdvanceStage(c, ctx, out);
    Recompute(c, ctx, out);
    return Ok();
}

Result<void> Deliver(Case& c, const std::string& tracking, const MachineContext& ctx,
                     Outcome& out) {
    if (c.status != CaseStatus::kIssued) return State("not_issued");
    if (c.delivery == "express" && tracking.empty()) {
        return Error(ErrorCode::kMissingField).Field("tracking");
    }
    c.status = CaseStatus::kClosed;
    c.closed_at = ctx.now;
    c.result->delivered_at = ctx.now;
    c.result->tracking = tracking;
    if (c.delivery == "window_pickup") ++c.counters.visits;
    out.events.push_back(Event(ctx, "delivered").With("delivery", c.delivery));
    Recompute(c, ctx, out);
    return Ok();
}

Result<bool> Tick(Case& c, const MachineContext& ctx, Outcome& out) {
    size_t before = out.events.size();
    if (c.status == CaseStatus::kSubmitted) {
        auto due = ctx.calendar.AddWorkingDays(c.submitted_on, kAcceptanceDays);
        if (due.ok() && Days(ctx.today) > Days(due->date)) {
            // No decision within five working days: accepted as of the day it was received.
            c.auto_accepted = true;
            for (CaseMaterial& m : c.materials) {
                if (!Present(m) &&
                    ctx.item.FindMaterial(m.requirement)->requirement == "optional") {
                    m.state = MaterialState::kWaived;
                }
            }
            out.events.push_back(Event(ctx, "accepted").With("by_law", "art32"));
            Begin(c, c.submitted_on, std::nullopt, ctx, out);
            CountMaterials(c, ctx);
        }
    }
    if (IsOpen(c.status) && c.status != CaseStatus::kIssued) {
        for (const CaseMaterial& m : c.materials) {
            if (m.state == MaterialState::kDeferred && m.due && Days(ctx.today) > Days(*m.due)) {
                StopReview(c, ctx.today);
                c.status = CaseStatus::kTerminated;
                c.closed_at = ctx.now;
                out.events.push_back(Event(ctx, "terminated")
                                         .With("reason", "deferred_overdue")
                                         .With("material", m.requirement));
                break;
            }
        }
    }
    Recompute(c, ctx, out);
    return out.events.size() > before;
}

void Recompute(Case& c, const MachineContext& ctx, Outcome& out) {
    const Warning before = c.warning;
    const std::optional<Date> promised_before = c.promised_deadline;
    std::optional<Date> next_check;
    auto consider = [&](std::optional<Date> d) {
        if (d && (!next_check || Days(*d) < Days(*next_check))) next_check = d;
    };
    if (c.accepted_on) {
        auto promised = DeadlineFor(ctx.calendar, *c.accepted_on, ctx.item.promised_limit_days,
                                    c.pauses, ctx.today);
        auto statutory = DeadlineFor(ctx.calendar, *c.accepted_on, ctx.item.statutory_limit_days,
                                     c.pauses, ctx.today);
        if (promised.ok()) c.promised_deadline = promised->date;
        if (statutory.ok()) c.statutory_deadline = statutory->date;
        c.deadline_provisional =
            (promised.ok() && promised->provisional) || (statutory.ok() && statutory->provisional);
    }
    bool running = c.status == CaseStatus::kInReview || c.status == CaseStatus::kSuspended ||
                   c.status == CaseStatus::kApproved;
    if (running && c.promised_deadline) {
        c.warning = WarningOn(ctx.calendar, *c.promised_deadline, ctx.item.promised_limit_days,
                              ctx.today, c.pauses, ctx.policy);
        consider(NextWarningChange(ctx.calendar, *c.promised_deadline, ctx.item.promised_limit_days,
                                   ctx.today, c.pauses, ctx.policy));
    } else {
        c.warning = Warning::kNormal;
    }
    for (Task& t : c.tasks) {
        if (!IsPending(t.status)) continue;
        int limit = ctx.item.workflow.at(static_cast<size_t>(t.stage)).limit_days;
        if (auto d = DeadlineFor(ctx.calendar, t.started_on, limit, c.pauses, ctx.today); d.ok()) {
            t.deadline = d->date;
            t.deadline_provisional = d->provisional;
        }
        Warning w = WarningOn(ctx.calendar, t.deadline, limit, ctx.today, c.pauses, ctx.policy);
        if (w != t.warning && w != Warning::kNormal) {
            out.events.push_back(Event(ctx, "task.warning")
                                     .With("department", t.department_code)
                                     .With("warning", std::string(WarningName(w))));
        }
        t.warning = w;
        consider(
            NextWarningChange(ctx.calendar, t.deadline, limit, ctx.today, c.pauses, ctx.policy));
    }
    // A deadline that moves (a pause, a supplement) is recorded with what moved it.
    // (While suspended the deadline moves every day: it is recorded once, when the clock runs
    // again.)
    if (promised_before && c.promised_deadline && *promised_before != *c.promised_deadline &&
        c.status != CaseStatus::kSuspended) {
        std::string reason = out.events.empty() ? "recomputed" : out.events.back().type;
        out.events.push_back(Event(ctx, "deadline.changed")
                                 .With("from", FormatDate(*promised_before))
                                 .With("to", FormatDate(*c.promised_deadline))
                                 .With("reason", reason));
    }
    if (c.warning != before) {
        out.events.push_back(Event(ctx, "warning.changed")
                                 .With("from", std::string(WarningName(before)))
                                 .With("to", std::string(WarningName(c.warning))));
    }
    if (c.status == CaseStatus::kSubmitted) {
        if (auto due = ctx.calendar.AddWorkingDays(c.submitted_on, kAcceptanceDays); due.ok()) {
            consider(Date{Days(due->date) + days(1)});
        }
    }
    if (IsOpen(c.status) && c.status != CaseStatus::kIssued) {
        for (const CaseMaterial& m : c.materials) {
            if (m.state == MaterialState::kDeferred && m.due)
                consider(Date{Days(*m.due) + days(1)});
        }
    }
    if (c.status == CaseStatus::kSuspended) consider(Date{Days(ctx.today) + days(1)});
    if (!IsOpen(c.status) || c.status == CaseStatus::kIssued) next_check.reset();
    c.next_check_at = next_check ? std::optional<Timestamp>(StartOfDay(*next_check)) : std::nullopt;
}

}  // namespace ow::cases
