#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/sha256.hpp"
#include "transports/smtp_transport.hpp"
#include "transports/webhook_transport.hpp"

namespace ow::transports {
namespace {

notices::OutboxMessage Message() {
    notices::OutboxMessage m;
    m.idempotency_key = "0123456789abcdef";
    m.channel = "sms";
    m.address = "13800138000";
    m.language = "zh-CN";
    m.event = "case.accepted";
    m.zh = {"您的办件 C1 已受理，这是一个足够长的中文主题，用来检查编码字不会超过七十五个字符",
            "正文"};
    m.en = {"Accepted", "Body"};
    m.case_id = "C1";
    return m;
}

TEST(Hmac, MatchesRfc4231) {
    EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
}

TEST(Webhook, BodyCarriesTheMessageInThePersonsLanguage) {
    auto v = boost::json::parse(WebhookBody(Message())).as_object();
    EXPECT_EQ(v.at("id").as_string(), "0123456789abcdef");
    EXPECT_EQ(v.at("to").as_string(), "13800138000");
    EXPECT_EQ(v.at("body").as_string(), "正文");
    EXPECT_EQ(v.at("case_id").as_string(), "C1");
    EXPECT_EQ(WebhookSignature("s", "{}"), "sha256=" + HmacSha256Hex("s", "{}"));
}

TEST(Mail, EncodesTheSubjectAndDerivesTheMessageId) {
    auto m = Message();
    m.channel = "email";
    m.address = "a@example.cn";
    std::string mail =
        MailMessage(m, "noreply@onewindow.example", "Fri, 27 Nov 2026 03:00:00 +0000");
    EXPECT_NE(mail.find("Message-ID: <0123456789abcdef@onewindow.example>"), std::string::npos);
    EXPECT_NE(mail.find("Subject: =?UTF-8?B?"), std::string::npos);
    EXPECT_NE(mail.find("charset=UTF-8"), std::string::npos);
    for (size_t start = 0, end; start < mail.size(); start = end + 2) {
        end = mail.find("\r\n", start);
        if (end == std::string::npos) break;
        EXPECT_LE(end - start, 78u) << mail.substr(start, end - start);
    }
}

}  // namespace
}  // namespace ow::transports
