#include "cases/case_types.hpp"

#include <array>
#include <utility>

namespace ow::cases {
namespace {

constexpr std::array<std::pair<CaseStatus, std::string_view>, 10> kStatuses = {{
    {CaseStatus::kSubmitted, "submitted"},
    {CaseStatus::kReturned, "returned"},
    {CaseStatus::kRefused, "refused"},
    {CaseStatus::kInReview, "in_review"},
    {CaseStatus::kSuspended, "suspended"},
    {CaseStatus::kApproved, "approved"},
    {CaseStatus::kIssued, "issued"},
    {CaseStatus::kClosed, "closed"},
    {CaseStatus::kWithdrawn, "withdrawn"},
    {CaseStatus::kTerminated, "terminated"},
}};

}  // namespace

std::string_view StatusName(CaseStatus s) {
    for (const auto& [v, n] : kStatuses) {
        if (v == s) return n;
    }
    return "submitted";
}

std::optional<CaseStatus> ParseStatus(std::string_view name) {
    for (const auto& [v, n] : kStatuses) {
        if (n == name) return v;
    }
    return std::nullopt;
}

bool IsOpen(CaseStatus s) {
    return s != CaseStatus::kRefused && s != CaseStatus::kClosed && s != CaseStatus::kWithdrawn &&
           s != CaseStatus::kTerminated;
}

std::string_view MaterialStateName(MaterialState s) {
    switch (s) {
        case MaterialState::kProvided: return "provided";
        case MaterialState::kFromVault: return "from_vault";
        case MaterialState::kMissing: return "missing";
        case MaterialState::kDeferred: return "deferred";
        case MaterialState::kWaived: return "waived";
    }
    return "missing";
}

std::string_view TaskStatusName(TaskStatus s) {
    switch (s) {
        case TaskStatus::kOpen: return "open";
        case TaskStatus::kClaimed: return "claimed";
        case TaskStatus::kApproved: return "approved";
        case TaskStatus::kRejected: return "rejected";
        case TaskStatus::kSupplement: return "supplement_requested";
        case TaskStatus::kCancelled: return "cancelled";
    }
    return "open";
}

bool IsPending(TaskStatus s) {
    return s == TaskStatus::kOpen || s == TaskStatus::kClaimed || s == TaskStatus::kSupplement;
}

std::string_view WarningName(Warning w) {
    switch (w) {
        case Warning::kNormal: return "normal";
        case Warning::kYellow: return "yellow";
        case Warning::kRed: return "red";
        case Warning::kOverdue: return "overdue";
    }
    return "normal";
}

CaseMaterial* Case::FindMaterial(std::string_view requirement) {
    for (auto& m : materials) {
        if (m.requirement == requirement) return &m;
    }
    return nullptr;
}

const CaseMaterial* Case::FindMaterial(std::string_view requirement) const {
    for (const auto& m : materials) {
        if (m.requirement == requirement) return &m;
    }
    return nullptr;
}

Task* Case::FindTask(int64_t id) {
    for (auto& t : tasks) {
        if (t.id == id) return &t;
    }
    return nullptr;
}

bool Case::HasOutstandingDeferred() const {
    for (const auto& m : materials) {
        if (m.state == MaterialState::kDeferred) return true;
    }
    return false;
}

}  // namespace ow::cases
