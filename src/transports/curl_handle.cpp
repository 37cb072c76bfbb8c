#include "transports/curl_handle.hpp"

namespace ow::transports {

CurlHandle NewCurl() {
    // curl_global_init is not thread-safe: the first transport to run does it, once.
    static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    if (!ready) return nullptr;
    CurlHandle h(curl_easy_init());
    if (h) curl_easy_setopt(h.get(), CURLOPT_NOSIGNAL, 1L);
    return h;
}

}  // namespace ow::transports
