#include "transports/webhook_transport.hpp"

#include <boost/json.hpp>

#include "common/sha256.hpp"
#include "transports/curl_handle.hpp"

namespace ow::transports {

std::string WebhookBody(const notices::OutboxMessage& m) {
    const notices::RenderedText& text = m.Text();
    boost::json::object o{{"id", m.idempotency_key}, {"channel", m.channel},    {"to", m.address},
                          {"language", m.language},  {"subject", text.subject}, {"body", text.body},
                          {"event", m.event}};
    o["case_id"] = m.case_id ? boost::json::value(*m.case_id) : boost::json::value(nullptr);
    return boost::json::serialize(o);
}

std::string WebhookSignature(const std::string& secret, const std::string& body) {
    return "sha256=" + HmacSha256Hex(secret, body);
}

Result<void> WebhookTransport::Send(const notices::OutboxMessage& m) {
    CurlHandle curl = NewCurl();
    if (!curl) return Error(ErrorCode::kUnavailable).Detail("curl unavailable");
    const std::string body = WebhookBody(m);
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(
        headers, ("X-Onewindow-Signature: " + WebhookSignature(secret_, body)).c_str());
    headers = curl_slist_append(headers, ("Idempotency-Key: " + m.idempotency_key).c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> owned(headers, curl_slist_free_all);
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(timeout_.count()));
    // The gateway's answer body is not needed.
    curl_easy_setopt(
        c, CURLOPT_WRITEFUNCTION, +[](char*, size_t size, size_t n, void*) { return size * n; });
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) return Error(ErrorCode::kUnavailable).Detail(curl_easy_strerror(rc));
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status >= 300) {
        return Error(ErrorCode::kUnavailable)
            .Detail("gateway answered HTTP " + std::to_string(status));
    }
    return Ok();
}

}  // namespace ow::transports
