#include "storage/sql.hpp"

namespace ow::storage {

int64_t Row::Int(size_t i) const {
    return OptInt(i).value_or(0);
}

std::optional<int64_t> Row::OptInt(size_t i) const {
    const Value& v = values_.at(i);
    if (const auto* n = std::get_if<int64_t>(&v)) return *n;
    if (const auto* s = std::get_if<std::string>(&v)) return std::stoll(*s);
    return std::nullopt;
}

std::string Row::Text(size_t i) const {
    return OptText(i).value_or("");
}

std::optional<std::string> Row::OptText(size_t i) const {
    const Value& v = values_.at(i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
    if (const auto* b = std::get_if<Bytes>(&v)) return b->data;
    return std::nullopt;
}

std::string Row::BlobData(size_t i) const {
    return OptText(i).value_or("");
}

}  // namespace ow::storage
