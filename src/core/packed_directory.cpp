// The byte layout is documented in docs/directory-format.md; keep the two in step.
#include "packed_directory.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <tuple>

#include "contact.h"
#include "json_input.h"
#include "result_summary.h"
#include "text.h"
#include "vocabulary.h"

namespace tft {

namespace {

// ------------------------------------------------------------------------------------ layout

constexpr std::size_t kFixedHeader = 32;  // magic .. section_count
constexpr std::size_t kRowSize = 20;
constexpr std::size_t kLocationSize = 12;
enum MatchingSection { sVocab, sRows, sCodes, sLanguages, sLocations, sIds, kMatchingSections };
constexpr std::size_t kProfileSections = 1;

// Limits the JSON loader enforces (directory_loader.cpp); a packed file is held to the same ones.
constexpr unsigned kMaxConcerns = 40, kMaxApproaches = 12, kMaxLanguages = 20, kMaxLocations = 10,
                   kMaxIdentity = 10, kMaxRegistrations = 8, kMaxIdChars = 64, kMaxAge = 120, kMaxFee = 1000;
constexpr std::int32_t kLatMin = 49'000'000, kLatMax = 61'500'000, kLonMin = -8'700'000, kLonMax = 2'000'000;

// Formats, client groups, times and genders are stored as their position in the one table of
// each vocabulary (vocabulary.h), so the file and the matcher can never disagree on a word.
int position_of(const CodedWords& table, std::string_view id) {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (table[i].id == id) return static_cast<int>(i);
  return -1;
}
std::string id_at(const CodedWords& table, unsigned position) {
  return std::string(table[position].id);
}
const char* const kWaiting[] = {"none", "weeks", "months"};  // codes 1-3; 0 when not given

template <std::size_t N>
int code_of(const char* const (&names)[N], const std::string& value) {
  for (std::size_t i = 0; i < N; ++i)
    if (value == names[i]) return static_cast<int>(i);
  return -1;
}

std::uint16_t get16(const unsigned char* p) {
  return static_cast<std::uint16_t>(p[0] | p[1] << 8);
}
std::uint32_t get32(const unsigned char* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
         std::uint32_t(p[3]) << 24;
}

// ------------------------------------------------------------------------------------ checksum

// CRC-32 (reflected polynomial 0xEDB88320), four bytes a step ("slicing by four"); the tables are
// built on first use rather than stored, which keeps 4 kB of incompressible numbers out of the
// WebAssembly module. The polynomial is read through a volatile: an initializer the optimiser can
// evaluate, it evaluates at build time and stores the result as data, as it did here (3.6 kB of
// the gzipped find module; docs/matching.md, "Module size", wave 11).
const std::array<std::array<std::uint32_t, 256>, 4>& crc_tables() {
  static const auto tables = [] {
    static volatile std::uint32_t polynomial = 0xEDB88320u;
    const std::uint32_t poly = polynomial;
    std::array<std::array<std::uint32_t, 256>, 4> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? poly ^ (c >> 1) : c >> 1;
      t[0][i] = c;
    }
    for (std::uint32_t i = 0; i < 256; ++i)
      for (int s = 1; s < 4; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFF];
    return t;
  }();
  return tables;
}

std::uint32_t crc_update(std::uint32_t crc, const unsigned char* p, std::size_t n) {
  const auto& t = crc_tables();
  for (; n >= 4; n -= 4, p += 4) {
    crc ^= get32(p);
    crc = t[3][crc & 0xFF] ^ t[2][(crc >> 8) & 0xFF] ^ t[1][(crc >> 16) & 0xFF] ^ t[0][crc >> 24];
  }
  for (; n; --n, ++p) crc = t[0][(crc ^ *p) & 0xFF] ^ (crc >> 8);
  return crc;
}

// ------------------------------------------------------------------------------------ writing

struct Writer {
  std::string out;
  void u8(unsigned v) { out.push_back(static_cast<char>(v & 0xFF)); }
  void u16(unsigned v) { u8(v), u8(v >> 8); }
  void u32(std::uint32_t v) { u16(v & 0xFFFF), u16(v >> 16); }
  void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
  void text16(const std::string& s) {
    u16(static_cast<unsigned>(s.size()));
    out += s;
  }
};

// Header plus section table, then the sections back to back.
std::string assemble(const char (&magic)[4], std::uint32_t therapists, std::uint32_t first_row,
                     std::uint32_t shard_checksum, const std::vector<std::string>& sections) {
  Writer w;
  w.out.append(magic, 4);
  const std::size_t header = kFixedHeader + 8 * sections.size();
  std::size_t size = header;
  for (const auto& s : sections) size += s.size();
  w.u16(kPackedVersion);
  w.u16(static_cast<unsigned>(header));
  w.u32(static_cast<std::uint32_t>(size));
  w.u32(0);  // checksum, sealed below
  w.u32(therapists);
  w.u32(first_row);
  w.u32(shard_checksum);
  w.u32(static_cast<std::uint32_t>(sections.size()));
  std::size_t offset = header;
  for (const auto& s : sections) {
    w.u32(static_cast<std::uint32_t>(offset));
    w.u32(static_cast<std::uint32_t>(s.size()));
    offset += s.size();
  }
  for (const auto& s : sections) w.out += s;
  seal_packed(w.out);
  return std::move(w.out);
}

// A sorted vocabulary and the code of each of its words.
struct Vocab {
  std::vector<std::string> words;
  std::map<std::string, std::uint32_t> code;
  void build(const std::set<std::string>& set) {
    words.assign(set.begin(), set.end());
    for (std::uint32_t i = 0; i < words.size(); ++i) code[words[i]] = i;
  }
};

std::int32_t micro(double degrees) {
  return static_cast<std::int32_t>(std::lround(degrees * kMicroDegrees));
}

// ------------------------------------------------------------------------------------ reading

// Bounds-checked reading from one file. The first problem is kept with its byte offset; after it
// every read returns zero, so a checker can run on and simply test `failed()` at the end of a step.
class Reader {
 public:
  Reader(const std::string& name, std::string_view bytes)
      : name_(name), p_(reinterpret_cast<const unsigned char*>(bytes.data())), size_(bytes.size()) {}

