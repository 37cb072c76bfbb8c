// The one file of a multipart/form-data upload (RFC 7578), for browsers' file inputs.
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"

namespace ow::http {

struct UploadedPart {
    std::string name;      // the form field
    std::string filename;  // as the browser gave it (never used as a path)
    std::string content;
};

// The first part that carries a file. kBadRequest for a body that is not well-formed
// multipart or has no file.
Result<UploadedPart> FirstFilePart(std::string_view content_type, std::string_view body);

}  // namespace ow::http
