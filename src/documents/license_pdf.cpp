#include "documents/license_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <new>
#include <string_view>

#include "documents/qr.hpp"

namespace ow::documents {
namespace {

// Geometry in PDF points (1/72 inch); A4 portrait.
constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm;
constexpr double kPageHeight = 297 * kMm;
constexpr double kLeft = 25 * kMm;
constexpr double kRight = kPageWidth - 25 * kMm;
constexpr double kContentWidth = kRight - kLeft;
constexpr double kTop = 30 * kMm;
constexpr double kFooterRule = kPageHeight - 26 * kMm;
// The QR code's side with its quiet zone: large enough for a ~2 KB payload to scan from paper.
constexpr double kQrSide = 52 * kMm;
constexpr int kQuietModules = 4;
constexpr double kLabelWidth = 36 * kMm;
constexpr double kCellPad = 7;

// Everything is set in Noto Serif CJK (宋体-like, as printed certificates are). Not Noto Sans
// CJK: cairo 1.16 copies whole local subroutine sets into a subset, and Sans's Latin ones make a
// page with a few capital letters a megabyte; Serif's subsets stay a few dozen kilobytes.
constexpr const char* kSerif = "Noto Serif CJK SC";

constexpr std::string_view kFooterZh = "本打印件由电子证照生成，真伪以扫描二维码核验的结果为准。";
constexpr std::string_view kFooterEn =
    "Printed from an electronic license. Verifying its QR code decides whether it is genuine.";

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.10, 0.10, 0.10};
constexpr Rgb kMuted{0.40, 0.40, 0.40};
constexpr Rgb kFrame{0.58, 0.13, 0.11};  // a muted seal red
constexpr Rgb kRule{0.72, 0.72, 0.72};
constexpr Rgb kLabelFill{0.96, 0.95, 0.93};
constexpr Rgb kBlack{0, 0, 0};
constexpr Rgb kWhite{1, 1, 1};

struct Font {
    const char* family;
    double size;
    bool bold = false;
    double letter_spacing_em = 0;
};

struct SurfaceFree {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct GObjectUnref {
    void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionFree {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

FontDescriptionPtr Describe(const Font& font) {
    FontDescriptionPtr desc(pango_font_description_new());
    pango_font_description_set_family(desc.get(), font.family);
    pango_font_description_set_weight(desc.get(),
                                      font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    // Absolute size: device units are points here, whatever resolution Pango assumes.
    pango_font_description_set_absolute_size(desc.get(), font.size * PANGO_SCALE);
    return desc;
}

// Fontconfig silently substitutes a missing family, and the Chinese would then come out in
// whatever font has the glyphs, or as boxes; a certificate must rather not be produced.
Result<void> CheckFontInstalled(const char* family) {
    PangoFontMap* map = pango_cairo_font_map_get_default();  // owned by Pango
    std::unique_ptr<PangoContext, GObjectUnref> context(pango_font_map_create_context(map));
    std::unique_ptr<PangoFont, GObjectUnref> font(
        pango_font_map_load_font(map, context.get(), Describe(Font{family, 12}).get()));
    std::string got = "nothing";
    if (font) {
        FontDescriptionPtr described(pango_font_describe(font.get()));
        const char* name = pango_font_description_get_family(described.get());
        if (name) got = name;
    }
    if (got != family) {
        return Error(ErrorCode::kInternal)
            .Detail(std::string("font \"") + family +
                    "\" is not installed (Debian package fonts-noto-cjk); fontconfig offered \"" +
                    got + "\"");
    }
    return Ok();
}

Result<void> CheckSheet(const LicenseSheet& sheet) {
    const std::pair<const char*, const std::string*> required[] = {
        {"title_zh", &sheet.title_zh},       {"number", &sheet.number},
        {"holder_name", &sheet.holder_name}, {"issuer_zh", &sheet.issuer_zh},
        {"qr_text", &sheet.qr_text},
    };
    for (const auto& [name, value] : required) {
        if (value->empty()) return Error(ErrorCode::kMissingField).Field(name);
    }
    std::vector<std::pair<std::string, const std::string*>> texts = {
        {"title_zh", &sheet.title_zh},
        {"title_en", &sheet.title_en},
        {"number", &sheet.number},
        {"holder_name", &sheet.holder_name},
        {"holder_id", &sheet.holder_id},
        {"issuer_zh", &sheet.issuer_zh},
        {"issuer_en", &sheet.issuer_en},
        {"issued_on", &sheet.issued_on},
        {"valid_from", &sheet.valid_from},
        {"valid_until", &sheet.valid_until},
        {"verify_hint_zh", &sheet.verify_hint_zh},
        {"verify_hint_en", &sheet.verify_hint_en},
    };
    for (const auto& [label, value] : sheet.fields_zh) {
        texts.emplace_back("fields_zh", &label);
        texts.emplace_back("fields_zh", &value);
    }
    for (const auto& [name, value] : texts) {
        if (!g_utf8_validate(value->data(), static_cast<gssize>(value->size()), nullptr)) {
            return Error(ErrorCode::kInvalidValue).Field(name).Param("reason", "not UTF-8");
        }
    }
    return Ok();
}

// Draws text and rules on one cairo context; text is laid out by Pango, never as markup, so
// whatever the sheet holds is printed as it is.
class Canvas {
public:
    explicit Canvas(cairo_t* cr) : cr_(cr) {}

    // The height `text` takes when set in a box `width` wide.
    double Measure(std::string_view text, const Font& font, double width) const {
        return Height(Layout(text, font, width, PANGO_ALIGN_LEFT).get());
    }

    // Sets `text` in a box `width` wide whose top left is (x, y), wrapping as needed; returns
    // the height used.
    double Text(std::string_view text, const Font& font, Rgb color, double x, double y,
                double width, PangoAlignment align = PANGO_ALIGN_LEFT) {
        if (text.empty()) return 0;
        auto layout = Layout(text, font, width, align);
        SetColor(color);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout.get());
        return Height(layout.get());
    }

    void Line(double x0, double y0, double x1, double y1, double width, Rgb color) {
        SetColor(color);
        cairo_set_line_width(cr_, width);
        cairo_move_to(cr_, x0, y0);
        cairo_line_to(cr_, x1, y1);
        cairo_stroke(cr_);
    }

    void StrokeRect(double x, double y, double w, double h, double width, Rgb color) {
        SetColor(color);
        cairo_set_line_width(cr_, width);
        cairo_rectangle(cr_, x, y, w, h);
        cairo_stroke(cr_);
    }

    void FillRect(double x, double y, double w, double h, Rgb color) {
        SetColor(color);
        cairo_rectangle(cr_, x, y, w, h);
        cairo_fill(cr_);
    }

    // The QR code with its quiet zone in a square of `side` at (x, y). Dark modules are one
    // path filled once, so adjacent modules join without hairline seams in any viewer.
    void Qr(const QrCode& qr, double x, double y, double side) {
        FillRect(x, y, side, side, kWhite);
        const double module = side / (qr.size() + 2 * kQuietModules);
        cairo_new_path(cr_);
        for (int row = 0; row < qr.size(); ++row) {
            int col = 0;
            while (col < qr.size()) {
                if (!qr.Dark(col, row)) {
                    ++col;
                    continue;
                }
                const int start = col;
                while (col < qr.size() && qr.Dark(col, row)) ++col;
                cairo_rectangle(cr_, x + (kQuietModules + start) * module,
                                y + (kQuietModules + row) * module, (col - start) * module, module);
            }
        }
        SetColor(kBlack);
        cairo_fill(cr_);
    }

private:
    std::unique_ptr<PangoLayout, GObjectUnref> Layout(std::string_view text, const Font& font,
                                                      double width, PangoAlignment align) const {
        std::unique_ptr<PangoLayout, GObjectUnref> layout(pango_cairo_create_layout(cr_));
        pango_layout_set_font_description(layout.get(), Describe(font).get());
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), align);
        if (font.letter_spacing_em > 0) {
            PangoAttrList* attrs = pango_attr_list_new();
            pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(static_cast<int>(
                                              font.size * font.letter_spacing_em * PANGO_SCALE)));
            pango_layout_set_attributes(layout.get(), attrs);
            pango_attr_list_unref(attrs);
        }
        pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
        return layout;
    }