  bool failed() const { return !error_.message.empty(); }
  const Error& error() const { return error_; }
  void fail(std::size_t at, const std::string& message) {
    if (!failed()) error_ = {name_, "byte " + std::to_string(at), message};
  }
  const unsigned char* at(std::size_t offset) const { return p_ + offset; }
  // True when [offset, offset + n) lies inside the file; otherwise records why at `offset`.
  bool has(std::size_t offset, std::size_t n, const char* what) {
    if (offset <= size_ && n <= size_ - offset) return true;
    fail(std::min(offset, size_), std::string(what) + " runs past the end of the file (" +
                                      std::to_string(size_) +
                                      " bytes): the file is truncated or an offset is wrong");
    return false;
  }
  unsigned u8(std::size_t o) { return has(o, 1, "a field") ? p_[o] : 0; }
  unsigned u16(std::size_t o) { return has(o, 2, "a field") ? get16(p_ + o) : 0; }
  std::uint32_t u32(std::size_t o) { return has(o, 4, "a field") ? get32(p_ + o) : 0; }

 private:
  std::string name_;
  const unsigned char* p_;
  std::size_t size_;
  Error error_;
};

// The fixed part of the header, shared by both kinds of file. Returns the section table's spans.
struct Header {
  std::uint32_t therapists = 0, first_row = 0, shard_checksum = 0, checksum = 0;
  std::vector<std::pair<std::size_t, std::size_t>> sections;  // offset, size
};

Header check_header(Reader& r, std::string_view bytes, const char (&magic)[4], std::size_t section_count,
                    const char* kind) {
  Header h;
  if (bytes.size() < kFixedHeader) {
    r.fail(bytes.size(), "the file is " + std::to_string(bytes.size()) + " bytes, shorter than the " +
                             std::to_string(kFixedHeader) +
                             "-byte header: it is truncated or not a packed directory file");
    return h;
  }
  if (std::memcmp(bytes.data(), magic, 4) != 0) {
    r.fail(0, std::string("not a packed ") + kind + " file (the first four bytes should be \"" +
                  std::string(magic, 4) + "\")");
    return h;
  }
  const unsigned version = r.u16(4);
  if (version != kPackedVersion) {
    r.fail(4, "format version " + std::to_string(version) + " is not supported (this build reads version " +
                  std::to_string(kPackedVersion) + "); re-pack the directory with this version of tft pack");
    return h;
  }
  const std::size_t header_size = r.u16(6);
  const std::size_t expected_header = kFixedHeader + 8 * section_count;
  if (header_size != expected_header || r.u32(28) != section_count) {
    r.fail(header_size != expected_header ? 6 : 28, "the header should be " +
                                                        std::to_string(expected_header) + " bytes with " +
                                                        std::to_string(section_count) + " sections");
    return h;
  }
  const std::size_t file_size = r.u32(8);
  if (file_size != bytes.size()) {
    r.fail(8, "the header says the file is " + std::to_string(file_size) + " bytes but it is " +
                  std::to_string(bytes.size()) + (file_size > bytes.size() ? ": it is truncated" : ""));
    return h;
  }
  if (!r.has(0, header_size, "the section table")) return h;
  h.checksum = r.u32(12);
  const std::uint32_t actual = packed_checksum(bytes);
  if (actual != h.checksum) {
    r.fail(12, "checksum mismatch (stored " + std::to_string(h.checksum) + ", computed " +
                   std::to_string(actual) + "): the file is damaged");
    return h;
  }
  h.therapists = r.u32(16);
  h.first_row = r.u32(20);
  h.shard_checksum = r.u32(24);
  // Sections follow the header back to back, in order, and end exactly at the end of the file.
  std::size_t expect = header_size;
  for (std::size_t k = 0; k < section_count; ++k) {
    const std::size_t entry = kFixedHeader + 8 * k;
    const std::size_t offset = r.u32(entry), size = r.u32(entry + 4);
    if (offset != expect) {
      r.fail(entry, "section " + std::to_string(k) + " should start at byte " + std::to_string(expect) +
                        ", not " + std::to_string(offset));
      return h;
    }
    if (!r.has(offset, size, ("section " + std::to_string(k)).c_str())) return h;
    h.sections.push_back({offset, size});
    expect = offset + size;
  }
  if (expect != bytes.size())
    r.fail(expect, "the sections end at byte " + std::to_string(expect) + " but the file goes on to byte " +
                       std::to_string(bytes.size()));
  return h;
}

// A u16-length-prefixed string at `o` that ends by `end`; advances `o`.
std::string_view read_text16(Reader& r, std::size_t& o, std::size_t end, const char* what) {
  if (o + 2 > end) {
    r.fail(o, std::string(what) + ": the length runs past the end of its section");
    return {};
  }
  const std::size_t len = r.u16(o);
  if (len > end - o - 2) {
    r.fail(o, std::string(what) + ": " + std::to_string(len) + " bytes run past the end of its section");
    return {};
  }
  const std::string_view s(reinterpret_cast<const char*>(r.at(o + 2)), len);
  if (!is_valid_utf8(s)) r.fail(o + 2, std::string(what) + " is not valid UTF-8");
  o += 2 + len;
  return s;
}

// One vocabulary list: a u32 count, then that many strings in strictly increasing byte order.
std::vector<std::string_view> read_vocab(Reader& r, std::size_t& o, std::size_t end, const char* what,
                                         std::size_t max_words, bool slugs) {
  std::vector<std::string_view> words;
  if (o + 4 > end) {
    r.fail(o, std::string("the ") + what + " vocabulary's count runs past the end of its section");
    return words;
  }
  const std::size_t count = r.u32(o);
  if (count > max_words || count > (end - o - 4) / 2) {
    r.fail(o, std::string("the ") + what + " vocabulary claims " + std::to_string(count) + " words; " +
                  (count > max_words ? "at most " + std::to_string(max_words) + " fit the codes"
                                     : "its section is too short for that"));
    return words;
  }
  o += 4;
  words.reserve(count);
  for (std::size_t i = 0; i < count && !r.failed(); ++i) {
    const std::size_t at = o;
    const std::string_view w = read_text16(r, o, end, what);
    if (r.failed()) break;
    const std::string word(w);
    const std::string problem = slugs ? (is_slug(word) && word.size() <= kMaxIdChars ? "" : "is not an id")
                                      : text_problem(word, 100, false);
    if (!problem.empty())
      r.fail(at, std::string("a ") + what + " " + problem);
    else if (!words.empty() && !(words.back() < w))
      r.fail(at, std::string("the ") + what + " vocabulary is not in strictly increasing order");
    words.push_back(w);
  }
  return words;
}

// A list of `count` distinct codes below `limit` at codes[o...]; `what` names it in errors.
void check_codes(Reader& r, const unsigned char* codes, std::size_t base, std::size_t o, unsigned count,
                 std::size_t limit, const char* what) {
  std::uint64_t seen[4] = {};
  for (unsigned k = 0; k < count; ++k) {
    const unsigned c = codes[o + k];
    if (c >= limit) {
      r.fail(base + o + k, std::string(what) + " code " + std::to_string(c) + " is not in the file's " +
                               std::to_string(limit) + "-word vocabulary");
      return;
    }
    if (seen[c >> 6] & (1ull << (c & 63))) {
      r.fail(base + o + k, std::string(what) + " lists the same code twice");
      return;
    }
    seen[c >> 6] |= 1ull << (c & 63);
  }
}

}  // namespace

