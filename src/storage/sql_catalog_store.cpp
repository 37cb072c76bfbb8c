#include "storage/sql_catalog_store.hpp"

#include <boost/json.hpp>

#include "codec/catalog_json.hpp"
#include "storage/admin_log_sql.hpp"

namespace ow::storage {

using catalog::Item;

namespace {

Result<codec::JsonReader> ParseStored(const std::string& text) {
    auto in = codec::JsonReader::Parse(text);
    if (!in.ok())
        return Error(ErrorCode::kStorageError).Detail("stored catalog document unreadable");
    return in;
}

Result<Item> ReadStoredItem(const std::string& text, int version) {
    OW_ASSIGN_OR_RETURN(codec::JsonReader in, ParseStored(text));
    auto item = codec::ReadItem(in);
    if (!item.ok()) {
        return Error(ErrorCode::kStorageError)
            .Detail("stored item unreadable: " + item.error().field());
    }
    item->version = version;
    return item;
}

// A document-type or bundle array stored one row per entry: read back through the file form.
template <class T>
Result<std::vector<T>> ReadStoredList(Connection& c, const char* table, const char* field) {
    OW_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string("SELECT document FROM ") + table + " ORDER BY position"));
    boost::json::array array;
    for (const Row& r : rows) {
        boost::system::error_code ec;
        auto v = boost::json::parse(r.Text(0), ec);
        if (ec) return Error(ErrorCode::kStorageError).Detail("stored catalog document unreadable");
        array.push_back(std::move(v));
    }
    boost::json::object doc{{"format", codec::kCatalogFormat},
                            {"items", boost::json::array()},
                            {field, std::move(array)}};
    codec::JsonReader in(doc, "");
    auto catalog = codec::ReadCatalog(in);
    if (!catalog.ok()) return Error(ErrorCode::kStorageError).Detail("stored catalog unreadable");
    if constexpr (std::is_same_v<T, catalog::DocumentType>) {
        return std::move(catalog->document_types);
    } else {
        return std::move(catalog->bundles);
    }
}

}  // namespace

Result<catalog::Catalog> SqlCatalogStore::LoadCurrent() {
    return db_.Read([](Connection& c) -> Result<catalog::Catalog> {
        catalog::Catalog out;
        OW_ASSIGN_OR_RETURN(out.document_types, ReadStoredList<catalog::DocumentType>(
                                                    c, "catalog_document_types", "document_types"));
        OW_ASSIGN_OR_RETURN(out.bundles,
                            ReadStoredList<catalog::Bundle>(c, "catalog_bundles", "bundles"));
        OW_ASSIGN_OR_RETURN(auto rows,
                            c.Query("SELECT v.document, v.version FROM catalog_items i "
                                    "JOIN catalog_item_versions v ON v.item_code = i.code AND "
                                    "v.version = i.current_version WHERE i.active = 1 "
                                    "ORDER BY i.position, i.code"));
        for (const Row& r : rows) {
            OW_ASSIGN_OR_RETURN(Item item, ReadStoredItem(r.Text(0), static_cast<int>(r.Int(1))));
            out.items.push_back(std::move(item));
        }
        return out;
    });
}

Result<std::optional<Item>> SqlCatalogStore::LoadItemVersion(const std::string& code, int version) {
    return db_.Read([&](Connection& c) -> Result<std::optional<Item>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT document FROM catalog_item_versions "
                                               "WHERE item_code = $1 AND version = $2",
                                               {code, int64_t{version}}));
        if (rows.empty()) return std::optional<Item>();
        OW_ASSIGN_OR_RETURN(Item item, ReadStoredItem(rows[0].Text(0), version));
        return std::optional<Item>(std::move(item));
    });
}

Result<std::vector<catalog::ItemVersionInfo>> SqlCatalogStore::ItemVersions(
    const std::string& code) {
    return db_.Read([&](Connection& c) -> Result<std::vector<catalog::ItemVersionInfo>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT version, created_at, created_by FROM "
                                               "catalog_item_versions WHERE item_code = $1 "
                                               "ORDER BY version",
                                               {code}));
        std::vector<catalog::ItemVersionInfo> out;
        for (const Row& r : rows) {
            out.push_back({static_cast<int>(r.Int(0)), FromMillis(r.Int(1)), r.OptInt(2)});
        }
        return out;
    });
}

Result<void> SqlCatalogStore::Apply(const catalog::CatalogChange& change) {
    return db_.Write([&](Connection& c) -> Result<void> {
        if (change.document_types) {
            OW_TRY(c.Execute("DELETE FROM catalog_document_types"));
            int64_t pos = 0;
            for (const auto& t : *change.document_types) {
                OW_TRY(c.Execute(
                    "INSERT INTO catalog_document_types (code, position, document) "
                    "VALUES ($1, $2, $3)",
                    {t.code, pos++, boost::json::serialize(codec::WriteDocumentType(t))}));
            }
        }
        if (change.bundles) {
            OW_TRY(c.Execute("DELETE FROM catalog_bundles"));
            int64_t pos = 0;
            for (const auto& b : *change.bundles) {
                OW_TRY(
                    c.Execute("INSERT INTO catalog_bundles (code, position, document) "
                              "VALUES ($1, $2, $3)",
                              {b.code, pos++, boost::json::serialize(codec::WriteBundle(b))}));
            }
        }
        OW_ASSIGN_OR_RETURN(auto max_pos, c.Query("SELECT max(position) FROM catalog_items"));
        int64_t next_pos = max_pos.empty() || max_pos[0].IsNull(0) ? 0 : max_pos[0].Int(0) + 1;
        for (const Item& item : change.new_versions) {
            auto inserted = c.Execute(
                "INSERT INTO catalog_item_versions (item_code, version, document, created_at, "
                "created_by) VALUES ($1, $2, $3, $4, $5)",
                {item.code, int64_t{item.version}, boost::json::serialize(codec::WriteItem(item)),
                 Millis(change.log.at), Nullable(change.log.actor_id)});
            if (!inserted.ok()) {
                if (inserted.error().code() == ErrorCode::kAlreadyExists) {
                    return Error(ErrorCode::kConflict).Param("reason", "item_version_taken");
                }
                return std::move(inserted).error();
            }
            OW_TRY(c.Execute(
                "INSERT INTO catalog_items (code, current_version, active, department, position) "
                "VALUES ($1, $2, 1, $3, $4) ON CONFLICT (code) DO UPDATE SET "
                "current_version = excluded.current_version, active = 1, "
                "department = excluded.department",
                {item.code, int64_t{item.version}, item.department, next_pos++}));
        }
        for (const std::string& code : change.deactivated) {
            OW_TRY(c.Execute("UPDATE catalog_items SET active = 0 WHERE code = $1", {code}));
        }
        return AppendAdminLog(c, change.log);
    });
}

}  // namespace ow::storage
