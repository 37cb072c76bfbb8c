#include "catalog/form_data.hpp"

#include <gtest/gtest.h>

#include "catalog/test_items.hpp"

namespace ow::catalog {
namespace {

const std::vector<FormField>& Fields() {
    static const Item item = testing::StartupRegistration();
    return item.form;
}

FormData Good() {
    return {{"company_name", std::string("江门市桥裕纸业有限公司")},
            {"capital", std::string("500")},
            {"legal_rep_id", std::string("11010519491231002x")},
            {"type", std::string("llc")}};
}

TEST(FormData, AcceptsAndNormalises) {
    auto out = CheckForm(Fields(), Good());
    ASSERT_TRUE(out.ok()) << out.error().Message(Lang::kEn);
    EXPECT_EQ(std::get<std::string>(out->at("capital")), "500.00");
    EXPECT_EQ(std::get<std::string>(out->at("legal_rep_id")), "11010519491231002X");
    EXPECT_FALSE(out->count("employees"));
}

TEST(FormData, NamesTheFieldThatIsWrong) {
    auto with = [](const char* key, FormValue v) {
        FormData f = Good();
        f[key] = std::move(v);
        return CheckForm(Fields(), f);
    };
    auto bad_id = with("legal_rep_id", std::string("110101199003070000"));
    EXPECT_EQ(bad_id.error().code(), ErrorCode::kInvalidIdNumber);
    EXPECT_EQ(bad_id.error().field(), "form.legal_rep_id");
    EXPECT_EQ(with("capital", std::string("1e5")).error().field(), "form.capital");
    EXPECT_EQ(with("type", std::string("llp")).error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(with("employees", int64_t{-1}).error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(with("employees", std::string("3")).error().code(), ErrorCode::kWrongType);
    EXPECT_EQ(with("company_name", std::string(201, 'a')).error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(with("company_name", std::string("a\nb")).error().code(), ErrorCode::kInvalidValue);
    EXPECT_EQ(with("unexpected", std::string("x")).error().code(), ErrorCode::kUnknownField);
    FormData missing = Good();
    missing.erase("company_name");
    EXPECT_EQ(CheckForm(Fields(), missing).error().field(), "form.company_name");
    missing = Good();
    missing["company_name"] = std::string("");
    EXPECT_EQ(CheckForm(Fields(), missing).error().code(), ErrorCode::kMissingField);
}

}  // namespace
}  // namespace ow::catalog