// ------------------------------------------------------------------------------------ public

std::uint32_t packed_checksum(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < 16) return ~crc_update(0xFFFFFFFFu, p, bytes.size());
  std::uint32_t crc = crc_update(0xFFFFFFFFu, p, 12);
  crc = crc_update(crc, p + 16, bytes.size() - 16);
  return ~crc;
}

void seal_packed(std::string& bytes) {
  if (bytes.size() < kFixedHeader) return;
  const std::uint32_t c = packed_checksum(bytes);
  for (int i = 0; i < 4; ++i)
    bytes[12 + static_cast<std::size_t>(i)] = static_cast<char>((c >> (8 * i)) & 0xFF);
}

std::string packable_problem(const Therapist& t) {
  for (const auto& l : t.locations)
    for (const double v : {l.lat, l.lon})
      if (static_cast<double>(micro(v)) / kMicroDegrees != v)
        return "coordinate " + std::to_string(v) + " of " + quote_for_message(l.place) +
               " has more than six decimals; round it to six (about 10 cm) to publish it";
  for (const std::string* s : {&t.name, &t.pronouns, &t.bio})
    if (s->size() > 0xFFFF) return "a text field is longer than 65,535 bytes";
  return "";
}

std::string pack_matching(const std::vector<const Therapist*>& therapists) {
  std::set<std::string> concerns, approaches, identity, places;
  for (const Therapist* t : therapists) {
    concerns.insert(t->concerns.begin(), t->concerns.end());
    approaches.insert(t->approaches.begin(), t->approaches.end());
    identity.insert(t->identity.begin(), t->identity.end());
    for (const auto& l : t->locations) places.insert(l.place);
  }
  Vocab vc, va, vi, vp;
  vc.build(concerns), va.build(approaches), vi.build(identity), vp.build(places);

  Writer vocab, rows, codes, languages, locations, ids;
  for (const Vocab* v : {&vc, &va, &vi, &vp}) {
    vocab.u32(static_cast<std::uint32_t>(v->words.size()));
    for (const auto& w : v->words) vocab.text16(w);
  }
  for (const Therapist* t : therapists) {
    rows.u8(static_cast<unsigned>(t->concerns.size()));
    rows.u8(static_cast<unsigned>(t->approaches.size()));
    rows.u8(static_cast<unsigned>(t->formats.size()));
    rows.u8(static_cast<unsigned>(t->clients.size()));
    rows.u8(static_cast<unsigned>(t->availability.size()));
    rows.u8(static_cast<unsigned>(t->identity.size()));
    rows.u8(static_cast<unsigned>(t->languages.size()));
    rows.u8(static_cast<unsigned>(t->locations.size()));
    rows.u8(static_cast<unsigned>(std::max(0, position_of(gender_codes(), t->gender))));
    rows.u8((t->accepting_new ? 1u : 0u) | (t->concessions ? 2u : 0u) | (t->low_cost_places ? 4u : 0u));
    rows.u8(static_cast<unsigned>(t->age_min));
    rows.u8(static_cast<unsigned>(t->age_max));
    rows.u16(static_cast<unsigned>(t->fee_min));
    rows.u16(static_cast<unsigned>(t->fee_max));
    rows.u32(day_number(t->updated));
    for (const auto& c : t->concerns) codes.u8(vc.code.at(c));
    for (const auto& a : t->approaches) codes.u8(va.code.at(a));
    for (const auto& f : t->formats) codes.u8(static_cast<unsigned>(position_of(format_codes(), f)));
    for (const auto& c : t->clients) codes.u8(static_cast<unsigned>(position_of(client_codes(), c)));
    for (const auto& a : t->availability)
      codes.u8(static_cast<unsigned>(position_of(availability_codes(), a)));
    for (const auto& s : t->identity) codes.u8(vi.code.at(s));
    for (const auto& l : t->languages) languages.u16(static_cast<unsigned>((l[0] - 'a') * 26 + (l[1] - 'a')));
    for (const auto& l : t->locations) {
      locations.i32(micro(l.lat));
      locations.i32(micro(l.lon));
      locations.u32(vp.code.at(l.place));
    }
    ids.u8(static_cast<unsigned>(t->id.size()));
    ids.out += t->id;
  }
  return assemble(kMatchingMagic, static_cast<std::uint32_t>(therapists.size()), 0, 0,
                  {vocab.out, rows.out, codes.out, languages.out, locations.out, ids.out});
}

