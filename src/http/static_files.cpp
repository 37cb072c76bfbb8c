#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

namespace ow::http {
namespace {

constexpr const char* kUnknownType = "application/octet-stream";

std::string MimeType(const std::filesystem::path& p) {
    static const std::pair<const char*, const char*> kTypes[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".ico", "image/x-icon"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".ttf", "font/ttf"},
        {".txt", "text/plain; charset=utf-8"},
        {".webmanifest", "application/manifest+json"},
        {".map", "application/json"},
    };
    std::string ext = p.extension().string();
    for (const auto& [e, type] : kTypes) {
        if (ext == e) return type;
    }
    return kUnknownType;
}

bool SafeRelative(const std::string& path) {
    if (path.empty() || path[0] != '/') return false;
    if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) return false;
    size_t start = 1;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        std::string_view seg(path.data() + start, slash - start);
        if (seg == ".." || seg == ".") return false;
        start = slash + 1;
    }
    return true;
}

}  // namespace

bool StaticFiles::Available() const {
    return std::filesystem::is_regular_file(root_ / "index.html");
}

std::optional<Response> StaticFiles::File(const std::filesystem::path& file, bool immutable) const {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    Response r = Response::Text(200, buf.str(), MimeType(file));
    r.headers.emplace_back("Cache-Control",
                           immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (file.extension() == ".html") {
        r.headers.emplace_back(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    }
    return r;
}

std::optional<Response> StaticFiles::Serve(const std::string& path) const {
    if (!SafeRelative(path)) return std::nullopt;
    std::filesystem::path rel = std::filesystem::path(path.substr(1));
    std::filesystem::path file = root_ / rel;
    std::error_code ec;
    if (!rel.empty() && std::filesystem::is_regular_file(file, ec)) {
        return File(file, path.rfind("/assets/", 0) == 0);
    }
    // A missing asset (a type this server serves) is a real 404; any other path is a client-side
    // route, even with a dot in it (/my/licenses/1.2.156.3005.2.SSC.…).
    if (MimeType(rel) != kUnknownType) return std::nullopt;
    return File(root_ / "index.html", false);
}

}  // namespace ow::http
