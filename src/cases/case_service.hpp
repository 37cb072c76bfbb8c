// CaseService: cases as people use them. Checks who may do what (applicants their own cases,
// window clerks the cases of their service points, reviewers their department's tasks, staff
// within their org scope), resolves what a change needs (the item version the case follows, the
// calendar, the departments that review it, the applicant's vault), runs the state machine and
// has the store keep the result in one transaction.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "calendar/calendar_service.hpp"
#include "cases/case_machine.hpp"
#include "cases/case_store.hpp"
#include "catalog/catalog_service.hpp"
#include "org/org_service.hpp"
#include "vault/vault_store.hpp"

namespace ow::cases {

struct MaterialUpload {
    std::string requirement;
    std::string file_id;
};

struct SubmitRequest {
    std::string item_code;    // one item, or
    std::string bundle_code;  // a bundle: one case per item, one set of materials
    Applicant applicant;
    std::string channel;
    std::optional<int64_t> service_point_id;
    catalog::FormData form;                          // a single item's form
    std::map<std::string, catalog::FormData> forms;  // a bundle's forms, by item code
    std::vector<MaterialUpload> materials;
    bool vault_consent = false;
    Consent consent;  // required at a bank branch
    std::string delivery;
    std::string delivery_address;
};

// One line of the window's pre-check: what the item asks for and what the case has.
struct PrecheckLine {
    const catalog::Material* material = nullptr;
    const CaseMaterial* state = nullptr;
    bool can_defer = false;
};

struct SweepReport {
    int checked = 0;
    int changed = 0;
    int failed = 0;
};

class CaseService {
public:
    CaseService(CaseStore& store, vault::VaultStore& vault, catalog::CatalogService& catalog,
                org::OrgService& org, calendar::CalendarService& calendar, const Clock& clock,
                WarningPolicy policy = {});

    // One case, or one per item of a bundle.
    Result<std::vector<Case>> Submit(const auth::Principal& p, const SubmitRequest& request);

    // Reading: the applicant, who submitted it, and staff whose scope covers it. Staff reads are
    // recorded. A citizen asking for someone else's case gets kNotFound, like a wrong id.
    Result<Case> Get(const auth::Principal& p, const std::string& id);
    // `applicant` (an ID number or credit code) narrows staff's list to one person's or
    // enterprise's cases, e.g. the window looking up a visitor.
    Result<std::vector<Case>> List(const auth::Principal& p, std::optional<CaseStatus> status,
                                   std::optional<std::string> applicant = std::nullopt);
    Result<std::vector<InboxTask>> Inbox(const auth::Principal& p);
    Result<std::vector<StoredEvent>> History(const auth::Principal& p, const std::string& id);
    // Who of the staff read the case: for the applicant (whose data it is), and for supervisors
    // and administrators in scope (whose reading of it is itself recorded).
    Result<std::vector<CaseRead>> Reads(const auth::Principal& p, const std::string& id);
    // The item version a case follows.
    Result<std::shared_ptr<const catalog::Item>> ItemOf(const Case& c);
    static std::vector<PrecheckLine> Precheck(const Case& c, const catalog::Item& item);

    // The window (综合窗口).
    Result<Case> Accept(const auth::Principal& p, const std::string& id, const AcceptInput& in);
    Result<Case> Return(const auth::Principal& p, const std::string& id,
                        std::vector<NoticeLine> problems);
    Result<Case> Refuse(const auth::Principal& p, const std::string& id, const std::string& reason);
    Result<Case> Deliver(const auth::Principal& p, const std::string& id,
                         const std::string& tracking);
    // The applicant (or a clerk on their behalf).
    Result<Case> Withdraw(const auth::Principal& p, const std::string& id,
                          const std::string& reason);
    Result<Case> Resubmit(const auth::Principal& p, const std::string& id,
                          const std::optional<catalog::FormData>& form,
                          const std::vector<MaterialUpload>& materials);
    Result<Case> Supply(const auth::Principal& p, const std::string& id,
                        const std::vector<MaterialUpload>& materials);
    // Departments (后台审批).
    Result<Case> Claim(const auth::Principal& p, int64_t task_id);
    // One task of the reviewer's department, whatever its state (a decided one too), with its
    // case's summary; kNotFound for another department's task (its existence is not told).
    Result<InboxTask> TaskOf(const auth::Principal& p, int64_t task_id);
    Result<Case> Decide(const auth::Principal& p, int64_t task_id, const Decision& d);

