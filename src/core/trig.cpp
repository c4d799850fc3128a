#include "trig.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace tft::trig {
namespace {

// π/2 in three parts: the first two have 33 significant bits, so n times either is exact for
// |n| < 2^20, and the third is the rest.
constexpr double kPiOver2Part1 = 1.57079632673412561417e+00;
constexpr double kPiOver2Part2 = 6.07710050630396597660e-11;
constexpr double kPiOver2Part3 = 2.02226624879595063154e-21;
constexpr double kTwoOverPi = 6.36619772367581382433e-01;
constexpr double kPiOver4 = 7.85398163397448278999e-01;  // a shade under π/4
constexpr double kLargest = 0x1p30;                      // sin and cos are NaN from here on (trig.h)

// x − n·π/2 as an unevaluated sum hi + lo, |hi| <= about π/4, and n mod 4.
struct Reduced {
  double hi, lo;
  int quadrant;
};

// |x| < 2^30 (the callers check), so n fits an integer. Rounded half away from zero by a cast, not
// std::nearbyint, which is a library call in x86-64's baseline instruction set.
Reduced reduce(double x) {
  const double n = static_cast<double>(static_cast<std::int64_t>(x * kTwoOverPi + (x < 0 ? -0.5 : 0.5)));
  // Exact: n·part1 is exact and within a factor of two of x (Sterbenz).
  const double r1 = x - n * kPiOver2Part1;
  const double w1 = n * kPiOver2Part2;
  const double r2 = r1 - w1;
  // What r2 lost to rounding, plus the third part.
  const double w2 = n * kPiOver2Part3 - ((r1 - r2) - w1);
  const double hi = r2 - w2;
  return {hi, (r2 - hi) - w2, static_cast<int>(static_cast<std::int64_t>(n) & 3)};
}

// Minimax polynomials for sin and cos on [-π/4, π/4] (fdlibm's coefficients).
constexpr double kSin[] = {-1.66666666666666324348e-01, 8.33333333332248946124e-03,
                           -1.98412698298579493134e-04, 2.75573137070700676789e-06,
                           -2.50507602534068634195e-08, 1.58969099521155010221e-10};
constexpr double kCos[] = {4.16666666666666019037e-02, -1.38888888888741095749e-03,
                           2.48015872894767294178e-05, -2.75573143513906633035e-07,
                           2.08757232129817482790e-09, -1.13596475577881948265e-11};

// sin(x + y) for |x| <= π/4 and |y| tiny next to x: sin(x) + y·cos(x), cos(x) ≈ 1 − x²/2.
double sin_near_zero(double x, double y) {
  const double z = x * x;
  const double tail = kSin[1] + z * (kSin[2] + z * (kSin[3] + z * (kSin[4] + z * kSin[5])));
  return x + (y * (1 - 0.5 * z) + x * z * (kSin[0] + z * tail));
}

// cos(x + y) likewise: 1 − x²/2 rounds, so what the subtraction lost is added back with the rest.
double cos_near_zero(double x, double y) {
  const double z = x * x;
  const double rest =
      z * z * (kCos[0] + z * (kCos[1] + z * (kCos[2] + z * (kCos[3] + z * (kCos[4] + z * kCos[5])))));
  const double half = 0.5 * z;
  const double w = 1 - half;
  return w + (((1 - w) - half) + (rest - x * y));
}

// asin(x) = x + x·ratio(x²) for |x| <= 1/2 (fdlibm's rational approximation).
double ratio(double z) {
  const double p = z * (1.66666666666666657415e-01 +
                        z * (-3.25565818622400915405e-01 +
                             z * (2.01212532134862925881e-01 +
                                  z * (-4.00555345006794114027e-02 +
                                       z * (7.91534994289814532176e-04 + z * 3.47933107596021167570e-05)))));
  const double q = 1 + z * (-2.40339491173441421878e+00 +
                            z * (2.02094576023350569471e+00 +
                                 z * (-6.88283971605453293030e-01 + z * 7.70381505559019352791e-02)));
  return p / q;
}

// π/2 as the double nearest it plus what that misses.
constexpr double kPiOver2Hi = 1.57079632679489655800e+00;
constexpr double kPiOver2Lo = 6.12323399573676603587e-17;

}  // namespace

double sin(double x) {
  if (std::fabs(x) < 0x1p-27) return x;  // sin x = x to the last bit
  if (!(std::fabs(x) < kLargest)) return std::numeric_limits<double>::quiet_NaN();
  if (std::fabs(x) <= kPiOver4) return sin_near_zero(x, 0);  // what reduce() would give, sooner
  const Reduced r = reduce(x);
  switch (r.quadrant) {
    case 0:
      return sin_near_zero(r.hi, r.lo);
    case 1:
      return cos_near_zero(r.hi, r.lo);
    case 2:
      return -sin_near_zero(r.hi, r.lo);
    default:
      return -cos_near_zero(r.hi, r.lo);
  }
}

double cos(double x) {
  if (std::fabs(x) < 0x1p-27) return 1;
  if (!(std::fabs(x) < kLargest)) return std::numeric_limits<double>::quiet_NaN();
  if (std::fabs(x) <= kPiOver4) return cos_near_zero(x, 0);
  const Reduced r = reduce(x);
  switch (r.quadrant) {
    case 0:
      return cos_near_zero(r.hi, r.lo);
    case 1:
      return -sin_near_zero(r.hi, r.lo);
    case 2:
      return -cos_near_zero(r.hi, r.lo);
    default:
      return sin_near_zero(r.hi, r.lo);
  }
}

double asin(double x) {
  const double a = std::fabs(x);
  if (a > 1 || std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (a == 1) return std::copysign(kPiOver2Hi, x);
  if (a < 0x1p-26) return x;
  if (a < 0.5) return x + x * ratio(x * x);
  // asin(a) = π/2 − 2·asin(s), s = √((1 − a)/2) <= 1/2.
  const double z = (1 - a) / 2;
  const double s = std::sqrt(z);
  const double r = ratio(z);
  double result;
  if (a >= 0.975) {
    result = kPiOver2Hi - (2 * (s + s * r) - kPiOver2Lo);
  } else {
    // s split as f (its top 21 bits, so f·f is exact) plus c, for the digits π/2 − 2s cancels.
    std::uint64_t bits;
    std::memcpy(&bits, &s, sizeof bits);
    bits &= 0xFFFFFFFF00000000u;
    double f;
    std::memcpy(&f, &bits, sizeof f);
    const double c = (z - f * f) / (s + f);
    result = 0.5 * kPiOver2Hi - (2 * s * r - (kPiOver2Lo - 2 * c) - (0.5 * kPiOver2Hi - 2 * f));
  }
  return std::copysign(result, x);
}

}  // namespace tft::trig
