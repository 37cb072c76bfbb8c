#include "http/json_input.hpp"

namespace ow::http {

Result<JsonInput> ParseJsonBody(const Request& request) {
    std::string_view type = request.Header("content-type");
    if (type.substr(0, type.find(';')) != "application/json") {
        return Error(ErrorCode::kUnsupportedMediaType).Param("expected", "application/json");
    }
    return JsonInput::Parse(request.body);
}

}  // namespace ow::http
