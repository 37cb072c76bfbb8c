// The one table of error codes: client-visible name, HTTP status, and message in each language.
// Messages may name {field} and any parameter the error carries, e.g. {max}.
#include <array>
#include <string>

#include "common/error.hpp"

namespace ow {
namespace {

struct Entry {
    ErrorCode code;
    std::string_view name;
    int http_status;
    std::string_view zh;
    std::string_view en;
};

constexpr std::array kTable = {
    Entry{ErrorCode::kMalformedJson, "malformed_json", 400, "请求内容不是有效的 JSON：{detail}",
          "The request body is not valid JSON: {detail}"},
    Entry{ErrorCode::kMissingField, "missing_field", 400, "缺少必填项“{field}”",
          "The field \"{field}\" is required"},
    Entry{ErrorCode::kWrongType, "wrong_type", 400, "“{field}”应为{expected}",
          "\"{field}\" must be {expected}"},
    Entry{ErrorCode::kInvalidValue, "invalid_value", 422, "“{field}”的值无效：{reason}",
          "\"{field}\" is invalid: {reason}"},
    Entry{ErrorCode::kUnknownField, "unknown_field", 400, "不支持的字段“{field}”",
          "The field \"{field}\" is not recognised"},
    Entry{ErrorCode::kPayloadTooLarge, "payload_too_large", 413, "请求内容过大，最多 {max} 字节",
          "The request body is too large; at most {max} bytes are accepted"},
    Entry{ErrorCode::kUnsupportedMediaType, "unsupported_media_type", 415,
          "请求内容类型应为 {expected}", "The request body must be {expected}"},
    Entry{ErrorCode::kNotFound, "not_found", 404, "未找到所请求的{what}",
          "The requested {what} was not found"},
    Entry{ErrorCode::kMethodNotAllowed, "method_not_allowed", 405, "此地址不支持该请求方法",
          "This address does not support that method"},
    Entry{ErrorCode::kBadRequest, "bad_request", 400, "请求无效：{reason}",
          "The request is invalid: {reason}"},
    Entry{ErrorCode::kInvalidIdNumber, "invalid_id_number", 422,
          "身份证号码无效：{reason}（应为 18 位公民身份号码，末位为校验码）",
          "Invalid resident ID number: {reason} (18 characters, the last one a check digit)"},
    Entry{ErrorCode::kInvalidCreditCode, "invalid_credit_code", 422,
          "统一社会信用代码无效：{reason}（应为 18 位，末位为校验码）",
          "Invalid unified social credit code: {reason} (18 characters, the last one a check "
          "character)"},
    Entry{ErrorCode::kInvalidLicenseNumber, "invalid_license_number", 422,
          "电子证照标识无效：{reason}（应为 "
          "1.2.156.3005.2.类型代码.发证机构代码.顺序号.版本号.校验码）",
          "Invalid e-license number: {reason} (1.2.156.3005.2.<type code>.<issuer code>."
          "<sequence>.<version>.<check character>)"},
    Entry{ErrorCode::kUnauthenticated, "unauthenticated", 401, "请先登录", "Please sign in first"},
    Entry{ErrorCode::kBadCredentials, "bad_credentials", 401, "用户名或密码不正确",
          "The username or password is incorrect"},
    Entry{ErrorCode::kAccountLocked, "account_locked", 423,
          "密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试",
          "Too many wrong passwords: the account is locked; try again in {minutes} minutes"},
    Entry{ErrorCode::kAccountDisabled, "account_disabled", 403, "账号已停用，请联系管理员",
          "This account is disabled; please contact an administrator"},
    Entry{ErrorCode::kRateLimited, "rate_limited", 429, "请求过于频繁，请 {seconds} 秒后再试",
          "Too many requests; try again in {seconds} seconds"},
    Entry{ErrorCode::kForbidden, "forbidden", 403, "您的角色无权执行此操作",
          "Your role may not do this"},
    Entry{ErrorCode::kOutOfScope, "out_of_scope", 403, "该对象不在您的管辖范围内",
          "This is outside the part of the organisation you serve"},
    Entry{ErrorCode::kSeparationOfDuties, "separation_of_duties", 403,
          "受理人不能审批同一办件（受审分离）",
          "Whoever accepted a case may not review it (separation of duties)"},
    Entry{ErrorCode::kWeakPassword, "weak_password", 422, "密码不符合要求：{reason}",
          "The password is not acceptable: {reason}"},
    Entry{ErrorCode::kPasswordChangeRequired, "password_change_required", 403,
          "管理员已重置您的密码，请先修改密码", "Your password was reset: please change it first"},
    Entry{ErrorCode::kCrossSiteRequest, "cross_site_request", 403, "拒绝来自其他网站的请求",
          "Requests from other sites are refused"},
    Entry{ErrorCode::kInvalidDate, "invalid_date", 400, "“{field}”应为 YYYY-MM-DD 格式的有效日期",
          "\"{field}\" must be a valid date in the form YYYY-MM-DD"},
    Entry{ErrorCode::kInvalidHolidayNotice, "invalid_holiday_notice", 422,
          "节假日安排数据无效：{reason}", "The holiday notice is invalid: {reason}"},
    Entry{ErrorCode::kInvalidCatalog, "invalid_catalog", 422, "事项目录数据有误：{field}：{reason}",
          "The catalog is invalid at {field}: {reason}"},
    Entry{ErrorCode::kAlreadyExists, "already_exists", 409, "{what}已存在",
          "That {what} already exists"},
    Entry{ErrorCode::kConflict, "conflict", 409, "操作冲突：{reason}",
          "The request conflicts with the current state: {reason}"},
    Entry{ErrorCode::kReferenceMissing, "reference_missing", 422, "“{field}”引用的对象不存在",
          "\"{field}\" refers to something that does not exist"},
    Entry{ErrorCode::kInvalidState, "invalid_state", 409, "当前状态下不能执行此操作：{reason}",
          "This cannot be done in the current state: {reason}"},
    Entry{ErrorCode::kStorageError, "storage_error", 503, "数据服务暂时不可用，请稍后再试",
          "The data service is temporarily unavailable; please try again"},
    Entry{ErrorCode::kUnavailable, "unavailable", 503, "服务正在停止或暂时不可用，请稍后再试",
          "The service is stopping or temporarily unavailable; please try again"},
    Entry{ErrorCode::kInternal, "internal", 500, "系统内部错误，请稍后再试",
          "Internal error; please try again later"},
};

const Entry& Find(ErrorCode code) {
    for (const Entry& e : kTable) {
        if (e.code == code) return e;
    }
    return kTable.back();  // kInternal: unreachable while the table is complete (tested).
}

// Placeholder values that are words rather than data: a key with its text in each language.
// Values that are not keys (numbers, field names) are shown as they are.
std::string_view LocalizeWord(std::string_view value, Lang lang) {
    struct Word {
        std::string_view key, en, zh;
    };
    static constexpr Word kWords[] = {
        {"a string", "a string", "字符串"},
        {"an integer", "an integer", "整数"},
        {"a boolean", "a boolean", "布尔值"},
        {"an object", "an object", "对象"},
        {"an array", "an array", "数组"},
        {"application/json", "application/json", "application/json"},
        {"user", "user", "用户"},
        {"route", "address", "地址"},
        {"org unit", "org unit", "机构"},
        {"department", "department", "部门"},
        {"service point", "service point", "服务网点"},
        {"session", "session", "会话"},
        {"length", "wrong length", "长度不对"},
        {"digits", "only digits are allowed here", "含有不允许的字符"},
        {"charset", "contains characters that are not allowed", "含有不允许的字符"},
        {"region", "unknown region code", "地区代码不存在"},
        {"birth_date", "impossible birth date", "出生日期不存在"},
        {"check_digit", "the check character does not match", "校验码不符"},
        {"password_too_short", "at least 10 characters", "至少 10 个字符"},
        {"password_too_long", "at most 128 characters", "最多 128 个字符"},
        {"too_long", "too long", "过长"},
        {"notice", "notice", "通知"},
        {"message", "message", "消息"},
        {"email_form", "not an e-mail address", "不是有效的电子邮箱地址"},
        {"mobile_form", "not a mainland mobile number (11 digits from 13 to 19)",
         "不是有效的手机号码（11 位，以 13–19 开头）"},
        {"unknown_placeholder", "unknown placeholder", "未知的占位符"},
        {"unclosed_brace", "a { without its }", "有未闭合的 {"},
        {"unknown_event", "unknown notice event", "未知的通知事件"},
        {"not_failed", "only a failed message can be retried", "只能重试发送失败的消息"},
        {"bad_signature", "the signature does not match", "签名不符"},
        {"override", "calendar override", "日历调整"},
        {"same_as_old", "must differ from the current password", "不能与当前密码相同"},
        {"negative", "must not be negative", "不能为负数"},
        {"before_from", "is before the start date", "早于起始日期"},
        {"date_out_of_range", "outside the supported dates 1990-01-01 to 2199-12-31",
         "超出支持的日期范围（1990-01-01 至 2199-12-31）"},
        {"name_rule", "1-100 characters of text, no control characters",
         "应为 1 至 100 个字符的文字，不含控制字符"},
        {"code_rule", "1-32 letters, digits, '-' or '_'", "应为 1 至 32 个字母、数字、“-”或“_”"},
        {"city_has_no_parent", "the city has no parent unit", "市级单位没有上级"},
        {"one_city", "there is already a city", "已有一个市级单位"},
        {"level_nesting", "must be one level below its parent (city, district, town, village)",
         "应比上级低一级（市、区县、镇街、村居）"},
        {"kind_level", "this kind of service point does not exist at this level",
         "该级别不能设置这类服务网点"},
        {"department_level", "departments belong to the city or a district",
         "部门只能设在市级或区县级"},
        {"username_rule", "3-32 lower-case letters, digits, '.', '_' or '-'",
         "应为 3 至 32 位小写字母、数字、“.”、“_”或“-”"},
        {"duplicate_role", "a role is listed twice", "角色重复"},
        {"role_mix", "citizen and enterprise accounts hold no other role",
         "自然人和法人账号不能兼有其他角色"},
        {"department_outside_unit", "the department is not above the user's org unit",
         "该部门不属于用户所在机构或其上级"},
        {"self_lockout", "you cannot disable yourself or remove your own admin role",
         "不能停用自己的账号或取消自己的管理员角色"},
        {"too_common", "too easy to guess", "过于简单，容易被猜到"},
        {"range_366", "at most 366 days after \"from\"", "不能超过起始日期后 366 天"},
        {"code", "code", "代码"},
        {"database", "database", "数据库"},
        {"username", "username", "用户名"},
        {"id_number", "ID number", "身份证号码"},
        {"credit_code", "credit code", "统一社会信用代码"},
        {"target", "the request address is malformed", "请求地址格式错误"},
        {"text_rule", "1-100 characters of text (long texts up to 4000)",
         "应为 1 至 100 个字符的文字（长文本最多 4000 字）"},
        {"empty_list", "must list at least one value", "至少应有一项"},
        {"unknown_value", "not a known value", "不是可用的取值"},
        {"duplicate", "listed twice", "重复"},
        {"options_rule", "only select fields have options", "只有下拉选择字段可以有选项"},
        {"min_max_rule", "min and max are for integer fields, min <= max",
         "最小值和最大值只用于整数字段，且最小值不大于最大值"},
        {"max_length_rule", "max_length must be 1-10000", "最大长度应为 1 至 10000"},
        {"no_basis", "a legal basis is required: no basis, no material",
         "必须写明设定依据：无依据不列入"},
        {"condition_rule", "a conditional material states its condition in both languages",
         "有条件提交的材料须用中英文写明条件"},
        {"deferrable_rule",
         "only items that allow deficiency-tolerant acceptance have deferrable materials",
         "只有实行容缺受理的事项才能有可容缺的材料"},
        {"copies_rule", "copies must be 1-5", "份数应为 1 至 5"},
        {"deficiency_rule",
         "a deficiency-tolerant item has at least one deferrable material and one required "
         "material that is not",
         "容缺受理事项至少有一项可容缺材料和一项不可容缺的必交材料"},
        {"limit_rule", "not an acceptable number of working days", "工作日数不合理"},
        {"promised_over_statutory", "the promised limit must not exceed the statutory limit",
         "承诺时限不能超过法定时限"},
        {"visits_rule", "visits must be 0-5", "跑动次数应为 0 至 5"},
        {"fee_rule", "a fee cannot be negative", "收费不能为负数"},
        {"not_a_license", "this document type is not an e-license", "该文书类型不是电子证照"},
        {"license_rule", "a license type has a license section; other document types have none",
         "电子证照类型须有 license 部分，其他文书类型不能有"},
        {"validity_rule", "\"permanent\", {\"years\": 1-100} or {\"days\": 1-36500}",
         "应为 \"permanent\"、{\"years\": 1-100} 或 {\"days\": 1-36500}"},
        {"reuse_over_validity", "a kept copy cannot be reused longer than the license is valid",
         "留存副本的复用期限不能超过证照有效期"},
        {"license_source_rule",
         "form.<key>, applicant.name, applicant.id, case.id or fixed:<text of 1-200 characters>",
         "应为 form.<字段>、applicant.name、applicant.id、case.id 或 "
         "fixed:<1 至 200 个字符的文字>"},
        {"not_in_form", "not in the form of the item that issues this license",
         "签发该证照的事项表单中没有这一字段"},
        {"license_needs_field", "the e-license this item issues prints this form field",
         "该事项签发的电子证照需要这一表单字段"},
        {"fully_online_rule", "a fully online item has the online channel and 0 visits",
         "全程网办事项须开通网上渠道且跑动次数为 0"},
        {"instant_rule", "instant approval needs a promised limit of 0 and no review stages",
         "秒批事项承诺时限须为 0 且没有审批环节"},
        {"workflow_rule", "an item that is not done on the spot needs review stages",
         "非即办事项须设置审批环节"},
        {"stages_over_promised", "the stages' limits add up to more than the promised limit",
         "各环节时限之和超过承诺时限"},
        {"bundle_rule", "a bundle joins at least two items", "一件事至少包含两个事项"},
        {"out_of_range", "outside the allowed range", "超出允许的范围"},
        {"money_rule", "an amount in yuan with at most two decimals, e.g. 1200.50",
         "应为以元为单位、最多两位小数的金额，如 1200.50"},
        {"phone_rule", "not a telephone number", "不是有效的电话号码"},
        {"email_rule", "not an e-mail address", "不是有效的电子邮箱"},
        {"item_version_taken", "someone else changed the catalog at the same time; try again",
         "他人同时修改了事项目录，请重试"},
        {"code_mismatch", "differs from the code in the address", "与地址中的代码不一致"},
        {"item", "item", "事项"},
        {"bundle", "bundle", "一件事"},
        {"already_present", "this material is already there", "该材料已提交"},
        {"not_deferrable", "this material may not be supplied later", "该材料不能容缺"},
        {"due_outside_limit", "the due date must be between today and the promised deadline",
         "补正期限应在今天与承诺办结日期之间"},
        {"required_material", "a required material cannot be waived", "必交材料不能免交"},
        {"material_missing", "this material is missing", "该材料缺失"},
        {"not_submitted", "the case is not waiting for acceptance", "办件不在待受理状态"},
        {"not_returned", "the case was not returned for correction", "办件未被退回补正"},
        {"decided", "the case has already been decided", "办件已作出决定"},
        {"not_open", "the case is closed", "办件已办结"},
        {"task_decided", "this review task is already decided", "该审批任务已办理"},
        {"task_claimed_by_other", "another reviewer has claimed this task",
         "该任务已被其他审批人认领"},
        {"not_in_review", "the case is not under review", "办件不在审批中"},
        {"waiting_for_supplement", "waiting for the applicant's supplements",
         "正在等待申请人补正材料"},
        {"not_issued", "no result has been issued yet", "尚未出具办理结果"},
        {"task", "review task", "审批任务"},
        {"case", "case", "办件"},
        {"empty_file", "the file is empty", "文件为空"},
        {"PDF, PNG or JPEG", "PDF, PNG or JPEG", "PDF、PNG 或 JPEG 文件"},
        {"no_department", "no department of this kind serves this service point",
         "该服务网点没有对应的审批部门"},
        {"channel_role", "this channel is not open to your role", "您的角色不能使用该渠道"},
        {"point_kind", "this kind of service point does not serve this channel",
         "该类服务网点不提供此渠道"},
        {"channel_not_offered", "the item cannot be applied for through this channel",
         "该事项不能通过此渠道办理"},
        {"level_not_offered", "the item is not handled at this level", "该事项不在此层级办理"},
        {"subject_mismatch", "the item is not for this kind of applicant", "申请人类型与事项不符"},
        {"stored_document", "a stored document is unreadable", "存储的文档无法读取"},
        {"changed_meanwhile", "the case changed meanwhile; try again", "办件已被他人修改，请重试"},
        {"idempotency_key_reused", "this Idempotency-Key was used for a different request",
         "该 Idempotency-Key 已用于另一个请求"},
        {"request_in_progress", "the same request is still being processed",
         "相同的请求仍在处理中"},
        {"contains_username", "must not contain the username", "不能包含用户名"},
        {"not_asked_for", "this material is not owed: nobody asked for it again",
         "该材料无需补交：没有要求补交此项"},
        {"license", "e-license", "电子证照"},
        {"license_not_valid", "the e-license is not in force", "该电子证照不在有效状态"},
        {"license_not_suspended", "the e-license is not suspended", "该电子证照未被暂停"},
        {"license_revoked", "the e-license has been revoked", "该电子证照已被吊销"},
        {"license_superseded", "a newer version of this e-license exists",
         "该电子证照已有更新的版本"},
        {"before_made", "must not be before the day the copy is made", "不能早于加注件制作日期"},
        {"copy_too_long", "a use copy lasts at most 90 days", "加注件有效期最长 90 天"},
        {"beyond_license", "must not be after the e-license's last valid day",
         "不能晚于电子证照的有效期"},
        {"instant_rule", "must be an RFC 3339 UTC time", "应为 RFC 3339 UTC 时间"},
        {"license_number_prefix", "it must begin with 1.2.156.3005.2.",
         "应以 1.2.156.3005.2. 开头"},
        {"license_number_parts",
         "type code, issuer code, sequence, version and check character, separated by '.'",
         "应依次为类型代码、发证机构代码、顺序号、版本号和校验码，以“.”分隔"},
        {"type_code_rule", "the type code is 1-32 letters or digits",
         "类型代码应为 1 至 32 位字母或数字"},
        {"issuer_code_rule", "the issuer code is 1-32 letters or digits",
         "发证机构代码应为 1 至 32 位字母或数字"},
        {"sequence_rule", "the sequence is 1-12 digits, not starting with 0",
         "顺序号应为 1 至 12 位数字，不以 0 开头"},
        {"version_rule", "the version is 1-9999, not starting with 0",
         "版本号应为 1 至 9999，不以 0 开头"},
        {"holder_id_rule", "neither a resident ID number nor a unified social credit code",
         "既不是身份证号码也不是统一社会信用代码"},
        {"previous_rule", "a later version names the earlier version of the same license",
         "新版本应注明同一证照的前一版本"},
        {"not_canonical", "not a license in its canonical form", "不是规范格式的电子证照"},
        {"key_department", "the signing key belongs to another department", "签名密钥属于其他部门"},
        {"no_signing_key", "the department has no signing key", "该部门没有签名密钥"},
        {"license_text_form", "not an e-license code (OWL1.<payload>.<key id>.<signature>)",
         "不是电子证照码（OWL1.<内容>.<密钥编号>.<签名>）"},
        {"base64", "not base64url", "不是 base64url 编码"},
        {"key_id_rule", "the key id is 16 hexadecimal characters",
         "密钥编号应为 16 位十六进制字符"},
        {"signature_length", "the signature has the wrong length", "签名长度不对"},
    };
    for (const Word& w : kWords) {
        if (w.key == value) return lang == Lang::kEn ? w.en : w.zh;
    }
    return value;
}

// A word, or "key:value" where the key is a word and the value is data (e.g. the value that was
// not recognised).
std::string Localize(std::string_view value, Lang lang) {
    auto colon = value.find(':');
    if (colon != std::string_view::npos) {
        std::string_view key = value.substr(0, colon);
        std::string_view word = LocalizeWord(key, lang);
        if (word != key) {
            return std::string(word) + (lang == Lang::kEn ? ": " : "：") +
                   std::string(value.substr(colon + 1));
        }
    }
    return std::string(LocalizeWord(value, lang));
}

}  // namespace

std::string_view ErrorCodeName(ErrorCode code) {
    return Find(code).name;
}

int Error::HttpStatus() const {
    return Find(code_).http_status;
}

std::string Error::Message(Lang lang) const {
    const Entry& e = Find(code_);
    std::string_view tmpl = lang == Lang::kEn ? e.en : e.zh;
    std::string out;
    out.reserve(tmpl.size() + 32);
    for (size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] != '{') {
            out += tmpl[i];
            continue;
        }
        size_t close = tmpl.find('}', i);
        std::string_view name = tmpl.substr(i + 1, close - i - 1);
        if (name == "field") {
            out += field_;
        } else {
            bool found = false;
            for (const auto& [k, v] : params_) {
                if (k == name) {
                    out += Localize(v, lang);
                    found = true;
                    break;
                }
            }
            if (!found) out += "?";
        }
        i = close;
    }
    return out;
}

}  // namespace ow
