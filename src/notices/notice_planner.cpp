#include "notices/notice_planner.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/dates.hpp"

namespace ow::notices {
namespace {

using cases::Case;
using cases::CaseEvent;

std::string DataOf(const CaseEvent& e, std::string_view key) {
    for (const auto& [k, v] : e.data) {
        if (k == key) return v;
    }
    return "";
}

bool Has(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

// A placeholder value in both languages.
struct Both {
    std::string zh, en;
};

Both Word(std::string_view key) {
    static const std::map<std::string_view, Both> kWords = {
        {"approved", {"准予许可", "approved"}},
        {"refused", {"不予许可", "refused"}},
        {"yellow", {"黄牌预警", "yellow warning"}},
        {"red", {"红牌预警", "red warning"}},
        {"overdue", {"已超期", "overdue"}},
        {"deficiency", {"在期限内补齐容缺材料", "the deferred materials supplied in time"}},
        {"correction", {"补正后重新提交", "corrections and a resubmission"}},
        {"window_pickup", {"窗口领取", "pick-up at the window"}},
        {"express", {"快递寄送", "express delivery"}},
        {"download", {"网上下载", "download"}},
    };
    auto it = kWords.find(key);
    return it == kWords.end() ? Both{std::string(key), std::string(key)} : it->second;
}

// One notice to plan: the event, its values, and who gets it.
struct Planned {
    std::string event;
    Values zh, en;
    std::vector<int64_t> users;
    size_t index = 0;  // of the machine event within the change (dedup)

    void Set(const std::string& key, Both v) {
        zh[key] = std::move(v.zh);
        en[key] = std::move(v.en);
    }
    void Set(const std::string& key, const std::string& v) { Set(key, Both{v, v}); }
};

std::string DateOrDash(const std::optional<Date>& d) {
    return d ? FormatDate(*d) : "—";
}

}  // namespace

std::vector<Delivery> DeliveriesFor(const Contact& contact) {
    std::vector<Delivery> out{{"inbox", "", contact.language}};
    if (contact.email && Has(contact.channels, "email")) {
        out.push_back({"email", *contact.email, contact.language});
    }
    for (const char* channel : {"sms", "wechat"}) {
        if (contact.mobile && Has(contact.channels, channel)) {
            out.push_back({channel, *contact.mobile, contact.language});
        }
    }
    return out;
}

NoticePlanner::NoticePlanner(Directory& directory, OrgSource org, TemplateSource templates)
    : directory_(directory), org_(std::move(org)), templates_(std::move(templates)) {}

Result<std::vector<NewNotice>> NoticePlanner::PlanCase(const Case& c, const catalog::Item& item,
                                                       const std::vector<CaseEvent>& events,
                                                       int64_t revision, Timestamp at) {
    std::vector<Planned> planned;
    std::optional<std::vector<int64_t>> applicant_users;
    auto applicant = [&]() -> Result<std::vector<int64_t>> {
        if (!applicant_users) {
            OW_ASSIGN_OR_RETURN(applicant_users,
                                directory_.ApplicantUsers(c.applicant.id, c.submitted_by));
        }
        return *applicant_users;
    };
    auto org = org_ ? org_() : nullptr;
    if (!org)
        org = std::make_shared<const org::OrgSnapshot>(org::OrgSnapshot{org::OrgTree({}), {}, {}});
    auto department = [&](int64_t id) -> Both {
        const org::Department* d = org->FindDepartment(id);
        return d ? Both{d->name_zh, d->name_en} : Both{std::to_string(id), std::to_string(id)};
    };
    auto start = [&](std::string event, size_t index) -> Planned& {
        Planned& p = planned.emplace_back();
        p.event = std::move(event);
        p.index = index;
        p.Set("case_id", c.id);
        p.Set("item", Both{item.name.zh, item.name.en});
        p.Set("applicant", c.applicant.name);
        p.Set("deadline", DateOrDash(c.promised_deadline));
        return p;
    };
    for (size_t i = 0; i < events.size(); ++i) {
        const CaseEvent& e = events[i];
        if (e.type == "accepted") {
            OW_ASSIGN_OR_RETURN(start("case.accepted", i).users, applicant());
            if (!DataOf(e, "deferred").empty() && !c.notices.empty()) {
                // Accepted with deficiency: the one-time notice of what is still owed.
                const cases::Notice& n = c.notices.back();
                Planned& p = start("case.notice", i);
                p.Set("kind", Word(n.kind));
                Both reason;
                std::optional<Date> due;
                for (const cases::NoticeLine& l : n.lines) {
                    const catalog::Material* m = item.FindMaterial(l.subject);
                    reason.zh += (reason.zh.empty() ? "" : "；") + (m ? m->name.zh : l.subject);
                    reason.en += (reason.en.empty() ? "" : "; ") + (m ? m->name.en : l.subject);
                    if (l.due && (!due || Days(*l.due) < Days(*due))) due = l.due;
                }
                p.Set("reason", reason);
                p.Set("deadline", DateOrDash(due));
                OW_ASSIGN_OR_RETURN(p.users, applicant());
            }
        } else if (e.type == "returned" && !c.notices.empty()) {
            const cases::Notice& n = c.notices.back();
            Planned& p = start("case.notice", i);
            p.Set("kind", Word(n.kind));
            Both reason;
            for (const cases::NoticeLine& l : n.lines) {
                const catalog::Material* m = item.FindMaterial(l.subject);
                std::string what_zh = m ? m->name.zh + "：" : "";
                std::string what_en = m ? m->name.en + ": " : "";
                reason.zh += (reason.zh.empty() ? "" : "；") + what_zh + l.message;
                reason.en += (reason.en.empty() ? "" : "; ") + what_en + l.message;
            }
            p.Set("reason", reason);
            p.Set("deadline", "—");
            OW_ASSIGN_OR_RETURN(p.users, applicant());
        } else if (e.type == "supplement.requested") {
            Planned& p = start("case.supplement_requested", i);
            std::string code = DataOf(e, "department");
            for (const cases::Task& t : c.tasks) {
                if (t.department_code == code) p.Set("department", department(t.department_id));
            }
            p.Set("reason", DataOf(e, "opinion"));
            OW_ASSIGN_OR_RETURN(p.users, applicant());
        } else if (e.type == "stage.passed") {
            Planned& p = start("case.stage_passed", i);
            std::string stage = DataOf(e, "stage");
            p.Set("stage", stage);
            size_t index = static_cast<size_t>(std::max(1, std::atoi(stage.c_str())) - 1);
            if (index < item.workflow.size()) {
                p.Set("stage_name",
                      Both{item.workflow[index].name.zh, item.workflow[index].name.en});
            }
            OW_ASSIGN_OR_RETURN(p.users, applicant());
        } else if (e.type == "approved" || e.type == "refused") {
            Planned& p = start("case.decided", i);
            p.Set("decision", Word(e.type));
            std::string reason = e.type == "refused" ? DataOf(e, "reasons") : "";
            p.Set("reason", reason);
            OW_ASSIGN_OR_RETURN(p.users, applicant());
        } else if (e.type == "issued") {
            Planned& p = start("case.result_ready", i);
            p.Set("delivery", Word(DataOf(e, "delivery")));
            OW_ASSIGN_OR_RETURN(p.users, applicant());
        } else if (e.type == "stage.started") {
            int stage = std::atoi(DataOf(e, "stage").c_str()) - 1;
            for (const cases::Task& t : c.tasks) {
                if (t.stage != stage || !cases::IsPending(t.status)) continue;
                Planned& p = start("task.assigned", i);
                p.Set("department", department(t.department_id));
                p.Set("stage", std::to_string(stage + 1));
                if (stage >= 0 && static_cast<size_t>(stage) < item.workflow.size()) {
                    const auto& s = item.workflow[static_cast<size_t>(stage)];
                    p.Set("stage_name", Both{s.name.zh, s.name.en});
                }
                p.Set("deadline", FormatDate(t.deadline));
                OW_ASSIGN_OR_RETURN(p.users, directory_.Reviewers(t.department_id));
            }
        } else if (e.type == "task.warning") {
            std::string code = DataOf(e, "department");
            std::string level = DataOf(e, "warning");
            for (const cases::Task& t : c.tasks) {
                if (t.department_code != code || !cases::IsPending(t.status)) continue;
                Planned& p = start("deadline.warning", i);
                p.Set("department", department(t.department_id));
                p.Set("level", Word(level));
                p.Set("deadline", FormatDate(t.deadline));
                // The reviewer holding the task, else everyone who could take it.
                if (t.claimed_by) {
                    p.users = {*t.claimed_by};
                } else {
                    OW_ASSIGN_OR_RETURN(p.users, directory_.Reviewers(t.department_id));
                }
                if (level == "red" || level == "overdue") {
                    // Supervisors of the department's unit or any unit above it.
                    std::vector<int64_t> units;
                    const org::Department* d = org->FindDepartment(t.department_id);
                    for (const org::OrgUnit* u = d ? org->tree.Find(d->org_unit_id) : nullptr; u;
                         u = u->parent_id ? org->tree.Find(*u->parent_id) : nullptr) {
                        units.push_back(u->id);
                    }
                    OW_ASSIGN_OR_RETURN(auto supervisors, directory_.Supervisors(units));
                    p.users.insert(p.users.end(), supervisors.begin(), supervisors.end());
                }
                break;
            }
        }
    }

    std::set<int64_t> everyone;
    for (Planned& p : planned) {
        std::sort(p.users.begin(), p.users.end());
        p.users.erase(std::unique(p.users.begin(), p.users.end()), p.users.end());
        everyone.insert(p.users.begin(), p.users.end());
    }
    if (everyone.empty()) return std::vector<NewNotice>{};
    OW_ASSIGN_OR_RETURN(
        auto contacts, directory_.Contacts(std::vector<int64_t>(everyone.begin(), everyone.end())));
    std::map<int64_t, Contact> by_user;
    for (Contact& k : contacts) by_user[k.user_id] = std::move(k);
    const std::vector<NoticeTemplate> templates =
        templates_ ? templates_() : std::vector<NoticeTemplate>{};

    std::vector<NewNotice> out;
    for (const Planned& p : planned) {
        const NoticeTemplate* t = FindTemplate(templates, p.event);
        if (!t) continue;
        for (int64_t user : p.users) {
            NewNotice n;
            n.user_id = user;
            n.event = p.event;
            n.zh = Render(t->zh, p.zh);
            n.en = Render(t->en, p.en);
            n.case_id = c.id;
            n.created_at = at;
            n.dedup_key = "case:" + c.id + ":" + std::to_string(revision) + ":" +
                          std::to_string(p.index) + ":" + p.event + ":" + std::to_string(user);
            n.deliveries = DeliveriesFor(by_user[user]);
            out.push_back(std::move(n));
        }
    }
    return out;
}

Result<std::vector<NewNotice>> NoticePlanner::PlanLicense(const LicenseHappening& h) {
    OW_ASSIGN_OR_RETURN(auto users, directory_.ApplicantUsers(h.holder_id, 0));
    if (users.empty()) return std::vector<NewNotice>{};
    OW_ASSIGN_OR_RETURN(auto contacts, directory_.Contacts(users));
    const std::vector<NoticeTemplate> templates =
        templates_ ? templates_() : std::vector<NoticeTemplate>{};
    const NoticeTemplate* t = FindTemplate(templates, h.event);
    if (!t) return Error(ErrorCode::kInvalidValue).Field("event").Param("reason", h.event);
    Values zh{{"license_number", h.license_number},
              {"item", h.item.zh},
              {"applicant", h.holder_name},
              {"case_id", h.case_id.value_or("")},
              {"reason", h.reason}};
    Values en = zh;
    en["item"] = h.item.en;
    std::vector<NewNotice> out;
    for (const Contact& k : contacts) {
        NewNotice n;
        n.user_id = k.user_id;
        n.event = h.event;
        n.zh = Render(t->zh, zh);
        n.en = Render(t->en, en);
        n.case_id = h.case_id;
        n.license_number = h.license_number;
        n.created_at = h.at;
        n.dedup_key =
            "license:" + h.license_number + ":" + h.event + ":" + std::to_string(k.user_id);
        n.deliveries = DeliveriesFor(k);
        out.push_back(std::move(n));
    }
    return out;
}

}  // namespace ow::notices
