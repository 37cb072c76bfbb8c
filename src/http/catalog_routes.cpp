// The service catalog: the public service guide (items, bundles, document types) and its
// administration (put an item, import and export the whole catalog).
#include <boost/json.hpp>

#include "catalog/bundle.hpp"
#include "catalog/catalog_service.hpp"
#include "codec/catalog_json.hpp"
#include "codec/notice_template_json.hpp"
#include "http/api_context.hpp"
#include "http/json_input.hpp"
#include "http/route_helpers.hpp"

namespace ow::http {
namespace {

namespace json = boost::json;
using catalog::Item;

json::array Strings(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

bool Mentions(const Item& i, const std::string& q) {
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    std::string needle = lower(q);
    return lower(i.code).find(needle) != std::string::npos ||
           i.name.zh.find(q) != std::string::npos ||
           lower(i.name.en).find(needle) != std::string::npos;
}

// What a list of the service guide shows of an item.
json::object Summary(const Item& i) {
    int deferrable = 0, from_vault = 0;
    for (const auto& m : i.materials) {
        deferrable += m.deferrable ? 1 : 0;
        from_vault += m.document_type.empty() ? 0 : 1;
    }
    return {{"code", i.code},
            {"version", i.version},
            {"name_zh", i.name.zh},
            {"name_en", i.name.en},
            {"department", i.department},
            {"kind", i.kind},
            {"subject", i.subject},
            {"levels", Strings(i.levels)},
            {"channels", Strings(i.channels)},
            {"life_events", Strings(i.life_events)},
            {"statutory_limit_days", i.statutory_limit_days},
            {"promised_limit_days", i.promised_limit_days},
            {"max_visits", i.max_visits},
            {"deficiency_tolerant", i.deficiency_tolerant},
            {"fully_online", i.fully_online},
            {"instant_approval", i.instant_approval},
            {"materials", i.materials.size()},
            {"materials_from_vault", from_vault},
            {"materials_deferrable", deferrable},
            {"stages", i.workflow.size()}};
}

Result<Response> ListItems(ApiContext& ctx, const Request& req) {
    auto catalog = ctx.catalog.Current();
    // An empty value (a form's "any" choice) filters nothing.
    auto filter = [&](const char* name) {
        auto v = req.Query(name);
        return v && !v->empty() ? v : std::nullopt;
    };
    json::array out;
    for (const Item& i : catalog->items) {
        if (auto d = filter("department"); d && i.department != *d) continue;
        if (auto l = filter("level"); l && !i.HasLevel(*l)) continue;
        if (auto c = filter("channel"); c && !i.HasChannel(*c)) continue;
        if (auto e = filter("life_event"); e && !Contains(i.life_events, *e)) continue;
        if (auto s = filter("subject"); s && i.subject != *s && i.subject != "both") continue;
        if (auto k = filter("kind"); k && i.kind != *k) continue;
        if (filter("deficiency_tolerant") == "true" && !i.deficiency_tolerant) continue;
        if (filter("fully_online") == "true" && !i.fully_online) continue;
        if (auto q = filter("q"); q && !q->empty() && !Mentions(i, *q)) continue;
        out.push_back(Summary(i));
    }
    return Response::Json(json::object{{"items", std::move(out)}});
}

json::object BundleJson(const catalog::Catalog& c, const catalog::Bundle& b) {
    json::object o = codec::WriteBundle(b);
    std::vector<const Item*> items;
    for (const auto& code : b.items) {
        if (const Item* i = c.FindItem(code)) items.push_back(i);
    }
    json::array materials;
    for (const auto& m : catalog::MergeMaterials(items)) {
        json::object mo = codec::WriteMaterial(m.material);
        mo["items"] = Strings(m.items);
        materials.push_back(std::move(mo));
    }
    o["materials"] = std::move(materials);
    int separate = 0;
    for (const Item* i : items) separate += static_cast<int>(i->materials.size());
    o["materials_if_separate"] = separate;
    return o;
}

const auth::Access kAdmins = auth::Access::Roles({auth::Role::kAdmin});

}  // namespace

void AddCatalogRoutes(Router& router, ApiContext& ctx) {
    router.Add({"GET", "/api/v1/items", auth::Access::Public(),
                [&ctx](Request& req) { return ListItems(ctx, req); }});
    router.Add({"GET", "/api/v1/items/{code}", auth::Access::Public(),
                [&ctx](Request& req) -> Result<Response> {
                    const std::string& code = req.Param("code");
                    std::shared_ptr<const Item> item;
                    if (auto v = req.Query("version")) {
                        int version = std::atoi(v->c_str());
                        if (version <= 0) return Error(ErrorCode::kNotFound).Param("what", "item");
                        OW_ASSIGN_OR_RETURN(item, ctx.catalog.ItemAt(code, version));
                    } else {
                        const Item* current = ctx.catalog.Current()->FindItem(code);
                        if (!current) return Error(ErrorCode::kNotFound).Param("what", "item");
                        item = std::make_shared<const Item>(*current);
                    }
                    return Response::Json(codec::WriteItem(*item, true));
                }});
    router.Add({"GET", "/api/v1/items/{code}/versions", auth::Access::Public(),
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(auto versions, ctx.catalog.Versions(req.Param("code")));
                    if (versions.empty()) return Error(ErrorCode::kNotFound).Param("what", "item");
                    json::array out;
                    for (const auto& v : versions) {
                        out.push_back({{"version", v.version},
                                       {"created_at", FormatTimestamp(v.created_at)},
                                       {"created_by", OrNull(v.created_by)}});
                    }
                    return Response::Json(json::object{{"versions", std::move(out)}});
                }});
    router.Add({"PUT", "/api/v1/items/{code}", kAdmins,
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(Item item, codec::ReadItem(in));
                    if (item.code != req.Param("code")) {
                        return Error(ErrorCode::kInvalidValue)
                            .Field("code")
                            .Param("reason", "code_mismatch");
                    }
                    OW_ASSIGN_OR_RETURN(Item saved,
                                        ctx.catalog.PutItem(item, req.principal->user_id));
                    ctx.hub.Publish(Audience::Everyone(), R"({"type":"catalog.changed"})");
                    return Response::Json(codec::WriteItem(saved, true));
                },
                4 << 20});
    router.Add(
        {"GET", "/api/v1/bundles", auth::Access::Public(), [&ctx](Request&) -> Result<Response> {
             auto c = ctx.catalog.Current();
             json::array out;
             for (const auto& b : c->bundles) out.push_back(BundleJson(*c, b));
             return Response::Json(json::object{{"bundles", std::move(out)}});
         }});
    router.Add({"GET", "/api/v1/bundles/{code}", auth::Access::Public(),
                [&ctx](Request& req) -> Result<Response> {
                    auto c = ctx.catalog.Current();
                    const catalog::Bundle* b = c->FindBundle(req.Param("code"));
                    if (!b) return Error(ErrorCode::kNotFound).Param("what", "bundle");
                    return Response::Json(BundleJson(*c, *b));
                }});
    router.Add({"GET", "/api/v1/document-types", auth::Access::Public(),
                [&ctx](Request&) -> Result<Response> {
                    json::array out;
                    for (const auto& t : ctx.catalog.Current()->document_types) {
                        out.push_back(codec::WriteDocumentType(t));
                    }
                    return Response::Json(json::object{{"document_types", std::move(out)}});
                }});
    router.Add({"POST", "/api/v1/catalog/import", kAdmins,
                [&ctx](Request& req) -> Result<Response> {
                    OW_ASSIGN_OR_RETURN(JsonInput in, ParseJsonBody(req));
                    OW_ASSIGN_OR_RETURN(catalog::Catalog c, codec::ReadCatalog(in));
                    // Checked with the catalog, before anything is saved.
                    OW_ASSIGN_OR_RETURN(auto templates, codec::ReadNoticeTemplates(in));
                    bool dry_run = req.Query("dry_run") == "true";
                    catalog::ImportSummary s;
                    int templates_changed = 0;
                    if (dry_run) {
                        OW_ASSIGN_OR_RETURN(s, ctx.catalog.PreviewImport(c));
                        OW_ASSIGN_OR_RETURN(templates_changed,
                                            ctx.notices->ImportTemplates(templates, {}, true));
                    } else {
                        OW_ASSIGN_OR_RETURN(s, ctx.catalog.Import(c, req.principal->user_id));
                        OW_ASSIGN_OR_RETURN(
                            templates_changed,
                            ctx.notices->ImportTemplates(templates, req.principal->user_id));
                        ctx.hub.Publish(Audience::Everyone(), R"({"type":"catalog.changed"})");
                    }
                    return Response::Json(json::object{{"dry_run", dry_run},
                                                       {"added", s.added},
                                                       {"updated", s.updated},
                                                       {"unchanged", s.unchanged},
                                                       {"deactivated", s.deactivated},
                                                       {"notice_templates", templates_changed}});
                },
                32 << 20});
    router.Add({"GET", "/api/v1/catalog/export", kAdmins, [&ctx](Request&) -> Result<Response> {
                    boost::json::object doc = codec::WriteCatalog(*ctx.catalog.Current());
                    doc["notice_templates"] = codec::WriteNoticeTemplates(ctx.notices->Templates());
                    return Response::Json(std::move(doc));
                }});
}

}  // namespace ow::http
