#include "storage/sql_notice_directory.hpp"

#include <map>

namespace ow::storage {
namespace {

Result<std::vector<int64_t>> Ids(Database& db, const std::string& sql, const Params& params) {
    return db.Read([&](Connection& c) -> Result<std::vector<int64_t>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
        std::vector<int64_t> ids;
        for (const Row& r : rows) ids.push_back(r.Int(0));
        return ids;
    });
}

// "$first, $first+1, ..." for n parameters.
std::string Placeholders(size_t first, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += (i ? ", $" : "$") + std::to_string(first + i);
    return out;
}

}  // namespace

std::vector<std::string> SplitChannels(const std::string& stored) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < stored.size()) {
        size_t comma = stored.find(',', start);
        if (comma == std::string::npos) comma = stored.size();
        if (comma > start) out.push_back(stored.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

std::string JoinChannels(const std::vector<std::string>& channels) {
    std::string out;
    for (const auto& c : channels) out += (out.empty() ? "" : ",") + c;
    return out;
}

Result<std::vector<int64_t>> SqlNoticeDirectory::ApplicantUsers(const std::string& applicant_id,
                                                                int64_t submitted_by) {
    return Ids(db_,
               "SELECT id FROM users WHERE disabled = 0 AND (id_number = $1 OR credit_code = $1) "
               "UNION SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id "
               "WHERE u.id = $2 AND u.disabled = 0 AND r.role IN ('citizen', 'enterprise') "
               "ORDER BY 1",
               {applicant_id, submitted_by});
}

Result<std::vector<int64_t>> SqlNoticeDirectory::Reviewers(int64_t department_id) {
    return Ids(db_,
               "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id "
               "WHERE u.department_id = $1 AND u.disabled = 0 AND r.role = 'reviewer' "
               "ORDER BY u.id",
               {department_id});
}

Result<std::vector<int64_t>> SqlNoticeDirectory::Supervisors(const std::vector<int64_t>& units) {
    if (units.empty()) return std::vector<int64_t>{};
    Params params(units.begin(), units.end());
    return Ids(db_,
               "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id "
               "WHERE u.disabled = 0 AND r.role = 'supervisor' AND u.org_unit_id IN (" +
                   Placeholders(1, units.size()) + ") ORDER BY u.id",
               params);
}

Result<std::vector<notices::Contact>> SqlNoticeDirectory::Contacts(
    const std::vector<int64_t>& users) {
    if (users.empty()) return std::vector<notices::Contact>{};
    Params params(users.begin(), users.end());
    OW_ASSIGN_OR_RETURN(auto rows, db_.Read([&](Connection& c) {
        return c.Query(
            "SELECT user_id, email, mobile, channels, language FROM user_contacts "
            "WHERE user_id IN (" +
                Placeholders(1, users.size()) + ")",
            params);
    }));
    std::map<int64_t, notices::Contact> stored;
    for (const Row& r : rows) {
        stored[r.Int(0)] = {r.Int(0), r.OptText(1), r.OptText(2), SplitChannels(r.Text(3)),
                            r.Text(4)};
    }
    std::vector<notices::Contact> out;
    for (int64_t u : users) {
        auto it = stored.find(u);
        notices::Contact none;
        none.user_id = u;
        out.push_back(it == stored.end() ? none : it->second);
    }
    return out;
}

}  // namespace ow::storage
