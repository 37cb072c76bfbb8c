// Reading a request's JSON body: the Content-Type must be application/json, the body a JSON
// object, read field by field with codec::JsonReader.
#pragma once

#include "codec/json_reader.hpp"
#include "http/request.hpp"

namespace ow::http {

using JsonInput = codec::JsonReader;

// kUnsupportedMediaType unless Content-Type is application/json; kMalformedJson for bad JSON or
// anything but an object at the top.
Result<JsonInput> ParseJsonBody(const Request& request);

}  // namespace ow::http
