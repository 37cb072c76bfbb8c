// The printable e-license certificate: one A4 page in PDF with the license's text in Chinese
// (and English where it has it) and a QR code carrying the signed payload, so the paper verifies
// offline. Text is set by Pango in Noto CJK (Debian fonts-noto-cjk); cairo embeds the subsets
// used, so the PDF renders the same on a machine without the font.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/result.hpp"

namespace ow::documents {

// What the certificate shows, already formatted for print (dates as the caller wants them
// shown, e.g. "2026-11-26" or "2026年11月26日"). All text is UTF-8.
struct LicenseSheet {
    std::string title_zh;     // required: 食品经营许可证
    std::string title_en;     // Food Business License
    std::string number;       // required: the GB/T 36903 identifier
    std::string holder_name;  // required
    std::string holder_id;    // ID number or unified social credit code
    std::string issuer_zh;    // required: 江门市市场监督管理局
    std::string issuer_en;
    std::string issued_on;
    std::string valid_from;
    std::string valid_until;                                     // empty: 长期 (no end date)
    std::vector<std::pair<std::string, std::string>> fields_zh;  // {label, value}, in order
    std::string qr_text;         // required: the signed payload, byte for byte
    std::string verify_hint_zh;  // e.g. 扫描二维码或访问 https://…/verify 核验
    std::string verify_hint_en;
};

// Renders `sheet` as a one-page A4 PDF (the file's bytes).
// kMissingField (field = the member's name) when a required member is empty; kInvalidValue
// when a member is not valid UTF-8, when qr_text does not fit a QR code (field "qr_text"), or
// when the fields do not fit on one page (field "fields_zh"); kInternal when the Noto CJK fonts
// are not installed or cairo fails (the detail says which).
Result<std::string> RenderLicensePdf(const LicenseSheet& sheet);

}  // namespace ow::documents
