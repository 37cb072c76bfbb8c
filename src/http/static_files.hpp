// StaticFiles: serves the built web front end (web/dist) at "/". A path naming a file serves
// it; any other path that looks like a page (no file extension) serves index.html, so the
// browser's client-side routes work on reload. Paths never leave the root: "..", backslashes
// and NUL are refused.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "http/response.hpp"

namespace ow::http {

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

    // A response for GET path, or nullopt if nothing here answers it.
    std::optional<Response> Serve(const std::string& path) const;
    bool Available() const;
    const std::filesystem::path& root() const { return root_; }

private:
    std::optional<Response> File(const std::filesystem::path& file, bool immutable) const;

    std::filesystem::path root_;
};

}  // namespace ow::http
