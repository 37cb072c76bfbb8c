#include "cases/case_number.hpp"

#include <sodium.h>

#include <algorithm>

namespace ow::cases {

std::string NewCaseId(Timestamp now) {
    static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // ascending
    std::string id = FormatDate(LocalDate(now));
    id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
    id += '-';
    auto local = now + std::chrono::hours(8);
    auto of_day = local - std::chrono::floor<std::chrono::days>(local);
    auto steps = std::chrono::duration_cast<std::chrono::milliseconds>(of_day).count() / 84;
    for (int shift = 15; shift >= 0; shift -= 5) id += kAlphabet[(steps >> shift) & 31];
    unsigned char bytes[4];
    randombytes_buf(bytes, sizeof bytes);
    for (unsigned char b : bytes) id += kAlphabet[b & 31];
    return id;
}

}  // namespace ow::cases
