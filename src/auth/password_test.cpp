#include "auth/password.hpp"

#include <gtest/gtest.h>

#include "auth/session_token.hpp"

namespace ow::auth {
namespace {

TEST(Password, HashesWithArgon2idAndVerifies) {
    std::string hash = HashPassword("correct horse battery");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(VerifyPassword(hash, "correct horse battery"));
    EXPECT_FALSE(VerifyPassword(hash, "correct horse batterY"));
    EXPECT_NE(HashPassword("correct horse battery"), hash);  // salted
    EXPECT_FALSE(VerifyPassword("not a hash", "x"));
    EXPECT_FALSE(VerifyPassword("", ""));
}

TEST(Password, PolicyExplainsWhatIsWrong) {
    auto reason = [](std::string_view user, std::string_view pw) {
        auto r = CheckPasswordPolicy(user, pw);
        if (r.ok()) return std::string("ok");
        EXPECT_EQ(r.error().field(), "new_password");
        return r.error().params().at(0).second;
    };
    EXPECT_EQ(reason("alice", "short"), "password_too_short");
    EXPECT_EQ(reason("alice", std::string(129, 'a') + "bcd"), "password_too_long");
    EXPECT_EQ(reason("alice", "xxALICExx-2020"), "contains_username");
    EXPECT_EQ(reason("alice", "aaaaaaaaaaaaab"), "too_common");
    EXPECT_EQ(reason("alice", "1234567890"), "too_common");
    EXPECT_EQ(reason("alice", "江门一网通办很方便"), "password_too_short");  // 9 characters
    EXPECT_EQ(reason("alice", "江门一网通办真的很方便"), "ok");
    EXPECT_EQ(reason("alice", "onewindow-demo"), "ok");
}

TEST(SessionToken, IsRandomAndOnlyItsHashIsKept) {
    std::string a = NewSessionToken(), b = NewSessionToken();
    EXPECT_EQ(a.size(), 43u);
    EXPECT_NE(a, b);
    EXPECT_EQ(HashToken(a).size(), 64u);
    EXPECT_EQ(HashToken(a), HashToken(a));
    EXPECT_NE(HashToken(a), HashToken(b));
    EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace ow::auth
