#include "rules/column_kernels.hpp"

// The AVX2 clone is picked by the loader on machines that have it (GCC and clang ifuncs).
#define OW_KERNEL __attribute__((target_clones("avx2", "default")))

namespace ow::rules::kernels {

OW_KERNEL void InRange(const int64_t* x, size_t n, int64_t lo, int64_t hi, uint8_t* ok) {
    for (size_t i = 0; i < n; ++i) ok[i] = static_cast<uint8_t>((x[i] >= lo) & (x[i] <= hi));
}

OW_KERNEL void NotEqual(const int64_t* x, size_t n, int64_t c, uint8_t* ok) {
    for (size_t i = 0; i < n; ++i) ok[i] = static_cast<uint8_t>(x[i] != c);
}

OW_KERNEL void Lookup32(const uint32_t* codes, size_t n, const uint8_t* table, uint8_t* ok) {
    for (size_t i = 0; i < n; ++i) ok[i] = table[codes[i]];
}

OW_KERNEL void Lookup8(const uint8_t* codes, size_t n, const uint8_t* table, uint8_t* ok) {
    for (size_t i = 0; i < n; ++i) ok[i] = table[codes[i]];
}

OW_KERNEL void ApplyNulls(const uint8_t* null, size_t n, uint8_t answer, uint8_t* ok) {
    for (size_t i = 0; i < n; ++i) {
        ok[i] = static_cast<uint8_t>((ok[i] & (null[i] ^ 1)) | (null[i] & answer));
    }
}

OW_KERNEL void And(const uint8_t* ok, size_t n, uint8_t* pass) {
    for (size_t i = 0; i < n; ++i) pass[i] &= ok[i];
}

OW_KERNEL void AndRecord(const uint8_t* ok, size_t n, uint32_t bit, uint8_t* pass, uint32_t* fail) {
    for (size_t i = 0; i < n; ++i) {
        pass[i] &= ok[i];
        fail[i] |= static_cast<uint32_t>(ok[i] ^ 1) * bit;
    }
}

OW_KERNEL void Gather(const uint8_t* pass, size_t n, unsigned k, uint64_t* matched) {
    for (size_t i = 0; i < n; ++i) matched[i] |= static_cast<uint64_t>(pass[i]) << k;
}

}  // namespace ow::rules::kernels