std::string pack_profiles(const std::vector<const Therapist*>& therapists, std::uint32_t first_row,
                          std::uint32_t matching_checksum) {
  Writer records;
  for (const Therapist* t : therapists) {
    records.text16(t->name);
    records.text16(t->pronouns);
    records.text16(t->bio);
    records.u8(static_cast<unsigned>(t->registrations.size()));
    for (const auto& g : t->registrations) {
      records.text16(g.body);
      records.text16(g.level);
      records.text16(g.number);
      records.text16(g.checked);
    }
    records.text16(t->contact.email);
    records.text16(t->contact.phone);
    records.text16(t->contact.website);
    records.u8(t->waiting.empty() ? 0u : static_cast<unsigned>(code_of(kWaiting, t->waiting) + 1));
  }
  return assemble(kProfilesMagic, static_cast<std::uint32_t>(therapists.size()), first_row, matching_checksum,
                  {records.out});
}

namespace {

// The vocabularies: concerns, approaches, identity tags and places, each in increasing order.
bool check_vocabularies(Reader& r, const Header& h, MatchingView& v) {
  const auto [vocab_at, vocab_size] = h.sections[sVocab];
  std::size_t o = vocab_at;
  const std::size_t vocab_end = vocab_at + vocab_size;
  v.concerns = read_vocab(r, o, vocab_end, "concern", 256, true);
  v.approaches = read_vocab(r, o, vocab_end, "approach", 256, true);
  v.identity = read_vocab(r, o, vocab_end, "identity", 256, true);
  v.places = read_vocab(r, o, vocab_end, "place", 0xFFFFFFFFu, false);
  if (r.failed()) return false;
  if (o != vocab_end) {
    r.fail(o, "the vocabulary section has " + std::to_string(vocab_end - o) + " bytes left over");
    return false;
  }
  for (const auto& s : v.identity)
    if (!identity_tags().count(std::string(s))) {
      r.fail(vocab_at, "unknown identity tag " + quote_for_message(std::string(s)));
      return false;
    }
  return true;
}

// Whether a stored YYYYMMDD number is a real day, as day_number(day_text(n)) says, without building
// a string for each of a file's rows.
bool is_packed_day(std::uint32_t n) {
  if (n == 0 || n > 99991231) return false;
  char text[10] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0'};
  for (const std::size_t at : {9, 8, 6, 5, 3, 2, 1, 0}) {
    text[at] = static_cast<char>('0' + n % 10);
    n /= 10;
  }
  return is_valid_date(std::string_view(text, 10));
}

// What the rows count in the variable-length sections.
struct RowTotals {
  std::size_t codes = 0, langs = 0, locs = 0;
};

// Rows: fixed width, so the count fixes the section's size; every count and field in range.
bool check_rows(Reader& r, const Header& h, MatchingView& v, RowTotals& totals) {
  const auto [rows_at, rows_size] = h.sections[sRows];
  if (rows_size != std::size_t{h.therapists} * kRowSize) {
    r.fail(16, "the header counts " + std::to_string(h.therapists) +
                   " therapists but the rows section holds " + std::to_string(rows_size) + " bytes, not " +
                   std::to_string(std::size_t{h.therapists} * kRowSize));
    return false;
  }
  v.rows = r.at(rows_at);
  for (std::size_t i = 0; i < h.therapists; ++i) {
    const unsigned char* row = v.rows + i * kRowSize;
    const std::size_t at = rows_at + i * kRowSize;
    auto bad = [&](std::size_t field, const std::string& message) {
      r.fail(at + field, "therapist " + std::to_string(i) + ": " + message);
    };
    const unsigned nc = row[0], na = row[1], nf = row[2], ncl = row[3], nav = row[4], ni = row[5],
                   nl = row[6], nloc = row[7];
    if (nc < 1 || nc > kMaxConcerns)
      bad(0, "needs 1-40 concerns");
    else if (na < 1 || na > kMaxApproaches)
      bad(1, "needs 1-12 approaches");
    else if (nf < 1 || nf > 4)
      bad(2, "needs 1-4 formats");
    else if (ncl < 1 || ncl > 3)
      bad(3, "needs 1-3 client groups");
    else if (nav < 1 || nav > 3)
      bad(4, "needs 1-3 availability slots");
    else if (ni > kMaxIdentity)
      bad(5, "lists more than 10 identity tags");
    else if (nl < 1 || nl > kMaxLanguages)
      bad(6, "needs 1-20 languages");
    else if (nloc > kMaxLocations)
      bad(7, "lists more than 10 locations");
    else if (row[8] > 3)
      bad(8, "gender code " + std::to_string(row[8]) + " is not 0-3");
    else if (row[9] > 7)
      bad(9, "unknown flag bits " + std::to_string(row[9]));
    else if (row[10] > kMaxAge || row[11] > kMaxAge || row[10] > row[11])
      bad(10, "ages must be 0-120, min no more than max");
    else if (get16(row + 12) > kMaxFee || get16(row + 14) > kMaxFee || get16(row + 12) > get16(row + 14))
      bad(12, "fees must be £0-1000, min no more than max");
    else if (!is_packed_day(get32(row + 16)))
      bad(16, "the date last confirmed is not a YYYYMMDD date");
    if (r.failed()) return false;
    totals.codes += nc + na + nf + ncl + nav + ni;
    totals.langs += nl;
    totals.locs += nloc;
  }
  return true;
}

// The codes, languages and locations sections hold exactly what the rows count.
bool check_section_sizes(Reader& r, const Header& h, MatchingView& v, const RowTotals& t) {
  const auto [codes_at, codes_size] = h.sections[sCodes];
  const auto [langs_at, langs_size] = h.sections[sLanguages];
  const auto [locs_at, locs_size] = h.sections[sLocations];
  const std::size_t ids_at = h.sections[sIds].first;
  if (codes_size != t.codes)
    r.fail(kFixedHeader + 8 * std::size_t{sCodes} + 4,
           "the codes section should hold " + std::to_string(t.codes) + " bytes, as the rows count");
  else if (langs_size != 2 * t.langs)
    r.fail(kFixedHeader + 8 * std::size_t{sLanguages} + 4,
           "the languages section should hold " + std::to_string(2 * t.langs) + " bytes, as the rows count");
  else if (locs_size != kLocationSize * t.locs)
    r.fail(kFixedHeader + 8 * std::size_t{sLocations} + 4, "the locations section should hold " +
                                                               std::to_string(kLocationSize * t.locs) +
                                                               " bytes, as the rows count");
  if (r.failed()) return false;
  v.codes = r.at(codes_at);
  v.languages = r.at(langs_at);
  v.locations = r.at(locs_at);
  v.ids = r.at(ids_at);
  return true;
}

// Therapist i's `count` languages from languages[l]: two letters each, none twice. Advances l.
void check_languages(Reader& r, const MatchingView& v, std::size_t langs_at, std::size_t i, unsigned count,
                     std::size_t& l) {
  for (unsigned j = 0; j < count && !r.failed(); ++j, ++l) {
    const unsigned code = get16(v.languages + 2 * l);
    if (code >= 26 * 26)
      r.fail(langs_at + 2 * l, "therapist " + std::to_string(i) + ": language code " + std::to_string(code) +
                                   " is not two letters");
    for (unsigned before = 0; before < j; ++before)
      if (get16(v.languages + 2 * (l - j + before)) == code)
        r.fail(langs_at + 2 * l, "therapist " + std::to_string(i) + " lists a language twice");
  }
}

// Therapist i's `count` locations from locations[k]: inside the UK, with a known place. Advances k.
void check_locations(Reader& r, const MatchingView& v, std::size_t locs_at, std::size_t i, unsigned count,
                     std::size_t& k) {
  for (unsigned j = 0; j < count && !r.failed(); ++j, ++k) {
    const unsigned char* loc = v.locations + kLocationSize * k;
    const auto lat = static_cast<std::int32_t>(get32(loc)), lon = static_cast<std::int32_t>(get32(loc + 4));
    if (lat < kLatMin || lat > kLatMax || lon < kLonMin || lon > kLonMax)
      r.fail(locs_at + kLocationSize * k,
             "therapist " + std::to_string(i) + ": a location lies outside the UK's bounds");
    else if (get32(loc + 8) >= v.places.size())
      r.fail(locs_at + kLocationSize * k + 8, "therapist " + std::to_string(i) + ": place code " +
                                                  std::to_string(get32(loc + 8)) +
                                                  " is not in the vocabulary");
  }
}

// Therapist i's id at ids[id]: a length byte, then a slug. Advances id; false when the walk must stop.
bool check_id(Reader& r, const MatchingView& v, std::size_t ids_at, std::size_t ids_size, std::size_t i,
              std::size_t& id) {
  if (id >= ids_size) {
    r.fail(ids_at + id, "the ids section ends before therapist " + std::to_string(i) + "'s id");
    return false;
  }
  const std::size_t len = v.ids[id];
  if (len < 1 || len > kMaxIdChars || len > ids_size - id - 1) {
    r.fail(ids_at + id, "therapist " + std::to_string(i) + "'s id length " + std::to_string(len) +
                            " is not 1-64 bytes within the section");
    return false;
  }
  if (!is_slug(std::string_view(reinterpret_cast<const char*>(v.ids + id + 1), len)))
    r.fail(ids_at + id + 1,
           "therapist " + std::to_string(i) + "'s id must be lower-case letters, digits and hyphens");
  id += 1 + len;
  return true;
}

// Every code, language, location and id, row by row.
void check_row_contents(Reader& r, const Header& h, const MatchingView& v) {
  const std::size_t rows_at = h.sections[sRows].first, codes_at = h.sections[sCodes].first;
  const std::size_t langs_at = h.sections[sLanguages].first, locs_at = h.sections[sLocations].first;
  const auto [ids_at, ids_size] = h.sections[sIds];
  std::size_t c = 0, l = 0, k = 0, id = 0;
  for (std::size_t i = 0; i < h.therapists && !r.failed(); ++i) {
    const unsigned char* row = v.rows + i * kRowSize;
    const unsigned nc = row[0], na = row[1], nf = row[2], ncl = row[3], nav = row[4], ni = row[5];
    check_codes(r, v.codes, codes_at, c, nc, v.concerns.size(), "a concern");
    check_codes(r, v.codes, codes_at, c + nc, na, v.approaches.size(), "an approach");
    check_codes(r, v.codes, codes_at, c + nc + na, nf, 4, "a format");
    check_codes(r, v.codes, codes_at, c + nc + na + nf, ncl, 3, "a client group");
    check_codes(r, v.codes, codes_at, c + nc + na + nf + ncl, nav, 3, "an availability slot");
    check_codes(r, v.codes, codes_at, c + nc + na + nf + ncl + nav, ni, v.identity.size(), "an identity tag");
    bool in_person = false;
    for (unsigned f = 0; f < nf; ++f) in_person = in_person || v.codes[c + nc + na + f] == 0;
    c += nc + na + nf + ncl + nav + ni;
    check_languages(r, v, langs_at, i, row[6], l);
    if (in_person && row[7] == 0)
      r.fail(rows_at + i * kRowSize + 7,
             "therapist " + std::to_string(i) + " offers in-person sessions but has no location");
    check_locations(r, v, locs_at, i, row[7], k);
    if (r.failed() || !check_id(r, v, ids_at, ids_size, i, id)) break;
  }
  if (!r.failed() && id != ids_size)
    r.fail(ids_at + id, "the ids section has " + std::to_string(ids_size - id) + " bytes left over");
}

}  // namespace

