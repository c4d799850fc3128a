// The packed directory files (docs/directory-format.md): what `tft pack` writes and the loaders
// read without a JSON parse. A shard is one **matching** file (only what filters and scores need,
// fixed-width rows plus small code lists, about 50 bytes a therapist) and one or more **profile**
// files (the text shown on cards), which a page fetches only when it shows results.
//
// Every read is checked first: check_matching() and read_profiles() verify the header (magic,
// version, sizes), the checksum, every section's bounds, every count and every code before anything
// is used, and report a problem as an Error naming the file and the byte offset ("byte 1234"). They
// never throw, never abort and never read outside `bytes`, whatever the input. Once a matching file
// has passed, MatchingCursor walks it without further checks.
//
// Cost: packing and checking are linear in the file size; checking a matching file also runs one
// CRC-32 over it (about 1 ns a byte natively).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "model.h"

namespace tft {

inline constexpr std::uint16_t kPackedVersion = 1;
inline constexpr char kMatchingMagic[4] = {'T', 'F', 'T', 'M'};
inline constexpr char kProfilesMagic[4] = {'T', 'F', 'T', 'P'};
// Coordinates are stored as whole millionths of a degree (about 0.1 m), so a file holds exactly
// the coordinates of a directory whose coordinates have at most six decimals (pack checks that).
inline constexpr double kMicroDegrees = 1e6;

// The bytes of a matching file holding `therapists` in the given order. Every therapist must have
// passed load_directory (ids, lists and numbers within its limits); coordinates must have at most
// six decimals (see packable_problem).
std::string pack_matching(const std::vector<const Therapist*>& therapists);

// The bytes of a profile file for the therapists at rows [first_row, first_row + size) of the shard
// whose matching file has checksum `matching_checksum` (stored so a profile file cannot be paired
// with the wrong shard).
std::string pack_profiles(const std::vector<const Therapist*>& therapists, std::uint32_t first_row,
                          std::uint32_t matching_checksum);

// Why `t` cannot be packed exactly ("" when it can): a coordinate with more than six decimals, or a
// string longer than the format's length fields hold. The JSON loader's limits keep every other
// field within the format.
std::string packable_problem(const Therapist& t);

// The CRC-32 (the one zlib and PNG use) of a packed file's bytes, skipping the checksum field itself
// (bytes 12-15). Exposed so tests can build files whose checksum is right but whose contents are not.
std::uint32_t packed_checksum(std::string_view bytes);
// Writes packed_checksum(bytes) into bytes 12-15 (no-op for a file shorter than its header).
void seal_packed(std::string& bytes);

// One therapist's matching fields, read from a checked file. Codes index the file's vocabularies
// (concerns, approaches, identity tags, place names); formats, clients and availability are the
// fixed codes of docs/directory-format.md. Lists keep the order the directory gave them.
struct PackedRow {
  std::string_view id;
  std::uint8_t gender = 0;  // 0 female, 1 male, 2 non-binary, 3 undisclosed
  bool accepting_new = false, concessions = false, low_cost_places = false;
  std::uint8_t age_min = 0, age_max = 0;
  std::uint16_t fee_min = 0, fee_max = 0;
  std::uint32_t updated = 0;  // the day the entry was last confirmed, as YYYYMMDD
  const std::uint8_t* concerns = nullptr;
  const std::uint8_t* approaches = nullptr;
  const std::uint8_t* formats = nullptr;       // 0 in-person, 1 video, 2 phone, 3 text
  const std::uint8_t* clients = nullptr;       // 0 individuals, 1 couples, 2 families
  const std::uint8_t* availability = nullptr;  // 0 weekday-daytime, 1 weekday-evening, 2 weekend
  const std::uint8_t* identity = nullptr;
  std::uint8_t concerns_count = 0, approaches_count = 0, formats_count = 0, clients_count = 0,
               availability_count = 0, identity_count = 0, languages_count = 0, locations_count = 0;
  const unsigned char* languages = nullptr;  // languages_count × u16: (first letter - 'a') × 26 + second
  const unsigned char* locations = nullptr;  // locations_count × {i32 lat, i32 lon (µ°), u32 place}

  std::uint16_t language(std::size_t k) const;
  double lat(std::size_t k) const;
  double lon(std::size_t k) const;
  std::uint32_t place(std::size_t k) const;
};

// A matching file that passed check_matching: views into the caller's bytes, which must outlive it.
struct MatchingView {
  std::string_view bytes;
  std::uint32_t therapists = 0;
  std::uint32_t checksum = 0;
  std::vector<std::string_view> concerns, approaches, identity, places;  // the file's vocabularies
  const unsigned char* rows = nullptr;
  const unsigned char* codes = nullptr;
  const unsigned char* languages = nullptr;
  const unsigned char* locations = nullptr;
  const unsigned char* ids = nullptr;
};

struct MatchingCheck {
  MatchingView view;
  std::vector<Error> errors;  // at most one: the first problem found, with its byte offset
  bool ok() const { return errors.empty(); }
};

// Checks a whole matching file (header, checksum, sections, every row and code) and returns its
// view, or the first problem as "NAME:byte N: message".
MatchingCheck check_matching(const std::string& name, std::string_view bytes);

// Where one row's variable-length parts begin: its codes, languages and locations (counted in
// items from the start of their sections) and its id (in bytes from the start of the ids section).
struct RowStart {
  std::uint32_t codes = 0, languages = 0, locations = 0, ids = 0;
};

// Walks the rows of a checked matching file in order, from row 0 or from a row whose start an
// earlier walk noted (start()).
class MatchingCursor {
 public:
  explicit MatchingCursor(const MatchingView& view) : view_(&view) {}
  MatchingCursor(const MatchingView& view, std::uint32_t row, RowStart start)
      : view_(&view), row_(row), at_(start) {}
  bool done() const { return row_ == view_->therapists; }
  RowStart start() const { return at_; }  // of the row next() reads
  PackedRow next();

 private:
  const MatchingView* view_;
  std::uint32_t row_ = 0;
  RowStart at_;
};

// The card text of one therapist, from a profile file.
struct PackedProfile {
  std::string name, pronouns, bio;
  std::vector<Registration> registrations;
  ContactDetails contact;
  std::string waiting;  // "" when not given
};

struct ProfilesRead {
  std::uint32_t first_row = 0;          // the shard row of profiles[0]
  std::uint32_t matching_checksum = 0;  // the checksum of the matching file they belong to
  std::vector<PackedProfile> profiles;
  std::vector<Error> errors;  // at most one, as for check_matching
  bool ok() const { return errors.empty(); }
};

// Checks and reads a whole profile file. Text fields obey the directory's text rules (valid UTF-8,
// no control characters, the JSON loader's length limits).
ProfilesRead read_profiles(const std::string& name, std::string_view bytes);

// The therapist a checked row and its profile describe (for round trips and `tft match` over a
// packed directory). `profile` may be null: the text fields are then left empty.
Therapist unpack_therapist(const MatchingView& view, const PackedRow& row, const PackedProfile* profile);

// Fills in the card text of `t` (a therapist unpacked without its profile) from its profile record.
void apply_profile(PackedProfile&& profile, Therapist& t);

}  // namespace tft
