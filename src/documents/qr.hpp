// A QR code as a square of modules (dark or light), encoded by libqrencode at error correction
// level M, so a printed e-license carries its signed payload and verifies offline.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace ow::documents {

// The most bytes a QR code holds in byte mode at level M (version 40). Texts of digits or
// upper-case letters pack tighter and may be longer; EncodeQr decides by the real encoding.
inline constexpr size_t kMaxQrBytesLevelM = 2331;

class QrCode {
public:
    QrCode(int version, int size, std::vector<uint8_t> modules)
        : version_(version), size_(size), modules_(std::move(modules)) {}

    // 1..40; the symbol is 17 + 4 * version modules wide.
    int version() const { return version_; }
    // Modules per side, without the quiet zone (which the renderer adds: 4 modules each side).
    int size() const { return size_; }
    // Whether the module at column x, row y (0-based, from the top left) is dark.
    bool Dark(int x, int y) const { return modules_[static_cast<size_t>(y) * size_ + x] != 0; }

private:
    int version_;
    int size_;
    std::vector<uint8_t> modules_;  // size_ * size_, row by row, 1 = dark
};

// The smallest QR code (level M) that holds `text` exactly, byte for byte.
// kInvalidValue (field "qr_text") when the text is empty, contains a NUL byte, or is too long
// for any QR code version; kInternal when libqrencode fails otherwise (out of memory).
Result<QrCode> EncodeQr(std::string_view text);

}  // namespace ow::documents