MatchingCheck check_matching(const std::string& name, std::string_view bytes) {
  MatchingCheck out;
  Reader r(name, bytes);
  const Header h = check_header(r, bytes, kMatchingMagic, kMatchingSections, "matching");
  if (!r.failed()) {
    MatchingView& v = out.view;
    v.bytes = bytes;
    v.therapists = h.therapists;
    v.checksum = h.checksum;
    RowTotals totals;
    if (check_vocabularies(r, h, v) && check_rows(r, h, v, totals) && check_section_sizes(r, h, v, totals))
      check_row_contents(r, h, v);
  }
  if (r.failed()) out.errors.push_back(r.error());
  return out;
}

PackedRow MatchingCursor::next() {
  const MatchingView& v = *view_;
  const unsigned char* row = v.rows + std::size_t{row_} * kRowSize;
  PackedRow p;
  p.concerns_count = row[0], p.approaches_count = row[1], p.formats_count = row[2], p.clients_count = row[3];
  p.availability_count = row[4], p.identity_count = row[5], p.languages_count = row[6],
  p.locations_count = row[7];
  p.gender = row[8];
  p.accepting_new = row[9] & 1, p.concessions = row[9] & 2, p.low_cost_places = row[9] & 4;
  p.age_min = row[10], p.age_max = row[11];
  p.fee_min = get16(row + 12), p.fee_max = get16(row + 14);
  p.updated = get32(row + 16);
  const std::uint8_t* c = v.codes + at_.codes;
  p.concerns = c;
  p.approaches = c += p.concerns_count;
  p.formats = c += p.approaches_count;
  p.clients = c += p.formats_count;
  p.availability = c += p.clients_count;
  p.identity = c += p.availability_count;
  at_.codes = static_cast<std::uint32_t>(c + p.identity_count - v.codes);
  p.languages = v.languages + std::size_t{2} * at_.languages;
  at_.languages += p.languages_count;
  p.locations = v.locations + kLocationSize * at_.locations;
  at_.locations += p.locations_count;
  p.id = std::string_view(reinterpret_cast<const char*>(v.ids + at_.ids + 1), v.ids[at_.ids]);
  at_.ids += 1u + v.ids[at_.ids];
  ++row_;
  return p;
}

