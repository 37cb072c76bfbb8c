#include "app/master_key_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace ow::app {

std::string MasterKeyPath(const Settings& settings) {
    if (!settings.master_key_file.empty()) return settings.master_key_file;
    if (IsPostgresUrl(settings.db)) return "var/master.key";
    return settings.db + ".master-key";
}

Result<licenses::MasterKey> LoadMasterKey(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        std::filesystem::path parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
        // O_EXCL: two processes starting at once do not each write their own key.
        int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd >= 0) {
            licenses::MasterKey fresh = licenses::MasterKey::Generate();
            ssize_t written = ::write(fd, fresh.data(), licenses::MasterKey::kBytes);
            bool synced = ::fsync(fd) == 0;
            ::close(fd);
            if (written != static_cast<ssize_t>(licenses::MasterKey::kBytes) || !synced) {
                return Error(ErrorCode::kInternal).Detail("cannot write master key " + path);
            }
            return fresh;
        }
        if (errno != EEXIST) {
            return Error(ErrorCode::kInternal).Detail("cannot create master key " + path);
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error(ErrorCode::kInternal).Detail("cannot read master key " + path);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return licenses::MasterKey::FromBytes(bytes);
}

}  // namespace ow::app
