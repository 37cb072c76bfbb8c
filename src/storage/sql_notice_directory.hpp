// SqlNoticeDirectory: notices::Directory over the users, roles and contacts tables.
#pragma once

#include "notices/directory.hpp"
#include "storage/sql.hpp"

namespace ow::storage {

class SqlNoticeDirectory final : public notices::Directory {
public:
    explicit SqlNoticeDirectory(Database& db) : db_(db) {}

    Result<std::vector<int64_t>> ApplicantUsers(const std::string& applicant_id,
                                                int64_t submitted_by) override;
    Result<std::vector<int64_t>> Reviewers(int64_t department_id) override;
    Result<std::vector<int64_t>> Supervisors(const std::vector<int64_t>& org_units) override;
    Result<std::vector<notices::Contact>> Contacts(const std::vector<int64_t>& users) override;

private:
    Database& db_;
};

// Contacts' channels are stored as "email,sms".
std::vector<std::string> SplitChannels(const std::string& stored);
std::string JoinChannels(const std::vector<std::string>& channels);

}  // namespace ow::storage