std::uint16_t PackedRow::language(std::size_t k) const {
  return get16(languages + 2 * k);
}
double PackedRow::lat(std::size_t k) const {
  return static_cast<std::int32_t>(get32(locations + kLocationSize * k)) / kMicroDegrees;
}
double PackedRow::lon(std::size_t k) const {
  return static_cast<std::int32_t>(get32(locations + kLocationSize * k + 4)) / kMicroDegrees;
}
std::uint32_t PackedRow::place(std::size_t k) const {
  return get32(locations + kLocationSize * k + 8);
}

namespace {

// Walks the records section of a profile file: `o` is the next byte, `end` the section's end.
struct RecordWalk {
  Reader& r;
  std::size_t o, end;

  // A length-prefixed text field held to the JSON loader's text rules (text_problem).
  std::string text(const char* what, std::size_t min_chars, std::size_t max_chars, bool multiline) {
    const std::size_t start = o;
    std::string s(read_text16(r, o, end, what));
    if (r.failed()) return s;
    if (s.empty() && min_chars == 0) return s;
    const std::string problem = text_problem(s, max_chars, multiline);
    if (!problem.empty()) r.fail(start, std::string(what) + " " + problem);
    return s;
  }
};

// Profile i's registrations: a count byte, then body, level, number and date for each.
void read_registrations(RecordWalk& w, std::uint32_t i, PackedProfile& p) {
  Reader& r = w.r;
  const unsigned regs = w.o < w.end ? r.u8(w.o) : 0;
  if (regs < 1 || regs > kMaxRegistrations) {
    r.fail(w.o, "profile " + std::to_string(i) + " needs 1-8 registrations");
    return;
  }
  ++w.o;
  for (unsigned g = 0; g < regs && !r.failed(); ++g) {
    Registration reg;
    const std::size_t body_at = w.o;
    reg.body = w.text("a registration body", 1, 20, false);
    if (!r.failed() && !registration_bodies().count(reg.body))
      r.fail(body_at, "unknown registration body " + quote_for_message(reg.body));
    reg.level = w.text("a registration level", 1, 60, false);
    reg.number = w.text("a registration number", 1, 40, false);
    const std::size_t date_at = w.o;
    reg.checked = w.text("a registration date", 1, 10, false);
    if (!r.failed() && !is_valid_date(reg.checked)) r.fail(date_at, "a registration date is not YYYY-MM-DD");
    p.registrations.push_back(std::move(reg));
  }
}

// Contact details, checked as the JSON loader checks them (src/core/contact.h).
void read_contact(RecordWalk& w, std::uint32_t i, PackedProfile& p) {
  Reader& r = w.r;
  const std::size_t contact_at = w.o;
  for (auto [field, max_chars, problem] :
       {std::tuple{&p.contact.email, std::size_t{254}, &email_problem},
        std::tuple{&p.contact.phone, std::size_t{20}, &phone_problem},
        std::tuple{&p.contact.website, std::size_t{200}, &website_problem}}) {
    const std::size_t field_at = w.o;
    *field = w.text("a contact detail", 0, max_chars, false);
    if (!r.failed() && !field->empty() && !problem(*field).empty())
      r.fail(field_at, "a contact detail: " + problem(*field));
  }
  if (!r.failed() && p.contact.email.empty() && p.contact.phone.empty() && p.contact.website.empty())
    r.fail(contact_at, "profile " + std::to_string(i) + " needs at least one of email, phone or website");
}

}  // namespace