    static double Height(PangoLayout* layout) {
        int width = 0;
        int height = 0;
        pango_layout_get_size(layout, &width, &height);
        return static_cast<double>(height) / PANGO_SCALE;
    }

    void SetColor(Rgb c) { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }

    cairo_t* cr_;
};

const Font kTitleZh{kSerif, 28, true, 0.12};
const Font kTitleEn{kSerif, 12};
const Font kNumber{kSerif, 10.5};
const Font kLabel{kSerif, 10.5, true};
const Font kValue{kSerif, 11};
const Font kHolder{kSerif, 13, true};
const Font kIssuer{kSerif, 14, true};
const Font kSmall{kSerif, 9};
const Font kFooter{kSerif, 8};

// The fields as table rows: holder first, then the license's own fields, then the validity.
std::vector<std::pair<std::string, std::string>> TableRows(const LicenseSheet& sheet) {
    std::vector<std::pair<std::string, std::string>> rows;
    rows.emplace_back("持证主体", sheet.holder_name);
    if (!sheet.holder_id.empty()) rows.emplace_back("证件号码", sheet.holder_id);
    rows.insert(rows.end(), sheet.fields_zh.begin(), sheet.fields_zh.end());
    if (!sheet.valid_from.empty() || !sheet.valid_until.empty()) {
        const std::string until = sheet.valid_until.empty() ? "长期" : sheet.valid_until;
        rows.emplace_back("有效期限", sheet.valid_from.empty() ? "至 " + until
                                                               : sheet.valid_from + " 至 " + until);
    }
    return rows;
}

// Draws the table from `top`; returns its bottom.
double DrawTable(Canvas& canvas, const LicenseSheet& sheet, double top) {
    const double value_x = kLeft + kLabelWidth;
    const double value_width = kContentWidth - kLabelWidth - 2 * kCellPad;
    const double label_width = kLabelWidth - 2 * kCellPad;
    double y = top;
    bool first = true;
    for (const auto& [label, value] : TableRows(sheet)) {
        const Font& value_font = first ? kHolder : kValue;
        const double height = std::max(canvas.Measure(label, kLabel, label_width),
                                       canvas.Measure(value, value_font, value_width)) +
                              2 * kCellPad;
        canvas.FillRect(kLeft, y, kLabelWidth, height, kLabelFill);
        canvas.Text(label, kLabel, kInk, kLeft + kCellPad, y + kCellPad, label_width);
        canvas.Text(value, value_font, kInk, value_x + kCellPad, y + kCellPad, value_width);
        if (!first) canvas.Line(kLeft, y, kRight, y, 0.5, kRule);
        y += height;
        first = false;
    }
    canvas.Line(value_x, top, value_x, y, 0.5, kRule);
    canvas.StrokeRect(kLeft, top, kContentWidth, y - top, 0.9, kInk);
    return y;
}

// The issuer, the issue date and how to verify, in a column `width` wide; returns its height.
// With `draw` false it only measures.
double IssuerColumn(Canvas& canvas, const LicenseSheet& sheet, double top, double width,
                    double bottom_align, bool draw) {
    const double label_width = 20 * kMm;
    const double value_x = kLeft + label_width;
    const double value_width = width - label_width;
    auto text = [&](std::string_view s, const Font& f, Rgb c, double x, double y, double w) {
        return draw ? canvas.Text(s, f, c, x, y, w) : canvas.Measure(s, f, w);
    };
    double y = top;
    text("发证机关", kLabel, kMuted, kLeft, y + 3, label_width);
    y += text(sheet.issuer_zh, kIssuer, kInk, value_x, y, value_width);
    if (!sheet.issuer_en.empty())
        y += text(sheet.issuer_en, kSmall, kMuted, value_x, y, value_width);
    if (!sheet.issued_on.empty()) {
        y += 8;
        text("发证日期", kLabel, kMuted, kLeft, y, label_width);
        y += text(sheet.issued_on, kValue, kInk, value_x, y, value_width);
    }
    double hint_height = 0;
    if (!sheet.verify_hint_zh.empty())
        hint_height += canvas.Measure(sheet.verify_hint_zh, kSmall, value_width);
    if (!sheet.verify_hint_en.empty())
        hint_height += canvas.Measure(sheet.verify_hint_en, kSmall, value_width);
    if (hint_height == 0) return y - top;
    // The hint sits at the foot of the column, level with the QR code's lower edge.
    double hint_y = std::max(y + 12, bottom_align - hint_height);
    if (draw) {
        canvas.Text("核验方式", kLabel, kMuted, kLeft, hint_y, label_width);
        hint_y += canvas.Text(sheet.verify_hint_zh, kSmall, kInk, value_x, hint_y, value_width);
        canvas.Text(sheet.verify_hint_en, kSmall, kMuted, value_x, hint_y, value_width);
    }
    return std::max(y + 12 + hint_height, bottom_align) - top;
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    } catch (const std::bad_alloc&) {
        return CAIRO_STATUS_NO_MEMORY;
    }
}