    // Files: whoever uploaded one, the holder of a vault document that keeps it, and whoever may
    // read a case it belongs to may download it; others get kNotFound.
    Result<vault::StoredFile> FileFor(const auth::Principal& p, const std::string& file_id);
    // The vault documents of `holder`: the holder themselves, or a window or bank clerk serving
    // them (who sees what can be reused).
    Result<std::vector<vault::VaultDocument>> VaultOf(const auth::Principal& p,
                                                      const std::string& holder);

    // The timers of every case due now (the sweeper calls this every minute).
    // Runs the timers of up to `limit` due cases; `changed` hears of each case that changed
    // (for live updates), after it is stored.
    Result<SweepReport> Sweep(int limit = 1000,
                              const std::function<void(const Case&)>& changed = {});

    // Plans the notices of a change from its events (notices/notice_planner.hpp); called
    // inside every change with the case as changed, before the store writes it.
    using NoticePlanner =
        std::function<Result<void>(const Case& c, const catalog::Item& item, Outcome& out)>;
    void SetNoticePlanner(NoticePlanner planner) { notice_planner_ = std::move(planner); }

    // Where a principal acts: "window", "bank", or the applicant's channel hint.
    static std::string ChannelOf(const auth::Principal& p, const std::string& hint);

    // Hears of every case change that issued a result into the vault, after it is stored (the
    // application issues the e-license then; cases know nothing of licenses).
    void OnResultIssued(std::function<void(const Case&)> listener) {
        result_issued_ = std::move(listener);
    }

private:
    using Change = std::function<Result<void>(Case&, const MachineContext&, Outcome&)>;
    enum class Who { kWindow, kApplicantOrWindow };
    Result<void> Authorize(const auth::Principal& p, const Case& c, Who who);
    Result<Case> Act(const auth::Principal& p, const std::string& id, Who who,
                     const Change& change);
    Result<Case> Change_(const std::string& id, std::optional<int64_t> actor,
                         const std::string& channel, const Change& change);
    Result<MachineContext> ContextFor(const Case& c, const catalog::Item& item,
                                      std::optional<int64_t> actor, const std::string& channel,
                                      Timestamp now,
                                      std::shared_ptr<const calendar::WorkingDayCalendar>& cal,
                                      std::shared_ptr<const catalog::Catalog>& cat,
                                      std::shared_ptr<const org::OrgSnapshot>& org);
    Result<Case> Load(const auth::Principal& p, const std::string& id);
    // Runs fn in store_.Update and tells result_issued_ when the change issued a result.
    Result<Case> UpdateAndTell(const std::string& id,
                               const std::function<Result<bool>(Case&, Outcome&)>& fn);
    void TellIfIssued(const Case& c, const Outcome& out);
    Result<void> CheckFiles(const auth::Principal& p, const std::vector<MaterialUpload>& uploads);
    Result<std::map<std::string, std::string>> UploadsFor(const auth::Principal& p,
                                                          const catalog::Item& item,
                                                          const std::vector<MaterialUpload>& all,
                                                          bool strict);

    CaseStore& store_;
    vault::VaultStore& vault_;
    catalog::CatalogService& catalog_;
    org::OrgService& org_;
    calendar::CalendarService& calendar_;
    const Clock& clock_;
    WarningPolicy policy_;
    std::function<void(const Case&)> result_issued_;
    NoticePlanner notice_planner_;
};

// Whether `p` is the applicant of `c` (their own account, ID number or credit code).
bool IsApplicant(const auth::Principal& p, const Case& c);

}  // namespace ow::cases
