// The inner loops of batch evaluation: plain array loops over one block of rows, compiled at -O3
// with an AVX2 clone chosen at run time, so a predicate over a column costs a few cycles per row.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ow::rules::kernels {

// ok[i] = lo <= x[i] <= hi
void InRange(const int64_t* x, size_t n, int64_t lo, int64_t hi, uint8_t* ok);
// ok[i] = x[i] != c
void NotEqual(const int64_t* x, size_t n, int64_t c, uint8_t* ok);
// ok[i] = table[codes[i]]
void Lookup32(const uint32_t* codes, size_t n, const uint8_t* table, uint8_t* ok);
void Lookup8(const uint8_t* codes, size_t n, const uint8_t* table, uint8_t* ok);
// Empty cells take the test's answer for null: ok[i] = null[i] ? answer : ok[i]
void ApplyNulls(const uint8_t* null, size_t n, uint8_t answer, uint8_t* ok);
// pass[i] &= ok[i]; with fail bits also fail[i] |= bit where !ok[i]
void And(const uint8_t* ok, size_t n, uint8_t* pass);
void AndRecord(const uint8_t* ok, size_t n, uint32_t bit, uint8_t* pass, uint32_t* fail);
// matched[i] |= uint64(pass[i]) << k
void Gather(const uint8_t* pass, size_t n, unsigned k, uint64_t* matched);

}  // namespace ow::rules::kernels
