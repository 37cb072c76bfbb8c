#include "http/multipart.hpp"

namespace ow::http {
namespace {

Error Bad() {
    return Error(ErrorCode::kBadRequest).Param("reason", "multipart");
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// The value of `name=` in a header's parameters, unquoted.
std::string Param(std::string_view header, std::string_view name) {
    size_t pos = 0;
    while ((pos = header.find(name, pos)) != std::string_view::npos) {
        bool starts = pos == 0 || header[pos - 1] == ';' || header[pos - 1] == ' ';
        size_t eq = pos + name.size();
        if (starts && eq < header.size() && header[eq] == '=') {
            std::string_view v = header.substr(eq + 1);
            if (!v.empty() && v.front() == '"') {
                size_t close = v.find('"', 1);
                return std::string(
                    v.substr(1, close == std::string_view::npos ? v.size() - 1 : close - 1));
            }
            return std::string(Trim(v.substr(0, v.find(';'))));
        }
        pos = eq;
    }
    return "";
}

}  // namespace

Result<UploadedPart> FirstFilePart(std::string_view content_type, std::string_view body) {
    std::string boundary = Param(content_type, "boundary");
    if (boundary.empty() || boundary.size() > 200) return Bad();
    const std::string delimiter = "--" + boundary;
    size_t pos = body.find(delimiter);
    while (pos != std::string_view::npos) {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--") break;  // the closing delimiter
        if (body.substr(pos, 2) != "\r\n") return Bad();
        pos += 2;
        size_t headers_end = body.find("\r\n\r\n", pos);
        if (headers_end == std::string_view::npos) return Bad();
        std::string_view headers = body.substr(pos, headers_end - pos);
        size_t content_start = headers_end + 4;
        size_t next = body.find("\r\n" + delimiter, content_start);
        if (next == std::string_view::npos) return Bad();
        UploadedPart part;
        while (!headers.empty()) {
            size_t eol = headers.find("\r\n");
            std::string_view line = headers.substr(0, eol);
            headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
            std::string lower(line.substr(0, line.find(':')));
            for (char& c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == "content-disposition") {
                part.name = Param(line, "name");
                part.filename = Param(line, "filename");
            }
        }
        if (!part.filename.empty()) {
            part.content = std::string(body.substr(content_start, next - content_start));
            return part;
        }
        pos = body.find(delimiter, next + 2);
    }
    return Bad();
}

}  // namespace ow::http
