#include "storage/sql_vault_store.hpp"

#include "storage/admin_log_sql.hpp"

namespace ow::storage {

using vault::StoredFile;

Result<StoredFile> SqlVaultStore::SaveFile(const StoredFile& file, const std::string& content) {
    return db_.Write([&](Connection& c) -> Result<StoredFile> {
        OW_TRY(
            c.Execute("INSERT INTO blobs (sha256, size, data) VALUES ($1, $2, $3) "
                      "ON CONFLICT (sha256) DO NOTHING",
                      {file.sha256, file.size, Bytes{content}}));
        OW_TRY(
            c.Execute("INSERT INTO files (id, sha256, size, content_type, name, uploaded_by, "
                      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                      {file.id, file.sha256, file.size, file.content_type, file.name,
                       Nullable(file.uploaded_by), Millis(file.created_at)}));
        return file;
    });
}

Result<std::optional<StoredFile>> SqlVaultStore::FindFile(const std::string& id) {
    OW_ASSIGN_OR_RETURN(auto files, FindFiles({id}));
    if (files.empty()) return std::optional<StoredFile>();
    return std::optional<StoredFile>(std::move(files[0]));
}

Result<std::vector<StoredFile>> SqlVaultStore::FindFiles(const std::vector<std::string>& ids) {
    if (ids.empty()) return std::vector<StoredFile>{};
    return db_.Read([&](Connection& c) -> Result<std::vector<StoredFile>> {
        Params params;
        std::string in;
        for (const auto& id : ids) {
            params.push_back(id);
            in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
        }
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, sha256, size, content_type, name, "
                                               "uploaded_by, created_at FROM files WHERE id IN (" +
                                                   in + ")",
                                               params));
        std::vector<StoredFile> out;
        for (const Row& r : rows) {
            out.push_back(StoredFile{r.Text(0), r.Text(1), r.Int(2), r.Text(3), r.Text(4),
                                     r.OptInt(5), FromMillis(r.Int(6))});
        }
        return out;
    });
}

Result<std::optional<std::string>> SqlVaultStore::FileContent(const std::string& id) {
    return db_.Read([&](Connection& c) -> Result<std::optional<std::string>> {
        OW_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT b.data FROM files f JOIN blobs b ON "
                                               "b.sha256 = f.sha256 WHERE f.id = $1",
                                               {id}));
        if (rows.empty()) return std::optional<std::string>();
        return std::optional<std::string>(rows[0].BlobData(0));
    });
}

Result<std::vector<vault::VaultDocument>> SqlVaultStore::Documents(const std::string& holder) {
    return db_.Read([&](Connection& c) -> Result<std::vector<vault::VaultDocument>> {
        OW_ASSIGN_OR_RETURN(auto rows,
                            c.Query("SELECT d.id, d.holder, d.document_type, d.file_id, "
                                    "d.source, d.source_case, d.valid_from, d.valid_until, "
                                    "d.created_at, l.number, l.state, l.superseded_by, "
                                    "l.valid_until, l.issuer_name_zh, l.issuer_name_en FROM "
                                    "vault_documents d LEFT JOIN licenses l ON l.number = "
                                    "d.license_number WHERE d.holder = $1 ORDER BY d.id",
                                    {holder}));
        std::vector<vault::VaultDocument> out;
        for (const Row& r : rows) {
            vault::VaultDocument d;
            d.id = r.Int(0);
            d.holder = r.Text(1);
            d.document_type = r.Text(2);
            d.file_id = r.Text(3);
            d.source = r.Text(4);
            d.source_case = r.Text(5);
            d.valid_from = ParseDate(r.Text(6)).value_or(Date{});
            if (auto until = r.OptText(7)) d.valid_until = ParseDate(*until);
            d.created_at = FromMillis(r.Int(8));
            if (auto number = r.OptText(9)) {
                vault::LicenseLink link{*number, r.Text(10), std::nullopt, r.Text(13), r.Text(14)};
                if (!r.IsNull(11)) link.state = "superseded";
                if (auto until = r.OptText(12)) link.valid_until = ParseDate(*until);
                d.license = std::move(link);
            }
            out.push_back(std::move(d));
        }
        return out;
    });
}

}  // namespace ow::storage
