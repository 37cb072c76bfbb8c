// Result<T>: either a value or an Error. Functions that can fail in expected ways return it;
// callers check it and return early (OW_TRY / OW_ASSIGN_OR_RETURN).
#pragma once

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "common/error.hpp"

namespace ow {

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}      // NOLINT: implicit
    Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const& { return std::get<1>(v_); }
    Error&& error() && { return std::get<1>(std::move(v_)); }

private:
    std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit

    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const& { return *error_; }
    Error&& error() && { return std::move(*error_); }

private:
    std::optional<Error> error_;
};

inline Result<void> Ok() {
    return {};
}

}  // namespace ow

#define OW_CONCAT_INNER(a, b) a##b
#define OW_CONCAT(a, b) OW_CONCAT_INNER(a, b)

// OW_TRY(expr): returns the error of a failed Result<...> expression.
#define OW_TRY(expr)                                                      \
    do {                                                                  \
        auto&& ow_try_result = (expr);                                    \
        if (!ow_try_result.ok()) return std::move(ow_try_result).error(); \
    } while (false)

// OW_ASSIGN_OR_RETURN(decl, expr): `decl = value` or return the error.
#define OW_ASSIGN_OR_RETURN(decl, expr) \
    OW_ASSIGN_OR_RETURN_IMPL(OW_CONCAT(ow_result_, __LINE__), decl, expr)
#define OW_ASSIGN_OR_RETURN_IMPL(tmp, decl, expr) \
    auto tmp = (expr);                            \
    if (!tmp.ok()) return std::move(tmp).error(); \
    decl = std::move(tmp).value()
