#include "documents/qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <string>

namespace ow::documents {
namespace {

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

Error Invalid(std::string reason) {
    return Error(ErrorCode::kInvalidValue).Field("qr_text").Param("reason", std::move(reason));
}

}  // namespace

Result<QrCode> EncodeQr(std::string_view text) {
    if (text.empty()) return Invalid("empty");
    if (text.find('\0') != std::string_view::npos) return Invalid("contains a NUL byte");

    // encodeString needs a NUL-terminated copy; QR_MODE_8 keeps every byte as given (no Kanji
    // mode guessing), while runs of digits still get the denser numeric mode.
    const std::string copy(text);
    errno = 0;
    std::unique_ptr<QRcode, QrFree> code(
        QRcode_encodeString(copy.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, /*casesensitive=*/1));
    if (!code) {
        if (errno == ERANGE) {
            return Invalid(std::to_string(text.size()) +
                           " bytes do not fit in a QR code (at most " +
                           std::to_string(kMaxQrBytesLevelM) + " bytes at level M)");
        }
        return Error(ErrorCode::kInternal)
            .Detail(std::string("QRcode_encodeString failed: errno ") + std::to_string(errno));
    }

    const int size = code->width;
    std::vector<uint8_t> modules(static_cast<size_t>(size) * size);
    for (size_t i = 0; i < modules.size(); ++i) modules[i] = code->data[i] & 1u;  // bit 0: dark
    return QrCode(code->version, size, std::move(modules));
}

}  // namespace ow::documents
