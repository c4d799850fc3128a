// tft::trig (src/core/trig.h) stands in for the C library's sin, cos and asin in distances, so
// glibc's, which are correctly rounded, are the oracle: at most 1 ulp apart anywhere in the range
// a latitude or longitude in radians can take, and well beyond it, including where the reduction
// by π/2 cancels most digits.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/trig.h"
#include "test_support.h"

namespace {

// How many doubles apart a and b are (same sign assumed).
std::int64_t ulps_apart(double a, double b) {
  std::int64_t ia, ib;
  std::memcpy(&ia, &a, sizeof ia);
  std::memcpy(&ib, &b, sizeof ib);
  if (ia < 0) ia = INT64_MIN - ia;
  if (ib < 0) ib = INT64_MIN - ib;
  return ia > ib ? ia - ib : ib - ia;
}

void check_sin_cos(double x) {
  INFO("x = " << x);
  CHECK(ulps_apart(tft::trig::sin(x), std::sin(x)) <= 1);
  CHECK(ulps_apart(tft::trig::cos(x), std::cos(x)) <= 1);
}

}  // namespace

TEST_CASE("trig::sin and cos are within 1 ulp of glibc's across the globe's angles and beyond", "[trig]") {
  tft::test::Xorshift64 r;
  // Within 1 ulp, and mostly the correctly rounded double itself: these kernels give glibc's bits
  // for about 97% of angles; dropping one of the correction terms (the reduction's lost low bits,
  // the tail of the reduced angle, what 1 - x²/2 rounds away) still stays within 1 ulp but falls
  // to about 85%.
  int same_sin = 0, same_cos = 0;
  constexpr int kAngles = 200000;
  for (int i = 0; i < kAngles; ++i) {
    const double x = (r.uniform() * 2 - 1) * 8;  // |x| < 8, more than 2π
    check_sin_cos(x);
    same_sin += tft::trig::sin(x) == std::sin(x);
    same_cos += tft::trig::cos(x) == std::cos(x);
  }
  CHECK(same_sin > kAngles * 0.95);
  CHECK(same_cos > kAngles * 0.95);
  for (int i = 0; i < 20000; ++i) check_sin_cos((r.uniform() * 2 - 1) * 1e5);
  for (int i = 0; i < 20000; ++i) check_sin_cos(std::ldexp(r.uniform(), -static_cast<int>(r.uniform() * 40)));
  // Next to multiples of π/2, where x − n·π/2 keeps few of x's digits.
  for (int n = -20; n <= 20; ++n) {
    double x = n * 1.57079632679489661923;
    for (int step = 0; step < 50; ++step) {
      check_sin_cos(x);
      x = std::nextafter(x, 100.0);
    }
  }
  for (double x : {0.0, -0.0, 1e-300, 0x1p-27, 0.785398163397448, 3.141592653589793, 6.283185307179586})
    check_sin_cos(x);
  // Out of range: NaN, not an integer overflow in the reduction.
  for (double x : {0x1p30, -1e300, HUGE_VAL, std::nan("")}) {
    CHECK(std::isnan(tft::trig::sin(x)));
    CHECK(std::isnan(tft::trig::cos(x)));
  }
}

TEST_CASE("trig::asin is within 1 ulp of glibc's on [-1, 1] and NaN outside", "[trig]") {
  tft::test::Xorshift64 r;
  int same = 0;  // about 94% of glibc's bits exactly
  for (int i = 0; i < 200000; ++i) {
    const double x = r.uniform() * 2 - 1;
    INFO("x = " << x);
    CHECK(ulps_apart(tft::trig::asin(x), std::asin(x)) <= 1);
    same += tft::trig::asin(x) == std::asin(x);
  }
  CHECK(same > 200000 * 0.92);
  // Near 1 (the 0.975 branch), near 1/2 (where the two branches meet) and tiny.
  for (int i = 0; i < 20000; ++i) {
    for (const double x : {1 - r.uniform() * 0.03, 0.5 + (r.uniform() - 0.5) * 1e-3, r.uniform() * 1e-9}) {
      INFO("x = " << x);
      CHECK(ulps_apart(tft::trig::asin(x), std::asin(x)) <= 1);
    }
  }
  CHECK(tft::trig::asin(1) == std::asin(1.0));
  CHECK(tft::trig::asin(-1) == std::asin(-1.0));
  CHECK(tft::trig::asin(0) == 0);
  CHECK(std::isnan(tft::trig::asin(1.0000000000000002)));
  CHECK(std::isnan(tft::trig::asin(-2)));
  CHECK(std::isnan(tft::trig::asin(std::nan(""))));
}
