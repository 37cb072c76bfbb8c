// SetClause: builds "UPDATE t SET a = $2, b = $3 ... WHERE id = $1" for the fields of a
// partial update that are set. $1 is always the row's id.
#pragma once

#include <optional>
#include <string>

#include "storage/sql.hpp"

namespace ow::storage {

class SetClause {
public:
    explicit SetClause(int64_t id) { params_.push_back(id); }

    void Add(const char* column, Value v) {
        sql_ += (sql_.empty() ? "" : ", ") + std::string(column) + " = $" +
                std::to_string(params_.size() + 1);
        params_.push_back(std::move(v));
    }
    template <class T>
    void AddIfSet(const char* column, const std::optional<T>& v) {
        if (v) Add(column, Value(*v));
    }

    bool empty() const { return sql_.empty(); }
    // The full statement for `table`.
    std::string Statement(const std::string& table) const {
        return "UPDATE " + table + " SET " + sql_ + " WHERE id = $1";
    }
    const Params& params() const { return params_; }
    const Value& id() const { return params_[0]; }

private:
    std::string sql_;
    Params params_;
};

}  // namespace ow::storage