ProfilesRead read_profiles(const std::string& name, std::string_view bytes) {
  ProfilesRead out;
  Reader r(name, bytes);
  const Header h = check_header(r, bytes, kProfilesMagic, kProfileSections, "profile");
  if (!r.failed()) {
    out.first_row = h.first_row;
    out.matching_checksum = h.shard_checksum;
    const auto [at, size] = h.sections[0];
    RecordWalk w{r, at, at + size};
    // Each record is at least 7 bytes, which bounds the count before anything is reserved.
    if (h.therapists > size / 7)
      r.fail(16, "the header counts " + std::to_string(h.therapists) +
                     " profiles, more than the records section can hold");
    else
      out.profiles.reserve(h.therapists);
    for (std::uint32_t i = 0; i < h.therapists && !r.failed(); ++i) {
      PackedProfile p;
      p.name = w.text("a name", 1, 100, false);
      p.pronouns = w.text("pronouns", 0, 30, false);
      p.bio = w.text("a bio", 0, 1500, true);
      if (r.failed()) break;
      read_registrations(w, i, p);
      if (r.failed()) break;
      read_contact(w, i, p);
      if (r.failed()) break;
      const unsigned waiting = w.o < w.end ? r.u8(w.o) : 255;
      if (waiting > std::size(kWaiting)) {
        r.fail(w.o,
               "profile " + std::to_string(i) + ": waiting code " + std::to_string(waiting) + " is not 0-3");
        break;
      }
      ++w.o;
      if (waiting) p.waiting = kWaiting[waiting - 1];
      out.profiles.push_back(std::move(p));
    }
    if (!r.failed() && w.o != w.end)
      r.fail(w.o, "the records section has " + std::to_string(w.end - w.o) + " bytes left over");
  }
  if (r.failed()) {
    out.errors.push_back(r.error());
    out.profiles.clear();
  }
  return out;
}

