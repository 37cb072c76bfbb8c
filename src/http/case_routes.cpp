// Cases: submission through any channel, the window's pre-check and decisions, the applicant's
// withdrawals and supplements, the history; review tasks; uploaded files; the material vault.
#include <boost/json.hpp>
#include <boost/url/pct_string_view.hpp>
#include <map>

#include "cases/case_service.hpp"
#include "codec/case_json.hpp"
#include "common/sha256.hpp"
#include "common/text.hpp"
#include "http/api_context.hpp"
#include "http/case_view.hpp"
#include "http/json_input.hpp"
#include "http/multipart.hpp"
#include "http/route_helpers.hpp"
#include "vault/file_checks.hpp"

namespace ow::http {
namespace {

namespace json = boost::json;
using auth::Role;
using cases::Case;

Result<std::vector<cases::MaterialUpload>> ReadUploads(JsonInput& in, const char* name) {
    OW_ASSIGN_OR_RETURN(auto list, in.Objects(name, "requirement", false));
    std::vector<cases::MaterialUpload> out;
    for (JsonInput& m : list) {
        cases::MaterialUpload u;
        OW_ASSIGN_OR_RETURN(u.requirement, m.String("requirement"));
        OW_ASSIGN_OR_RETURN(u.file_id, m.String("file"));
        OW_TRY(m.Finish());
        out.push_back(std::move(u));
    }
    return out;
}

Result<cases::SubmitRequest> ReadSubmission(JsonInput& in, const org::OrgSnapshot& org) {
    cases::SubmitRequest r;
    OW_ASSIGN_OR_RETURN(r.item_code, in.StringOr("item_code"));
    OW_ASSIGN_OR_RETURN(r.bundle_code, in.StringOr("bundle_code"));
    if (r.item_code.empty() == r.bundle_code.empty()) {
        return Error(ErrorCode::kMissingField).Field("item_code");
    }
    // Absent: applicants applying for themselves (the account says who they are).
    if (const auto* present = in.Raw("applicant"); present && !present->is_null()) {
        OW_ASSIGN_OR_RETURN(JsonInput a, in.Object("applicant"));
        OW_ASSIGN_OR_RETURN(r.applicant.type, a.String("type"));
        const char* id_field = r.applicant.type == "enterprise" ? "credit_code" : "id_number";
        OW_ASSIGN_OR_RETURN(r.applicant.id, a.String(id_field));
        OW_ASSIGN_OR_RETURN(r.applicant.name, a.String("name"));
        OW_TRY(a.Finish());
    }
    OW_ASSIGN_OR_RETURN(r.channel, in.String("channel"));
    if (const auto* sp = in.Raw("service_point"); sp && !sp->is_null()) {
        if (sp->is_int64()) {
            r.service_point_id = sp->as_int64();
        } else if (sp->is_string()) {
            for (const auto& p : org.service_points) {
                if (p.code == sp->as_string()) r.service_point_id = p.id;
            }
            if (!r.service_point_id)
                return Error(ErrorCode::kReferenceMissing).Field("service_point");
        } else {
            return Error(ErrorCode::kWrongType)
                .Field("service_point")
                .Param("expected", "a string");
        }
    }
    if (const auto* form = in.Raw("form"); form && !form->is_null()) {
        OW_ASSIGN_OR_RETURN(r.form, codec::ReadFormData(*form, "form"));
    }
    if (const auto* forms = in.Raw("forms"); forms && !forms->is_null()) {
        if (!forms->is_object()) {
            return Error(ErrorCode::kWrongType).Field("forms").Param("expected", "an object");
        }
        for (const auto& [item, f] : forms->as_object()) {
            OW_ASSIGN_OR_RETURN(r.forms[std::string(item)],
                                codec::ReadFormData(f, "forms." + std::string(item)));
        }
    }
    OW_ASSIGN_OR_RETURN(r.materials, ReadUploads(in, "materials"));
    OW_ASSIGN_OR_RETURN(r.vault_consent, in.BoolOr("vault_consent", false));
    if (const auto* c = in.Raw("consent"); c && !c->is_null()) {
        if (!c->is_object()) {
            return Error(ErrorCode::kWrongType).Field("consent").Param("expected", "an object");
        }
        JsonInput consent(c->as_object(), "consent");
        OW_ASSIGN_OR_RETURN(r.consent.given, consent.Bool("given"));
        OW_ASSIGN_OR_RETURN(r.consent.method, consent.StringOr("method"));
        OW_ASSIGN_OR_RETURN(r.consent.note, consent.StringOr("note"));
        OW_TRY(consent.Finish());
    }
    OW_ASSIGN_OR_RETURN(r.delivery, in.StringOr("delivery"));
    OW_ASSIGN_OR_RETURN(r.delivery_address, in.StringOr("delivery_address"));
    OW_TRY(in.Finish());
    return r;
}

// A body that may be absent (e.g. "accept" without deferred materials).
Result<JsonInput> OptionalBody(const Request& req) {
    if (req.body.empty()) return JsonInput::Owning(json::object{});
    return ParseJsonBody(req);
}

Result<Response> Reply(ApiContext& ctx, const Case& c, int status = 200) {
    auto item = ctx.catalog.ItemAt(c.item_code, c.item_version);
    PublishCaseChange(ctx.hub, c, ctx.org.Current());
    return Response::Json(status,
                          CaseView(c, item.ok() ? item->get() : nullptr, *ctx.org.Current()));
}

const auth::Access kApplicantsAndClerks =
    auth::Access::Roles({Role::kCitizen, Role::kEnterprise, Role::kWindowClerk, Role::kBankClerk},
                        auth::OrgScope::kOrgSubtree);
const auth::Access kCaseReaders =
    auth::Access::Roles({Role::kCitizen, Role::kEnterprise, Role::kWindowClerk, Role::kReviewer,
                         Role::kBankClerk, Role::kSupervisor, Role::kAdmin},
                        auth::OrgScope::kOrgSubtree);
const auth::Access kWindow = auth::Access::Roles({Role::kWindowClerk}, auth::OrgScope::kOrgSubtree);
const auth::Access kReviewers = auth::Access::Roles({Role::kReviewer});

// One decision of the window or the applicant: read the body, call the service, answer.
template <class F>
Handler CaseAction(ApiContext& ctx, F act) {
    return [&ctx, act](Request& req) -> Result<Response> {
        OW_ASSIGN_OR_RETURN(JsonInput in, OptionalBody(req));
        OW_ASSIGN_OR_RETURN(Case c, act(req, in));
        return Reply(ctx, c);
    };
}

}  // namespace

void AddCaseRoutes(Router& router, ApiContext& ctx) {
    router.Add(
        {"POST", "/api/v1/cases", kApplicantsAndClerks, [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
             OW_ASSIGN_OR_RETURN(cases::SubmitRequest r, ReadSubmission(in, *ctx.org.Current()));
             OW_ASSIGN_OR_RETURN(auto created, ctx.cases.Submit(*req.principal, r));
             if (created.size() == 1) return Reply(ctx, created[0], 201);
             json::array out;
             auto org = ctx.org.Current();
             for (const Case& c : created) {
                 PublishCaseChange(ctx.hub, c, org);
                 auto item = ctx.catalog.ItemAt(c.item_code, c.item_version);
                 out.push_back(CaseView(c, item.ok() ? item->get() : nullptr, *org));
             }
             return Response::Json(
                 201, json::object{{"bundle_application", created[0].bundle_application},
                                   {"cases", std::move(out)}});
         }});
    router.Add({"GET", "/api/v1/cases", kCaseReaders, [&ctx](Request& req) -> Result<Response> {
                    std::optional<cases::CaseStatus> status;
                    if (auto s = req.Query("status")) {
                        status = cases::ParseStatus(*s);
                        if (!status) {
                            return Error(ErrorCode::kInvalidValue)
                                .Field("status")
                                .Param("reason", "unknown_value:" + *s);
                        }
                    }
                    OW_ASSIGN_OR_RETURN(
                        auto list, ctx.cases.List(*req.principal, status, req.Query("applicant")));
                    json::array out;
                    auto org = ctx.org.Current();
                    for (const Case& c : list) {
                        auto item = ctx.catalog.ItemAt(c.item_code, c.item_version);
                        out.push_back(CaseView(c, item.ok() ? item->get() : nullptr, *org));
                    }
                    return Response::Json(json::object{{"cases", std::move(out)}});
                }});
    router.Add(
        {"GET", "/api/v1/cases/{id}", kCaseReaders, [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(Case c, ctx.cases.Get(*req.principal, req.Param("id")));
             auto item = ctx.catalog.ItemAt(c.item_code, c.item_version);
             return Response::Json(
                 CaseView(c, item.ok() ? item->get() : nullptr, *ctx.org.Current()));
         }});
    router.Add(
        {"GET", "/api/v1/cases/{id}/precheck", kWindow, [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(Case c, ctx.cases.Get(*req.principal, req.Param("id")));
             OW_ASSIGN_OR_RETURN(auto item, ctx.cases.ItemOf(c));
             json::array lines;
             for (const auto& l : cases::CaseService::Precheck(c, *item)) {
                 std::string state =
                     l.state ? std::string(cases::MaterialStateName(l.state->state)) : "missing";
                 if (state == "missing" && l.can_defer) state = "deferrable";
                 lines.push_back({{"requirement", l.material->code},
                                  {"name_zh", l.material->name.zh},
                                  {"name_en", l.material->name.en},
                                  {"kind", l.material->requirement},
                                  {"condition_zh", l.material->condition.zh},
                                  {"condition_en", l.material->condition.en},
                                  {"legal_basis", l.material->legal_basis},
                                  {"document_type", l.material->document_type},
                                  {"state", state},
                                  {"file", l.state ? l.state->file_id : ""},
                                  {"can_defer", l.can_defer}});
             }
             return Response::Json(json::object{{"case_id", c.id},
                                                {"status", cases::StatusName(c.status)},
                                                {"deficiency_tolerant", item->deficiency_tolerant},
                                                {"materials", std::move(lines)}});
         }});
    router.Add({"GET", "/api/v1/cases/{id}/events", kCaseReaders,
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto events,
                                        ctx.cases.History(*req.principal, req.Param("id")));
                    json::array out;
                    for (const auto& e : events) {
                        json::object data;
                        for (const auto& [k, v] : e.event.data) data[k] = v;
                        out.push_back({{"seq", e.seq},
                                       {"at", FormatTimestamp(e.event.at)},
                                       {"actor", OrNull(e.event.actor)},
                                       {"channel", e.event.channel},
                                       {"type", e.event.type},
                                       {"data", std::move(data)},
                                       {"prev_hash", e.prev_hash},
                                       {"hash", e.hash}});
                    }
                    return Response::Json(json::object{{"events", std::move(out)}});
                }});
    router.Add(
        {"GET", "/api/v1/cases/{id}/reads", kCaseReaders, [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(auto reads, ctx.cases.Reads(*req.principal, req.Param("id")));
             std::map<int64_t, std::string> names;
             json::array out;
             for (const auto& r : reads) {
                 if (!names.count(r.user_id)) {
                     auto user = ctx.auth.GetUser(r.user_id);
                     names[r.user_id] = user.ok() ? user->display_name : "";
                 }
                 out.push_back({{"at", FormatTimestamp(r.at)},
                                {"user_id", r.user_id},
                                {"display_name", names[r.user_id]},
                                {"purpose", r.purpose}});
             }
             return Response::Json(json::object{{"reads", std::move(out)}});
         }});
    router.Add({"POST", "/api/v1/cases/{id}/accept", kWindow,
                CaseAction(ctx, [&ctx](Request& req, JsonInput& in) -> Result<Case> {
                    cases::AcceptInput a;
                    if (const auto* d = in.Raw("deferred"); d && !d->is_null()) {
                        if (!d->is_array()) {
                            return Error(ErrorCode::kWrongType)
                                .Field("deferred")
                                .Param("expected", "an array");
                        }
                        for (const auto& x : d->as_array()) {
                            if (x.is_string()) {
                                a.deferred.emplace_back(std::string(x.as_string()), std::nullopt);
                            } else if (x.is_object()) {
                                JsonInput o(x.as_object(), "deferred");
                                OW_ASSIGN_OR_RETURN(std::string code, o.String("requirement"));
                                std::optional<Date> due;
                                if (o.Has("due")) {
                                    OW_ASSIGN_OR_RETURN(due, o.DateField("due"));
                                }
                                OW_TRY(o.Finish());
                                a.deferred.emplace_back(code, due);
                            } else {
                                return Error(ErrorCode::kWrongType)
                                    .Field("deferred")
                                    .Param("expected", "an array");
                            }
                        }
                    }
                    OW_ASSIGN_OR_RETURN(auto waived, in.OptStringArray("waived"));
                    a.waived = waived.value_or(std::vector<std::string>{});
                    OW_ASSIGN_OR_RETURN(a.commitment, in.StringOr("commitment"));
                    OW_TRY(in.Finish());
                    return ctx.cases.Accept(*req.principal, req.Param("id"), a);
                })});
    router.Add({"POST", "/api/v1/cases/{id}/return", kWindow,
                CaseAction(ctx, [&ctx](Request& req, JsonInput& in) -> Result<Case> {
                    OW_ASSIGN_OR_RETURN(auto problems, in.Objects("problems", nullptr));
                    std::vector<cases::NoticeLine> lines;
                    for (JsonInput& p : problems) {
                        cases::NoticeLine l;
                        OW_ASSIGN_OR_RETURN(l.subject, p.StringOr("subject"));
                        OW_ASSIGN_OR_RETURN(l.message, p.String("message"));
                        OW_TRY(p.Finish());
                        lines.push_back(std::move(l));
                    }
                    OW_TRY(in.Finish());
                    return ctx.cases.Return(*req.principal, req.Param("id"), std::move(lines));
                })});
    router.Add({"POST", "/api/v1/cases/{id}/refuse", kWindow,
                CaseAction(ctx, [&ctx](Request& req, JsonInput& in) -> Result<Case> {
                    OW_ASSIGN_OR_RETURN(std::string reason, in.StringOr("reason"));
                    OW_TRY(in.Finish());
                    return ctx.cases.Refuse(*req.principal, req.Param("id"), reason);
                })});
    router.Add({"POST", "/api/v1/cases/{id}/deliver", kWindow,
                CaseAction(ctx, [&ctx](Request& req, JsonInput& in) -> Result<Case> {
                    OW_ASSIGN_OR_RETURN(std::string tracking, in.StringOr("tracking"));
                    OW_TRY(in.Finish());
                    return ctx.cases.Deliver(*req.principal, req.Param("id"), tracking);
                })});
    router.Add({"POST", "/api/v1/cases/{id}/withdraw", kApplicantsAndClerks,
                CaseAction(ctx, [&ctx](Request& req, JsonInput& in) -> Result<Case> {
                    OW_ASSIGN_OR_RETURN(std::string reason, in.StringOr("reason"));
                    OW_TRY(in.Finish());
                    return ctx.cases.Withdraw(*req.principal, req.Param("id"), reason);
                })});
    router.Add({"POST", "/api/v1/cases/{id}/resubmit", kApplicantsAndClerks,
                CaseAction(ctx, [&ctx](Request& req, JsonInput& in) -> Result<Case> {
                    std::optional<catalog::FormData> form;
                    if (const auto* f = in.Raw("form"); f && !f->is_null()) {
                        OW_ASSIGN_OR_RETURN(form, codec::ReadFormData(*f, "form"));
                    }
                    OW_ASSIGN_OR_RETURN(auto uploads, ReadUploads(in, "materials"));
                    OW_TRY(in.Finish());
                    return ctx.cases.Resubmit(*req.principal, req.Param("id"), form, uploads);
                })});
    router.Add({"POST", "/api/v1/cases/{id}/supplements", kApplicantsAndClerks,
                CaseAction(ctx, [&ctx](Request& req, JsonInput& in) -> Result<Case> {
                    OW_ASSIGN_OR_RETURN(auto uploads, ReadUploads(in, "materials"));
                    OW_TRY(in.Finish());
                    return ctx.cases.Supply(*req.principal, req.Param("id"), uploads);
                })});

    router.Add({"POST", "/api/v1/admin/sweep", auth::Access::Roles({Role::kAdmin}),
                [&ctx](Request&) -> Result<Response> {
                    auto org = ctx.org.Current();
                    OW_ASSIGN_OR_RETURN(auto report, ctx.cases.Sweep(10000, [&](const Case& c) {
                        PublishCaseChange(ctx.hub, c, org);
                    }));
                    return Response::Json(json::object{{"checked", report.checked},
                                                       {"changed", report.changed},
                                                       {"failed", report.failed}});
                }});
    router.Add({"GET", "/api/v1/tasks", kReviewers, [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto tasks, ctx.cases.Inbox(*req.principal));
                    auto org = ctx.org.Current();
                    auto cal = ctx.calendar.Current();
                    Date today = LocalDate(ctx.clock.Now());
                    json::array out;
                    for (const auto& t : tasks) {
                        auto item = ctx.catalog.ItemAt(t.item_code, t.item_version);
                        out.push_back(
                            InboxView(t, item.ok() ? item->get() : nullptr, *org, today, *cal));
                    }
                    return Response::Json(json::object{{"tasks", std::move(out)}});
                }});
    router.Add({"GET", "/api/v1/tasks/{id}", kReviewers, [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "task"));
                    OW_ASSIGN_OR_RETURN(auto t, ctx.cases.TaskOf(*req.principal, id));
                    auto item = ctx.catalog.ItemAt(t.item_code, t.item_version);
                    return Response::Json(InboxView(t, item.ok() ? item->get() : nullptr,
                                                    *ctx.org.Current(), LocalDate(ctx.clock.Now()),
                                                    *ctx.calendar.Current()));
                }});
    router.Add(
        {"POST", "/api/v1/tasks/{id}/claim", kReviewers, [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "task"));
             OW_ASSIGN_OR_RETURN(Case c, ctx.cases.Claim(*req.principal, id));
             return Reply(ctx, c);
         }});
    router.Add({"POST", "/api/v1/tasks/{id}/decision", kReviewers,
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "task"));
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    cases::Decision d;
                    OW_ASSIGN_OR_RETURN(d.decision, in.String("decision"));
                    OW_ASSIGN_OR_RETURN(d.opinion, in.StringOr("opinion"));
                    OW_ASSIGN_OR_RETURN(auto requested, in.OptStringArray("materials"));
                    d.requested = requested.value_or(std::vector<std::string>{});
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(Case c, ctx.cases.Decide(*req.principal, id, d));
                    return Reply(ctx, c);
                }});

    router.Add({"POST", "/api/v1/files", kApplicantsAndClerks,
                [&ctx](Request& req) -> Result<Response> {
                    std::string_view type = req.Header("content-type");
                    std::string content, name;
                    if (type.rfind("multipart/form-data", 0) == 0) {
                        OW_ASSIGN_OR_RETURN(UploadedPart part, FirstFilePart(type, req.body));
                        content = std::move(part.content);
                        name = part.filename;
                    } else {
                        content = req.body;
                        // Percent-encoded (encodeURIComponent), as a header carries no
                        // non-ASCII name reliably; a bad encoding is the same as none.
                        auto encoded = boost::urls::make_pct_string_view(req.Header("x-file-name"));
                        if (encoded) name = encoded->decode();
                    }
                    OW_ASSIGN_OR_RETURN(std::string sniffed, vault::SniffContentType(content));
                    if (!IsValidName(name, 200)) name = "upload";
                    vault::StoredFile f;
                    f.id = vault::NewFileId();
                    f.sha256 = Sha256Hex(content);
                    f.size = static_cast<int64_t>(content.size());
                    f.content_type = sniffed;
                    f.name = name;
                    f.uploaded_by = req.principal->user_id;
                    f.created_at = ctx.clock.Now();
                    OW_ASSIGN_OR_RETURN(vault::StoredFile saved, ctx.vault.SaveFile(f, content));
                    return Response::Json(201, json::object{{"id", saved.id},
                                                            {"sha256", saved.sha256},
                                                            {"size", saved.size},
                                                            {"content_type", saved.content_type},
                                                            {"name", saved.name}});
                },
                vault::kMaxFileBytes + (64 << 10)});
    router.Add(
        {"GET", "/api/v1/files/{id}", kCaseReaders, [&ctx](Request& req) -> Result<Response> {
             OW_ASSIGN_OR_RETURN(vault::StoredFile f,
                                 ctx.cases.FileFor(*req.principal, req.Param("id")));
             OW_ASSIGN_OR_RETURN(auto content, ctx.vault.FileContent(f.id));
             if (!content) return Error(ErrorCode::kNotFound).Param("what", "file");
             // Shown inside this site's own pages (the reviewer's viewer), nowhere else; the
             // file itself may run nothing.
             return Response::Text(200, std::move(*content), f.content_type)
                 .Header("Content-Disposition", "inline")
                 .Header("Cache-Control", "private, no-store")
                 .Header("X-Frame-Options", "SAMEORIGIN")
                 .Header("Content-Security-Policy",
                         "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
                         "frame-ancestors 'self'");
         }});
    router.Add(
        {"GET", "/api/v1/vault", kApplicantsAndClerks, [&ctx](Request& req) -> Result<Response> {
             std::string holder = req.Query("holder").value_or(
                 req.principal->id_number.value_or(req.principal->credit_code.value_or("")));
             OW_ASSIGN_OR_RETURN(auto docs, ctx.cases.VaultOf(*req.principal, holder));
             Date today = LocalDate(ctx.clock.Now());
             auto cat = ctx.catalog.Current();
             json::array out;
             for (const auto& d : docs) {
                 json::object o{
                     {"id", d.id},
                     {"document_type", d.document_type},
                     {"file_id", d.file_id},
                     {"source", d.source},
                     {"source_case", d.source_case},
                     {"valid_from", FormatDate(d.valid_from)},
                     {"valid_until", d.valid_until ? json::value(FormatDate(*d.valid_until))
                                                   : json::value(nullptr)},
                     {"valid", d.ValidOn(today)},
                     // A result that is an e-license: its number and issuer, and whether it
                     // may be reused (not revoked, suspended, expired or superseded).
                     {"license_number",
                      d.license ? json::value(d.license->number) : json::value(nullptr)},
                     {"issuer", d.license
                                    ? json::value(json::object{{"name_zh", d.license->issuer_zh},
                                                               {"name_en", d.license->issuer_en}})
                                    : json::value(nullptr)},
                     {"reusable", d.Reusable(today)}};
                 if (const auto* t = cat->FindDocumentType(d.document_type)) {
                     o["name_zh"] = t->name.zh;
                     o["name_en"] = t->name.en;
                 }
                 out.push_back(std::move(o));
             }
             return Response::Json(json::object{{"holder", holder}, {"documents", std::move(out)}});
         }});
}

}  // namespace ow::http
