#include "contact.h"

#include "json_input.h"
#include "text.h"

namespace tft {

namespace {

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Dot-separated labels of letters, digits and inner hyphens, at least two of them, the last all
// letters (a top-level domain): "example.org", "mail.example.co.uk".
bool is_domain(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  int labels = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = host.find('.', start);
    const std::string_view label =
        host.substr(start, dot == std::string_view::npos ? host.npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (const char c : label)
      if (!is_letter(c) && !is_digit(c) && c != '-') return false;
    ++labels;
    if (dot == std::string_view::npos) {
      if (labels < 2 || label.size() < 2) return false;
      for (const char c : label)
        if (!is_letter(c)) return false;
      return true;
    }
    start = dot + 1;
  }
}

}  // namespace

std::string email_problem(std::string_view s) {
  const char* const expected = "expected an email address such as name@example.org";
  const std::size_t at = s.find('@');
  if (at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return expected;
  const std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos)
    return expected;
  for (const char c : local)
    if (!is_letter(c) && !is_digit(c) &&
        std::string_view(".!#$%&'*+/=?^_`{|}~-").find(c) == std::string_view::npos)
      return expected;
  return is_domain(domain) ? "" : expected;
}

std::string phone_problem(std::string_view s) {
  const char* const expected = "expected a UK phone number such as 0113 496 0000";
  std::string digits;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is_digit(c))
      digits += c;
    else if (c == '+' && i == 0)
      digits += '+';
    else if (c != ' ' && c != '-' && c != '(' && c != ')')
      return expected;
  }
  // +44 is the UK's country code; "+44 (0)113 ..." keeps a 0 that the national form already has.
  if (digits.rfind("+44", 0) == 0) {
    digits = digits.substr(3);
    if (digits.rfind('0', 0) != 0) digits = "0" + digits;
  }
  if (digits.empty() || digits[0] != '0' || digits.size() < 10 || digits.size() > 11) return expected;
  return "";
}

std::string website_problem(std::string_view s) {
  if (s.rfind("http://", 0) == 0) return "must start with https:// (a secure address), not http://";
  const char* const expected =
      "expected a web address starting with https://, such as https://www.example.org";
  if (s.rfind("https://", 0) != 0) return expected;
  const std::string_view rest = s.substr(8);
  const std::size_t end = rest.find_first_of("/?#");
  const std::string_view host = rest.substr(0, end);
  if (!is_domain(host)) return expected;
  for (const char c : rest)
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' ||
        c == '{' || c == '}' || c == '|' || c == '^')
      return "must not contain spaces, quotes or angle brackets";
  return "";
}

std::string months_before(std::string_view date, int months) {
  if (!is_valid_date(date)) return std::string(date);
  int year = digits_value(date.substr(0, 4));
  int month = digits_value(date.substr(5, 2));
  int day = digits_value(date.substr(8, 2));
  month -= months;
  while (month < 1) month += 12, --year;
  static const int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = month == 2 && leap ? 29 : days_in_month[month - 1];
  if (day > last) day = last;
  return zero_padded_decimal(year, 4) + "-" + zero_padded_decimal(month, 2) + "-" +
         zero_padded_decimal(day, 2);
}

bool is_stale(std::string_view updated, std::string_view today) {
  if (!is_valid_date(updated) || !is_valid_date(today)) return false;
  // YYYY-MM-DD strings order as their dates do.
  return std::string(updated) < months_before(today, kFreshMonths);
}

}  // namespace tft