Therapist unpack_therapist(const MatchingView& v, const PackedRow& row, const PackedProfile* profile) {
  Therapist t;
  t.id = std::string(row.id);
  if (profile) {
    t.name = profile->name;
    t.pronouns = profile->pronouns;
    t.registrations = profile->registrations;
    t.bio = profile->bio;
    t.contact = profile->contact;
    t.waiting = profile->waiting;
  }
  t.updated = day_text(row.updated);
  t.gender = id_at(gender_codes(), row.gender);
  for (unsigned k = 0; k < row.approaches_count; ++k)
    t.approaches.emplace_back(v.approaches[row.approaches[k]]);
  for (unsigned k = 0; k < row.concerns_count; ++k) t.concerns.emplace_back(v.concerns[row.concerns[k]]);
  for (unsigned k = 0; k < row.clients_count; ++k) t.clients.push_back(id_at(client_codes(), row.clients[k]));
  t.age_min = row.age_min;
  t.age_max = row.age_max;
  for (unsigned k = 0; k < row.formats_count; ++k) t.formats.push_back(id_at(format_codes(), row.formats[k]));
  for (unsigned k = 0; k < row.locations_count; ++k)
    t.locations.push_back({std::string(v.places[row.place(k)]), row.lat(k), row.lon(k)});
  for (unsigned k = 0; k < row.languages_count; ++k) {
    const unsigned code = row.language(k);
    t.languages.push_back({static_cast<char>('a' + code / 26), static_cast<char>('a' + code % 26)});
  }
  t.fee_min = row.fee_min;
  t.fee_max = row.fee_max;
  t.concessions = row.concessions;
  t.low_cost_places = row.low_cost_places;
  for (unsigned k = 0; k < row.availability_count; ++k)
    t.availability.push_back(id_at(availability_codes(), row.availability[k]));
  for (unsigned k = 0; k < row.identity_count; ++k) t.identity.emplace_back(v.identity[row.identity[k]]);
  t.accepting_new = row.accepting_new;
  return t;
}

void apply_profile(PackedProfile&& profile, Therapist& t) {
  t.name = std::move(profile.name);
  t.pronouns = std::move(profile.pronouns);
  t.registrations = std::move(profile.registrations);
  t.bio = std::move(profile.bio);
  t.contact = std::move(profile.contact);
  t.waiting = std::move(profile.waiting);
}

}  // namespace tft
