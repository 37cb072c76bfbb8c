// Notices: each person's inbox and contact settings, the outbox for administrators, and the
// message gateway's signed delivery receipts.
#include <boost/json.hpp>

#include "codec/notice_template_json.hpp"
#include "common/sha256.hpp"
#include "http/api_context.hpp"
#include "http/json_input.hpp"
#include "http/notice_json.hpp"
#include "http/route_helpers.hpp"
#include "notices/notice_event.hpp"

namespace ow::http {
namespace {

using auth::Role;

const auth::Access kAdmins = auth::Access::Roles({Role::kAdmin});
const auth::Access kOutboxReaders = auth::Access::Roles({Role::kAdmin, Role::kSupervisor});

notices::NoticeService& Notices(ApiContext& ctx) {
    if (!ctx.notices) throw std::logic_error("notices not wired");
    return *ctx.notices;
}

int LimitOf(const Request& req, int fallback) {
    auto l = req.Query("limit");
    return l ? std::atoi(l->c_str()) : fallback;
}

// Tells the person's open pages how many notices are unread now.
Result<int64_t> PublishUnread(ApiContext& ctx, int64_t user) {
    OW_ASSIGN_OR_RETURN(int64_t unread, Notices(ctx).Unread(user));
    ctx.hub.Publish(Audience::User(user), boost::json::serialize(boost::json::object{
                                              {"type", "notice.read"}, {"unread", unread}}));
    return unread;
}

// An optional string where "" and null both mean none.
Result<std::optional<std::string>> Address(JsonInput& in, const char* name) {
    OW_ASSIGN_OR_RETURN(auto v, in.OptString(name));
    if (v && v->empty()) v.reset();
    return v;
}

// The template as the catalog file has it, with what the editor shows about its event.
boost::json::object TemplateJson(const notices::NoticeTemplate& t) {
    boost::json::object out = codec::WriteNoticeTemplate(t);
    if (const notices::NoticeEvent* e = notices::FindNoticeEvent(t.event)) {
        out["description_zh"] = e->description_zh;
        out["description_en"] = e->description_en;
        boost::json::array names;
        for (auto p : e->placeholders) names.push_back(boost::json::string(p));
        out["placeholders"] = std::move(names);
    }
    return out;
}
}  // namespace

void AddNoticeRoutes(Router& router, ApiContext& ctx) {
    router.Add({"GET", "/api/v1/notices", auth::Access::AnyUser(),
                [&ctx](Request& req) -> Result<Response> {
                    const int64_t user = req.principal->user_id;
                    bool unread_only = req.Query("unread").value_or("") == "1";
                    OW_ASSIGN_OR_RETURN(auto list,
                                        Notices(ctx).List(user, unread_only, LimitOf(req, 50)));
                    OW_ASSIGN_OR_RETURN(int64_t unread, Notices(ctx).Unread(user));
                    boost::json::array out;
                    for (const auto& n : list) out.push_back(NoticeJson(n));
                    return Response::Json(
                        boost::json::object{{"notices", std::move(out)}, {"unread", unread}});
                }});
    router.Add({"POST", "/api/v1/notices/read-all", auth::Access::AnyUser(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_TRY(Notices(ctx).MarkAllRead(req.principal->user_id));
                    OW_ASSIGN_OR_RETURN(int64_t unread, PublishUnread(ctx, req.principal->user_id));
                    return Response::Json(boost::json::object{{"unread", unread}});
                }});
    router.Add({"POST", "/api/v1/notices/{id}/read", auth::Access::AnyUser(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "notice"));
                    OW_ASSIGN_OR_RETURN(auto n, Notices(ctx).MarkRead(req.principal->user_id, id));
                    OW_TRY(PublishUnread(ctx, req.principal->user_id));
                    return Response::Json(NoticeJson(n));
                }});
    router.Add({"GET", "/api/v1/me/contact", auth::Access::AnyUser(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto c, Notices(ctx).ContactOf(req.principal->user_id));
                    return Response::Json(ContactJson(c));
                }});
    router.Add({"PUT", "/api/v1/me/contact", auth::Access::AnyUser(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    notices::Contact c;
                    c.user_id = req.principal->user_id;
                    OW_ASSIGN_OR_RETURN(c.email, Address(in, "email"));
                    OW_ASSIGN_OR_RETURN(c.mobile, Address(in, "mobile"));
                    OW_ASSIGN_OR_RETURN(auto channels, in.OptStringArray("channels"));
                    c.channels = channels.value_or(std::vector<std::string>{});
                    OW_ASSIGN_OR_RETURN(c.language, in.StringOr("language", "zh-CN"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(auto saved, Notices(ctx).SetContact(std::move(c)));
                    return Response::Json(ContactJson(saved));
                }});
    router.Add(
        {"GET", "/api/v1/admin/outbox", kOutboxReaders, [&ctx](Request& req) -> Result<Response> {
             std::optional<std::string> status = req.Query("status");
             if (status && status->empty()) status.reset();
             OW_ASSIGN_OR_RETURN(auto messages, Notices(ctx).Outbox(status, LimitOf(req, 100)));
             OW_ASSIGN_OR_RETURN(auto counts, Notices(ctx).OutboxCounts());
             boost::json::array out;
             for (const auto& m : messages) out.push_back(MessageJson(m));
             boost::json::object by_status;
             for (const auto& [k, v] : counts) by_status[k] = v;
             return Response::Json(boost::json::object{{"messages", std::move(out)},
                                                       {"counts", std::move(by_status)}});
         }});
    router.Add({"POST", "/api/v1/admin/outbox/{id}/retry", kAdmins,
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(int64_t id, IdParam(req, "id", "message"));
                    OW_ASSIGN_OR_RETURN(auto m, Notices(ctx).Requeue(id));
                    if (ctx.poke_outbox) ctx.poke_outbox();
                    return Response::Json(MessageJson(m));
                }});
    // The gateway is no user: it proves itself with the shared secret's signature of the body.
    router.Add({"POST", "/api/v1/outbox/receipts", auth::Access::Public(),
                [&ctx](Request& req) -> Result<Response> {
                    // A public route: a bad signature is a bad request, not a missing session.
                    auto bad_signature = [] {
                        return Error(ErrorCode::kInvalidValue)
                            .Field("X-Onewindow-Signature")
                            .Param("reason", "bad_signature");
                    };
                    if (ctx.webhook_secret.empty()) return bad_signature();
                    std::string expected = "sha256=" + HmacSha256Hex(ctx.webhook_secret, req.body);
                    if (!ConstantTimeEquals(req.Header("x-onewindow-signature"), expected)) {
                        return bad_signature();
                    }
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(std::string id, in.String("id"));
                    OW_ASSIGN_OR_RETURN(std::string status, in.String("status"));
                    OW_TRY(in.Finish());
                    OW_TRY(Notices(ctx).Receipt(id, status));
                    return Response::NoContent();
                }});
    router.Add({"GET", "/api/v1/notice-templates", kAdmins, [&ctx](Request&) -> Result<Response> {
                    boost::json::array out;
                    for (const auto& t : Notices(ctx).Templates()) out.push_back(TemplateJson(t));
                    return Response::Json(boost::json::object{{"templates", std::move(out)}});
                }});
    router.Add({"PUT", "/api/v1/notice-templates/{event}", kAdmins,
                [&ctx](Request& req) -> Result<Response> {
                    notices::NoticeTemplate t;
                    t.event = req.Param("event");
                    if (!notices::FindNoticeEvent(t.event)) {
                        return Error(ErrorCode::kNotFound).Param("what", "notice");
                    }
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(t.zh, codec::ReadNoticeText(in, "zh"));
                    OW_ASSIGN_OR_RETURN(t.en, codec::ReadNoticeText(in, "en"));
                    OW_TRY(in.Finish());
                    OW_ASSIGN_OR_RETURN(auto saved,
                                        Notices(ctx).PutTemplate(t, req.principal->user_id));
                    return Response::Json(TemplateJson(saved));
                }});
}

}  // namespace ow::http
