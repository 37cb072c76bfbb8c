#include "transports/smtp_transport.hpp"

#include <sodium.h>

#include <cstring>
#include <ctime>

#include "transports/curl_handle.hpp"

namespace ow::transports {
namespace {

std::string Base64(std::string_view data) {
    std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                      data.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

// Base64 in lines of 76 characters, as MIME wants.
std::string Base64Lines(std::string_view data) {
    std::string b64 = Base64(data), out;
    for (size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + "\r\n";
    return out;
}

// RFC 2047: "=?UTF-8?B?...?=" words of at most 39 bytes of text each, so that no encoded word
// is longer than 75 characters and no UTF-8 sequence is split.
std::string EncodedWords(const std::string& text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t end = std::min(text.size(), i + 39);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") +
               Base64(std::string_view(text).substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string NowRfc5322() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return buf;
}

// The part of an address after '@' ("localhost" without one), for the Message-ID.
std::string DomainOf(const std::string& address) {
    size_t at = address.find('@');
    return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

struct Reader {
    const std::string& data;
    size_t offset = 0;
};

size_t Read(char* buffer, size_t size, size_t n, void* user) {
    auto* r = static_cast<Reader*>(user);
    size_t len = std::min(size * n, r->data.size() - r->offset);
    std::memcpy(buffer, r->data.data() + r->offset, len);
    r->offset += len;
    return len;
}

}  // namespace

std::string MailMessage(const notices::OutboxMessage& m, const std::string& from,
                        const std::string& date) {
    const notices::RenderedText& text = m.Text();
    return "Date: " + date + "\r\nFrom: <" + from + ">\r\nTo: <" + m.address +
           ">\r\nMessage-ID: <" + m.idempotency_key + "@" + DomainOf(from) +
           ">\r\nSubject: " + EncodedWords(text.subject) +
           "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n" +
           Base64Lines(text.body);
}

Result<void> SmtpTransport::Send(const notices::OutboxMessage& m) {
    CurlHandle curl = NewCurl();
    if (!curl) return Error(ErrorCode::kUnavailable).Detail("curl unavailable");
    const std::string message = MailMessage(m, from_, NowRfc5322());
    Reader reader{message};
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + m.address + ">").c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> owned(rcpt, curl_slist_free_all);
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + from_ + ">").c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &Read);
    curl_easy_setopt(c, CURLOPT_READDATA, &reader);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(timeout_.count()));
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) return Error(ErrorCode::kUnavailable).Detail(curl_easy_strerror(rc));
    return Ok();
}

}  // namespace ow::transports
