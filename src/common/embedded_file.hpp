// A file compiled into the binary by cmake/embed.cmake (migrations, calendar data, OpenAPI).
#pragma once

#include <string_view>
#include <vector>

namespace ow {

struct EmbeddedFile {
    std::string_view name;
    std::string_view contents;
};

}  // namespace ow
