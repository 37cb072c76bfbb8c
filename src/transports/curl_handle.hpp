// A libcurl easy handle that cleans up after itself, with curl's global set-up done once.
#pragma once

#include <curl/curl.h>

#include <memory>

namespace ow::transports {

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;

// A new handle; nullptr if curl cannot make one.
CurlHandle NewCurl();

}  // namespace ow::transports