Error CairoError(std::string_view what, cairo_status_t status) {
    return Error(ErrorCode::kInternal)
        .Detail(std::string(what) + ": " + cairo_status_to_string(status));
}

}  // namespace

Result<std::string> RenderLicensePdf(const LicenseSheet& sheet) {
    OW_TRY(CheckSheet(sheet));
    OW_ASSIGN_OR_RETURN(const QrCode qr, EncodeQr(sheet.qr_text));
    OW_TRY(CheckFontInstalled(kSerif));

    std::string pdf;  // outlives the surface, which writes into it until destroyed
    std::unique_ptr<cairo_surface_t, SurfaceFree> surface(
        cairo_pdf_surface_create_for_stream(AppendToString, &pdf, kPageWidth, kPageHeight));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        return CairoError("creating the PDF surface", cairo_surface_status(surface.get()));
    }
    const std::string title = sheet.title_zh + " " + sheet.number;
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                   sheet.issuer_zh.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "onewindow");

    {
        std::unique_ptr<cairo_t, CairoFree> cr(cairo_create(surface.get()));
        Canvas canvas(cr.get());

        // A double frame, as printed certificates have.
        canvas.StrokeRect(12 * kMm, 12 * kMm, kPageWidth - 24 * kMm, kPageHeight - 24 * kMm, 1.8,
                          kFrame);
        canvas.StrokeRect(14 * kMm, 14 * kMm, kPageWidth - 28 * kMm, kPageHeight - 28 * kMm, 0.5,
                          kFrame);

        double y = kTop;
        y += canvas.Text(sheet.title_zh, kTitleZh, kInk, kLeft, y, kContentWidth,
                         PANGO_ALIGN_CENTER);
        y += 2 + canvas.Text(sheet.title_en, kTitleEn, kMuted, kLeft, y + 2, kContentWidth,
                             PANGO_ALIGN_CENTER);
        y += 10 + canvas.Text("证照编号  " + sheet.number, kNumber, kInk, kLeft, y + 10,
                              kContentWidth, PANGO_ALIGN_CENTER);
        y += 12;
        canvas.Line(kLeft, y, kRight, y, 1.2, kFrame);
        y += 14;
        const double table_bottom = DrawTable(canvas, sheet, y);

        // The issuer and QR block stands on the footer; the table must end above it.
        const double column_width = kContentWidth - kQrSide - 8 * kMm;
        const double measured =
            IssuerColumn(canvas, sheet, 0, column_width, kQrSide, /*draw=*/false);
        const double block_height = std::max(kQrSide, measured);
        const double block_top = kFooterRule - 10 * kMm - block_height;
        if (table_bottom + 8 * kMm > block_top) {
            return Error(ErrorCode::kInvalidValue)
                .Field("fields_zh")
                .Param("reason", "too many or too long fields for one A4 page");
        }
        IssuerColumn(canvas, sheet, block_top, column_width, block_top + block_height,
                     /*draw=*/true);
        canvas.Qr(qr, kRight - kQrSide, block_top + block_height - kQrSide, kQrSide);

        canvas.Line(kLeft, kFooterRule, kRight, kFooterRule, 0.5, kRule);
        const double footer_y = kFooterRule + 5;
        const double zh_height = canvas.Text(kFooterZh, kFooter, kMuted, kLeft, footer_y,
                                             kContentWidth, PANGO_ALIGN_CENTER);
        canvas.Text(kFooterEn, kFooter, kMuted, kLeft, footer_y + zh_height, kContentWidth,
                    PANGO_ALIGN_CENTER);

        cairo_show_page(cr.get());
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
            return CairoError("drawing the license", cairo_status(cr.get()));
        }
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        return CairoError("writing the PDF", cairo_surface_status(surface.get()));
    }
    surface.reset();
    return pdf;
}

}  // namespace ow::documents
