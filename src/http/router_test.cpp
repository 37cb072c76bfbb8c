#include "http/router.hpp"

#include <gtest/gtest.h>

namespace ow::http {
namespace {

Handler Named(std::string name) {
    return [name](Request&) -> Result<Response> { return Response::Text(200, name, "text/plain"); };
}

TEST(Router, LiteralSegmentsBeatParameters) {
    Router r;
    r.Add({"GET", "/api/v1/users/{id}", auth::Access::AnyUser(), Named("one")});
    r.Add({"GET", "/api/v1/users/me", auth::Access::AnyUser(), Named("me")});
    r.Add({"POST", "/api/v1/users/{id}/unlock", auth::Access::AnyUser(), Named("unlock")});
    auto m = r.Find("GET", "/api/v1/users/42");
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.route->pattern, "/api/v1/users/{id}");
    EXPECT_EQ(m.params.at("id"), "42");
    EXPECT_EQ(r.Find("GET", "/api/v1/users/me").route->pattern, "/api/v1/users/me");
    EXPECT_EQ(r.Find("POST", "/api/v1/users/7/unlock").params.at("id"), "7");
}

TEST(Router, TellsNotFoundFromWrongMethod) {
    Router r;
    r.Add({"GET", "/api/v1/me", auth::Access::AnyUser(), Named("me")});
    auto wrong = r.Find("DELETE", "/api/v1/me");
    EXPECT_EQ(wrong.route, nullptr);
    EXPECT_TRUE(wrong.other_method);
    auto missing = r.Find("GET", "/api/v1/nope");
    EXPECT_EQ(missing.route, nullptr);
    EXPECT_FALSE(missing.other_method);
    EXPECT_EQ(r.Find("GET", "/api/v1/me/").route, nullptr);  // no trailing-slash aliasing
    EXPECT_EQ(r.Find("GET", "/api/v1//me").route, nullptr);
}

TEST(Router, RefusesDuplicates) {
    Router r;
    r.Add({"GET", "/a", auth::Access::Public(), Named("a")});
    EXPECT_THROW(r.Add({"GET", "/a", auth::Access::Public(), Named("b")}), std::logic_error);
}

}  // namespace
}  // namespace ow::http
