// Sine, cosine and arcsine for distances on the globe (places.cpp, published_directory.cpp).
//
// The core's own, in both builds, rather than the C library's: musl's sin and cos reduce any
// argument, however large, with a 1,200-bit table of 2/π, and with atan2 and asin they were about
// 5 kB of the find page's gzipped WebAssembly (docs/matching.md, "Module size"). Angles here are
// latitudes and longitudes in radians, so a reduction for small angles is plenty. Within
// 1 ulp of the exact value (the polynomials are the classic fdlibm minimax ones); the native and
// WebAssembly builds run the same code, so they give the same bits and the same distances.
// tests/unit/trig_test.cpp compares them with glibc's.
#pragma once

namespace tft::trig {

// Within 1 ulp for |x| up to 10^5 (tests/unit/trig_test.cpp), less accurate beyond, NaN from 2^30
// (and for NaN or infinity). Every angle the core passes comes from coordinates checked against
// the UK's bounds, so none is near either.
double sin(double x);
double cos(double x);
// -1 <= x <= 1; NaN outside.
double asin(double x);

}  // namespace tft::trig
