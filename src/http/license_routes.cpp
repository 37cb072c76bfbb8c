// E-licenses: the published keys and verification (public), the registry's licenses for their
// holders, issuing departments and admins, state changes, new versions, PDFs and use copies.
#include <boost/json.hpp>

#include "codec/license_json.hpp"
#include "documents/license_pdf.hpp"
#include "http/api_context.hpp"
#include "http/json_input.hpp"
#include "licenses/license_service.hpp"
#include "licenses/license_text.hpp"

namespace ow::http {
namespace {

namespace json = boost::json;
using auth::Role;

licenses::LicenseService& Service(ApiContext& ctx) {
    return *ctx.licenses;
}

Date Today(const ApiContext& ctx) {
    return LocalDate(ctx.clock.Now());
}

Response View(ApiContext& ctx, const licenses::StoredLicense& s, int status = 200) {
    return Response::Json(
        status, codec::WriteLicenseView(s, Service(ctx).FieldLabels(s.license), Today(ctx)));
}

// A change of the license (state, version) as {"reason"}; reason may be absent for renewal.
template <class F>
Handler Operation(ApiContext& ctx, F act) {
    return [&ctx, act](Request& req) -> Result<Response> {
        std::string reason;
        if (!req.body.empty()) {
            OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
            OW_ASSIGN_OR_RETURN(reason, in.StringOr("reason"));
            OW_TRY(in.Finish());
        }
        OW_ASSIGN_OR_RETURN(licenses::StoredLicense s,
                            act(*req.principal, req.Param("number"), reason));
        return View(ctx, s);
    };
}

// The address of the public verify page on this server, for the printed hint.
std::string VerifyPage(const Request& req) {
    std::string_view host = req.Header("host");
    return host.empty() ? "/verify" : "https://" + std::string(host) + "/verify";
}

documents::LicenseSheet SheetOf(const licenses::StoredLicense& s,
                                const std::vector<catalog::LicenseField>& labels,
                                const std::string& qr_text, const std::string& verify_page) {
    const licenses::License& l = s.license;
    documents::LicenseSheet sheet;
    sheet.title_zh = l.type.name_zh;
    sheet.title_en = l.type.name_en;
    sheet.number = l.number.str();
    sheet.holder_name = l.holder.name;
    sheet.holder_id = l.holder.id;
    sheet.issuer_zh = l.issuer.name_zh;
    sheet.issuer_en = l.issuer.name_en;
    sheet.issued_on = FormatDate(l.issued_on);
    sheet.valid_from = FormatDate(l.valid_from);
    sheet.valid_until = l.valid_until ? FormatDate(*l.valid_until) : "";
    for (size_t i = 0; i < l.fields.size(); ++i) {
        std::string label = i < labels.size() ? labels[i].label.zh : l.fields[i].key;
        sheet.fields_zh.emplace_back(label, l.fields[i].value);
    }
    sheet.qr_text = qr_text;
    sheet.verify_hint_zh = "扫描二维码或访问 " + verify_page + " 核验";
    sheet.verify_hint_en = "Scan the QR code or visit " + verify_page + " to verify";
    return sheet;
}

Result<Response> Pdf(Result<std::string> bytes, const std::string& name) {
    if (!bytes.ok()) return std::move(bytes).error();
    return Response::Text(200, std::move(bytes).value(), "application/pdf")
        .Header("Content-Disposition", "inline; filename=\"" + name + ".pdf\"")
        .Header("Cache-Control", "private, no-store");
}

}  // namespace

void AddLicenseRoutes(Router& router, ApiContext& ctx) {
    const auth::Access signed_in = auth::Access::AnyUser();
    router.Add({"GET", "/api/v1/licenses/keys", auth::Access::Public(),
                [&ctx](Request&) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto keys, Service(ctx).Keys());
                    return Response::Json(codec::WriteLicenseKeys(keys));
                }});
    router.Add({"POST", "/api/v1/licenses/verify", auth::Access::Public(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(std::string text, in.String("text"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(auto v, Service(ctx).Verify(text));
                    std::vector<catalog::LicenseField> labels;
                    if (v.license) labels = Service(ctx).FieldLabels(*v.license);
                    return Response::Json(codec::WriteVerification(v, labels));
                }});
    router.Add({"POST", "/api/v1/licenses/keys/{department_code}/rotate",
                auth::Access::Roles({Role::kAdmin}), [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(
                        auto key,
                        Service(ctx).RotateKey(*req.principal, req.Param("department_code")));
                    return Response::Json(201, codec::WriteLicenseKey(key));
                }});
    router.Add({"GET", "/api/v1/licenses", signed_in, [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(
                        auto list,
                        Service(ctx).List(*req.principal, req.Query("holder"), req.Query("q")));
                    json::array out;
                    for (const auto& s : list) {
                        out.push_back(codec::WriteLicenseView(
                            s, Service(ctx).FieldLabels(s.license), Today(ctx)));
                    }
                    return Response::Json(json::object{{"licenses", std::move(out)}});
                }});
    router.Add(
        {"GET", "/api/v1/licenses/{number}", signed_in, [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(auto s, Service(ctx).Get(*req.principal, req.Param("number")));
             return View(ctx, s);
         }});
    router.Add({"GET", "/api/v1/licenses/{number}/pdf", signed_in,
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto s,
                                        Service(ctx).Get(*req.principal, req.Param("number")));
                    auto sheet = SheetOf(s, Service(ctx).FieldLabels(s.license),
                                         licenses::ToLicenseText(s.signed_), VerifyPage(req));
                    return Pdf(documents::RenderLicensePdf(sheet), s.license.number.str());
                }});
    router.Add(
        {"POST", "/api/v1/licenses/{number}/suspend", signed_in,
         Operation(ctx, [&ctx](const auth::Principal& p, const std::string& n,
                               const std::string& r) { return Service(ctx).Suspend(p, n, r); })});
    router.Add(
        {"POST", "/api/v1/licenses/{number}/reinstate", signed_in,
         Operation(ctx, [&ctx](const auth::Principal& p, const std::string& n,
                               const std::string& r) { return Service(ctx).Reinstate(p, n, r); })});
    router.Add(
        {"POST", "/api/v1/licenses/{number}/revoke", signed_in,
         Operation(ctx, [&ctx](const auth::Principal& p, const std::string& n,
                               const std::string& r) { return Service(ctx).Revoke(p, n, r); })});
    router.Add({"POST", "/api/v1/licenses/{number}/renew", signed_in,
                Operation(ctx, [&ctx](const auth::Principal& p, const std::string& n,
                                      const std::string&) { return Service(ctx).Renew(p, n); })});
    router.Add({"POST", "/api/v1/licenses/{number}/change", signed_in,
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(JsonInput fields, in.Object("fields"));
                    std::map<std::string, std::string> values;
                    for (const auto& [key, value] : fields.object()) {
                        OW_ASSIGN_OR_RETURN(values[std::string(key)],
                                            fields.String(std::string(key).c_str()));
                        (void)value;
                    }
                    OW_ASSIGN_OR_RETURN(std::string reason, in.String("reason"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(
                        auto s,
                        Service(ctx).Change(*req.principal, req.Param("number"), values, reason));
                    return View(ctx, s);
                }});
    router.Add({"POST", "/api/v1/licenses/{number}/copies", signed_in,
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(std::string purpose, in.String("purpose"));
                    OW_ASSIGN_OR_RETURN(Date until, in.DateField("valid_until"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(
                        auto copy,
                        Service(ctx).MakeCopy(*req.principal, req.Param("number"), purpose, until));
                    return Response::Json(201, codec::WriteStoredCopy(copy));
                }});
    router.Add({"GET", "/api/v1/licenses/{number}/copies", signed_in,
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto copies,
                                        Service(ctx).Copies(*req.principal, req.Param("number")));
                    json::array out;
                    for (const auto& c : copies) out.push_back(codec::WriteStoredCopy(c));
                    return Response::Json(json::object{{"copies", std::move(out)}});
                }});
}

}  // namespace ow::http
