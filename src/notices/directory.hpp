// Directory: who the notices go to and how to reach them. Declared here, implemented over the
// users table (storage/sql_notice_directory.*), so planning needs no SQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace ow::notices {

// How a person wants to be told, besides the inbox every notice goes to.
struct Contact {
    int64_t user_id = 0;
    std::optional<std::string> email;
    std::optional<std::string> mobile;
    std::vector<std::string> channels;  // of "email", "sms", "wechat"
    std::string language = "zh-CN";     // "zh-CN" or "en"
    friend bool operator==(const Contact&, const Contact&) = default;
};

class Directory {
public:
    virtual ~Directory() = default;
    // The accounts of an applicant: users whose ID number or credit code is `applicant_id`, and
    // `submitted_by` when that user is a citizen or enterprise (not a clerk). Ascending ids.
    virtual Result<std::vector<int64_t>> ApplicantUsers(const std::string& applicant_id,
                                                        int64_t submitted_by) = 0;
    // The enabled reviewers of a department.
    virtual Result<std::vector<int64_t>> Reviewers(int64_t department_id) = 0;
    // The enabled supervisors bound to any of `org_units`.
    virtual Result<std::vector<int64_t>> Supervisors(const std::vector<int64_t>& org_units) = 0;
    // A contact for each user (defaults for a user who never set one), in the order asked.
    virtual Result<std::vector<Contact>> Contacts(const std::vector<int64_t>& users) = 0;
};

}  // namespace ow::notices
