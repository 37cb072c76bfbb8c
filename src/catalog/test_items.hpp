// Items for the catalog's tests: a small valid catalog to start from and break.
#pragma once

#include "catalog/catalog_types.hpp"

namespace ow::catalog::testing {

inline Item StartupRegistration() {
    Item i;
    i.code = "AMR-001";
    i.name = {"企业设立登记", "Enterprise establishment registration"};
    i.department = "amr";
    i.kind = "registration";
    i.subject = "enterprise";
    i.levels = {"city", "district"};
    i.channels = {"window", "online"};
    i.life_events = {"business_startup"};
    i.statutory_limit_days = 15;
    i.promised_limit_days = 1;
    i.max_visits = 1;
    i.legal_basis = "《中华人民共和国市场主体登记管理条例》";
    i.result = {true, "business_license", {}};
    i.delivery = {"window_pickup", "download"};
    i.form = {
        {"company_name", {"企业名称", "Company name"}, "text", true, 100, {}, {}, {}, {}},
        {"capital", {"注册资本（万元）", "Registered capital"}, "money", true, {}, {}, {}, {}, {}},
        {"legal_rep_id",
         {"法定代表人身份证号", "Legal representative ID"},
         "id_number",
         true,
         {},
         {},
         {},
         {},
         {}},
        {"type",
         {"企业类型", "Type"},
         "select",
         true,
         {},
         {},
         {},
         {{"llc", {"有限责任公司", "Limited company"}},
          {"sole", {"个人独资企业", "Sole proprietorship"}}},
         {}},
        {"employees", {"从业人数", "Employees"}, "integer", false, {}, 0, 100000, {}, {}}};
    i.deficiency_tolerant = true;
    i.materials = {{"application",
                    {"设立登记申请书", "Application form"},
                    "《市场主体登记管理条例》第十六条",
                    "required",
                    {},
                    false,
                    "",
                    1},
                   {"id_card",
                    {"法定代表人身份证明", "Identity document"},
                    "《市场主体登记管理条例》第十六条",
                    "required",
                    {},
                    false,
                    "resident_id_card",
                    1},
                   {"scope",
                    {"经营范围说明", "Business scope statement"},
                    "《市场主体登记管理条例》第十六条",
                    "required",
                    {},
                    true,
                    "",
                    1},
                   {"lease",
                    {"住所使用证明", "Proof of premises"},
                    "《市场主体登记管理条例》第十六条",
                    "conditional",
                    {"租赁场地时提交", "When premises are leased"},
                    true,
                    "",
                    1}};
    i.workflow = {{{"审查", "Review"}, 1, {"amr"}}};
    return i;
}

// The e-license AMR-001 issues: from its form, the applicant and fixed text.
inline LicenseSpec BusinessLicenseSpec() {
    return {"BL",
            "amr",
            LicenseValidity::Permanent(),
            {{"name", {"名称", "Name"}, "form.company_name"},
             {"credit_code", {"统一社会信用代码", "Unified social credit code"}, "applicant.id"},
             {"type", {"类型", "Type"}, "form.type"},
             {"capital", {"注册资本", "Registered capital"}, "form.capital"},
             {"authority", {"登记机关", "Registration authority"}, "fixed:江门市市场监督管理局"}}};
}

inline Catalog SmallCatalog() {
    Catalog c;
    c.document_types = {
        {"resident_id_card", {"居民身份证", "Resident ID card"}, false, 0, {}},
        {"business_license", {"营业执照", "Business license"}, true, 0, BusinessLicenseSpec()}};
    c.items.push_back(StartupRegistration());
    Item seal = StartupRegistration();
    seal.code = "PSB-001";
    seal.name = {"印章刻制备案", "Seal engraving filing"};
    seal.department = "psb";
    seal.kind = "other";
    seal.promised_limit_days = 0;
    seal.workflow.clear();
    seal.deficiency_tolerant = false;
    seal.result = {false, "", {"备案回执", "Filing receipt"}};
    seal.materials = {{"license",
                       {"营业执照", "Business license"},
                       "《印铸刻字业暨印章治安管理办法》",
                       "required",
                       {},
                       false,
                       "business_license",
                       1},
                      {"id_card",
                       {"经办人身份证", "Agent's ID card"},
                       "《印铸刻字业暨印章治安管理办法》",
                       "required",
                       {},
                       false,
                       "resident_id_card",
                       1}};
    c.items.push_back(seal);
    c.bundles = {{"BUNDLE-STARTUP",
                  {"开办企业一件事", "Starting a business"},
                  {"AMR-001", "PSB-001"},
                  {"business_startup"}}};
    return c;
}

inline std::set<std::string> Departments() {
    return {"amr", "psb", "tax", "nr", "housing"};
}

}  // namespace ow::catalog::testing
