// The only Embind file: thin glue from JS strings to core calls. Everything crosses the boundary
// as JSON text built by core/serialize.h, so the JS side gets plain objects (JSON.parse) and the
// bytes equal the native CLI's. No C++ object is handed to JS, so JS never has to free anything.
//
// One module instance holds one loaded dataset and directory; web/js/tft.js creates the instance.
//
// CMakeLists.txt compiles this file once per browser module, and what a module does not bind the
// linker leaves out, so each page downloads only the code it runs (docs/matching.md, "Module size"):
//
//   tft-core      (no define)                every function: node tests, the For Professionals page,
//                                            and the find page over a named JSON directory (embeds)
//   tft-find      TFT_WASM_MODULE_FIND       the find page over a published directory: no search,
//                                            no whole entries, no JSON directory reader, no
//                                            profile checker
//   tft-glossary  TFT_WASM_MODULE_GLOSSARY   the glossary search: glossary and concerns only
#if defined(TFT_WASM_MODULE_GLOSSARY)
#define TFT_BIND_MATCHING 0
#define TFT_BIND_JSON_DIRECTORY 0
#define TFT_BIND_SEARCH 1
#elif defined(TFT_WASM_MODULE_FIND)
#define TFT_BIND_MATCHING 1
#define TFT_BIND_JSON_DIRECTORY 0
#define TFT_BIND_SEARCH 0
#else
#define TFT_BIND_MATCHING 1
#define TFT_BIND_JSON_DIRECTORY 1
#define TFT_BIND_SEARCH 1
#endif

#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/crisis_contacts.h"
#include "core/directory_catalogue.h"
#include "core/loaders.h"
#include "core/matcher.h"
#include "core/partial_directory.h"
#include "core/place_lookup.h"
#include "core/search.h"
#include "core/serialize.h"

namespace {

struct State {
  tft::Dataset data;
  tft::Directory directory;
  // A published directory (docs/directory-format.md), read shard by shard; used instead of
  // `directory` once openPublished has been called.
  tft::PartialDirectory published;
  bool use_published = false;
  bool matcher_stale = false;  // shards were added since the matcher was prepared
  tft::Matcher matcher;        // points into data and the directory in use; rebuilt whenever either changes
  // The bytes of the next published file to add, written straight into the module's memory by
  // web/js/tft.js (publishedBuffer, then one HEAPU8.set): Embind would copy a Uint8Array into a
  // std::string one byte at a time in JavaScript (docs/matching.md, "Loading 100k packed").
  std::string incoming;
  // Built on the first search after a dataset loads (tens of milliseconds in WebAssembly: search.h
  // says why the glossary page builds it early), then reused for every query.
  std::optional<tft::SearchIndex> search_index;
};

State& state() {
  static State s;
  return s;
}

#if TFT_BIND_MATCHING
// The matcher over the directory in use: the published one's loaded shards once openPublished was
// called. tft-find has no JSON directory (nothing fills s.directory there), so it always prepares
// over the published rows, empty until openPublished, and links no JSON-directory preparation.
tft::Matcher prepared_matcher(const State& s) {
#if TFT_BIND_JSON_DIRECTORY
  if (!s.use_published) return tft::prepare_matcher(s.data, s.directory);
#endif
  return tft::prepare_matcher(s.data, s.published.directory);
}

const tft::Matcher& current_matcher() {
  State& s = state();
  if (s.matcher_stale) {
    s.matcher = prepared_matcher(s);
    s.matcher_stale = false;
  }
  return s.matcher;
}

#endif

std::string errors_text(const std::vector<tft::Error>& errors) {
  return tft::to_text(tft::errors_to_json(errors), false);
}

#if TFT_BIND_SEARCH
// Only what search and the glossary entries need (core/loaders.h): the glossary pages' whole load.
// Returns a JSON array of errors.
std::string load_glossary(const std::string& glossary, const std::string& concerns) {
  tft::DatasetLoad load = tft::load_glossary_data({"glossary.json", glossary}, {"concerns.json", concerns});
  State& s = state();
  s.data = std::move(load.data);
  s.search_index.reset();
#if TFT_BIND_MATCHING
  s.matcher = prepared_matcher(s);  // the old one pointed into the data just replaced
  s.matcher_stale = false;
#endif
  return errors_text(load.errors);
}
#endif

#if TFT_BIND_MATCHING

// Returns a JSON array of errors; empty when every file loaded cleanly.
std::string load_dataset(const std::string& glossary, const std::string& concerns,
                         const std::string& questionnaire, const std::string& crisis,
                         const std::string& places) {
  tft::DatasetSources sources{{"glossary.json", glossary},
                              {"concerns.json", concerns},
                              {"questionnaire.json", questionnaire},
                              {"crisis.json", crisis},
                              {"places-gb.json", places}};
  tft::DatasetLoad load = tft::load_dataset(sources);
  state().data = std::move(load.data);
  state().search_index.reset();
  state().matcher = prepared_matcher(state());
  return tft::to_text(tft::errors_to_json(load.errors), false);
}

#endif

#if TFT_BIND_JSON_DIRECTORY
// Call after load_dataset. Returns a JSON array of errors; good entries are kept either way.
std::string load_directory(const std::string& name, const std::string& text) {
  tft::DirectoryLoad load = tft::load_directory({name, text}, state().data);
  state().directory = std::move(load.directory);
  state().use_published = false;
  state().matcher = tft::prepare_matcher(state().data, state().directory);
  return tft::to_text(tft::errors_to_json(load.errors), false);
}

// Adds a further shard (a region's file, docs/directory-format.md) to the loaded directory; errors as above,
// and an id already loaded from another shard is one of them.
std::string append_directory(const std::string& name, const std::string& text) {
  tft::DirectoryLoad load = tft::load_directory({name, text}, state().data, &state().directory);
  tft::append_directory(state().directory, std::move(load.directory));
  state().use_published = false;
  state().matcher = tft::prepare_matcher(state().data, state().directory);
  return tft::to_text(tft::errors_to_json(load.errors), false);
}

// data/directories.json checked: {"directories": [{name, label, file, default, therapists?}], "errors"}.
std::string directory_catalogue(const std::string& text) {
  const tft::CatalogueLoad load = tft::load_directory_catalogue({"directories.json", text});
  tft::ordered_json list = tft::ordered_json::array();
  for (const auto& e : load.catalogue.directories) {
    tft::ordered_json j{{"name", e.name}, {"label", e.label}, {"file", e.file}, {"default", e.is_default}};
    if (e.therapists) j["therapists"] = e.therapists->size();
    list.push_back(std::move(j));
  }
  return tft::to_text(tft::ordered_json{{"directories", list}, {"errors", tft::errors_to_json(load.errors)}},
                      false);
}

// Call after load_directory with the file that `name` names in the catalogue: keeps only the
// therapists that entry lists (all of them when it lists none). Returns a JSON array of errors.
std::string select_directory(const std::string& catalogue_text, const std::string& name) {
  const tft::CatalogueLoad load = tft::load_directory_catalogue({"directories.json", catalogue_text});
  if (!load.ok()) return tft::to_text(tft::errors_to_json(load.errors), false);
  const auto& list = load.catalogue.directories;
  const tft::CatalogueEntry* entry = tft::find_catalogue_entry(load.catalogue, name);
  if (!entry)
    return tft::to_text(tft::errors_to_json({{"directories.json", "$.directories",
                                              "names no directory " + tft::quote_for_message(name)}}),
                        false);
  const auto index = static_cast<std::size_t>(entry - list.data());
  const std::vector<tft::Error> errors =
      tft::select_therapists(state().directory, *entry, index, "directories.json");
  state().matcher = tft::prepare_matcher(state().data, state().directory);
  return tft::to_text(tft::errors_to_json(errors), false);
}

#endif

#if TFT_BIND_MATCHING
// The result (docs/design.md#result) as the CLI prints it (same bytes, without the CLI's final newline), or
// {"errors": [...]} naming each bad field of the answers or option. `limit` 0 means all that pass;
// `today` (YYYY-MM-DD, or "" for the directory's newest date) and `units` ("km" | "miles") as
// `tft match --today --units`. Over a published directory, the loaded shards are matched and the
// rest counted as excluded (core/partial_directory.h); pass `today` there, since the newest date
// of the loaded shards need not be the directory's.
std::string match(const std::string& answers, int limit, const std::string& today, const std::string& units) {
  tft::MatchOptions options;
  options.limit = limit > 0 ? static_cast<std::size_t>(limit) : 0;
  if (auto bad = tft::parse_match_options(today, units, options); !bad.empty())
    return tft::to_text(tft::ordered_json{{"errors", tft::errors_to_json(bad)}}, false);
  const tft::MatchText out =
      state().use_published ? tft::match_partial_text(current_matcher(), state().published, answers, options)
                            : tft::match_text(current_matcher(), answers, options);
  if (!out.ok()) return tft::to_text(tft::ordered_json{{"errors", tft::errors_to_json(out.errors)}}, false);
  return out.text;
}

// match(answers, limit) as before the options existed: km, and the directory's own date.
std::string match_in_km(const std::string& answers, int limit) {
  return match(answers, limit, "", "km");
}

// The place box: {"places": [{name, county, region, lat, lon, label}]}, most populous first.
std::string places(const std::string& prefix, int limit) {
  return tft::to_text(
      tft::places_json(current_matcher().places, prefix, limit > 0 ? static_cast<std::size_t>(limit) : 0),
      false);
}

// What the visitor typed in the place box: {"place": {...}} or {"place": null, "suggestions"}.
std::string resolve_place(const std::string& text) {
  return tft::to_text(tft::resolve_place_json(current_matcher().places, text), false);
}

// {fictional, notice, therapists}: for a published directory, the manifest's total.
std::string directory_info() {
  const State& s = state();
  const bool fictional = s.use_published ? s.published.directory.fictional : s.directory.fictional;
  const std::string& notice = s.use_published ? s.published.directory.notice : s.directory.notice;
  const std::uint64_t total =
      s.use_published ? s.published.manifest.therapists : s.directory.therapists.size();
  tft::ordered_json j{{"fictional", fictional}, {"notice", notice}, {"therapists", total}};
  return tft::to_text(j, false);
}

// ---- a published directory, shard by shard (core/partial_directory.h) ----------------------------

// Call after loadDataset. Reads the manifest and uses the (still empty) published directory from
// now on. Returns a JSON array of errors.
std::string open_published(const std::string& name, const std::string& manifest) {
  State& s = state();
  const auto errors = tft::open_manifest(s.published, {name, manifest});
  s.use_published = errors.empty();
  s.matcher = prepared_matcher(s);
  s.matcher_stale = false;
  return errors_text(errors);
}

tft::ordered_json file_json(const tft::PublishedFile& f) {
  return {{"file", f.file}, {"bytes", f.bytes}};
}

// The matching files these answers need that are not loaded yet:
// {"files": [{"shard", "file", "bytes"}]}, or {"errors": [...]} for answers that do not parse.
// Empty answers ("") mean every shard not loaded yet (to find any stored id).
std::string published_shards_to_load(const std::string& answers) {
  State& s = state();
  std::vector<std::size_t> shards;
  if (answers.empty()) {
    for (std::size_t i = 0; i < s.published.shards.size(); ++i)
      if (!s.published.shards[i].loaded) shards.push_back(i);
  } else {
    tft::AnswersParse parsed = tft::parse_answers(answers, s.data, current_matcher().places);
    if (!parsed.ok())
      return tft::to_text(tft::ordered_json{{"errors", tft::errors_to_json(parsed.errors)}}, false);
    shards = tft::shards_to_load(s.published, parsed.answers);
  }
  tft::ordered_json files = tft::ordered_json::array();
  for (const auto i : shards) {
    tft::ordered_json f = file_json(s.published.manifest.shards[i].matching);
    f["shard"] = i;
    files.push_back(std::move(f));
  }
  return tft::to_text(tft::ordered_json{{"files", files}}, false);
}

// Makes room for the next published file's `size` bytes and returns where they go in the module's
// memory, for the caller to fill (HEAPU8.set) before addPublishedShard or addPublishedProfiles,
// which take them. Any bytes staged before and not taken are dropped.
std::uintptr_t published_buffer(int size) {
  std::string& in = state().incoming;
  in.assign(static_cast<std::size_t>(std::max(size, 0)), '\0');
  return reinterpret_cast<std::uintptr_t>(in.data());
}

// The staged bytes, taken: a second add without staging again gets none (an error naming the file).
std::string take_incoming() {
  std::string bytes = std::move(state().incoming);
  state().incoming.clear();
  return bytes;
}

// Adds one shard's matching file (the bytes staged by publishedBuffer, and their SHA-256 as
// lower-case hex if the worker computed it with crypto.subtle, else "" for the core to hash them).
// Returns a JSON array of errors; on any error nothing of the shard is added.
std::string add_published_shard(int shard, const std::string& sha256) {
  State& s = state();
  std::string bytes = take_incoming();
  if (shard < 0)
    return errors_text({{"directory.json", "$.shards", "has no shard " + std::to_string(shard)}});
  const auto errors =
      tft::add_shard(s.published, static_cast<std::size_t>(shard), std::move(bytes), s.data, sha256);
  if (errors.empty()) s.matcher_stale = true;
  return errors_text(errors);
}

// Ids cross as one string, one id a line (ids never hold a line break), so nothing is parsed.
std::vector<std::string> id_lines(const std::string& text) {
  std::vector<std::string> ids;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) ids.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return ids;
}

// The profile files holding the card text of these ids (one a line) that are not loaded yet:
// {"files": [{"shard", "profile", "file", "bytes"}]}.
std::string published_profiles_to_load(const std::string& id_list) {
  State& s = state();
  const std::vector<std::string> ids = id_lines(id_list);
  tft::ordered_json files = tft::ordered_json::array();
  for (const auto& ref : tft::profile_files_for(s.published, ids)) {
    tft::ordered_json f = file_json(s.published.manifest.shards[ref.shard].profiles[ref.file].file);
    f["shard"] = ref.shard;
    f["profile"] = ref.file;
    files.push_back(std::move(f));
  }
  return tft::to_text(tft::ordered_json{{"files", files}}, false);
}

// Adds one profile file (the bytes staged by publishedBuffer and their SHA-256, as for
// add_published_shard). Returns a JSON array of errors.
std::string add_published_profiles(int shard, int profile, const std::string& sha256) {
  const std::string bytes = take_incoming();
  if (shard < 0 || profile < 0)
    return errors_text({{"directory.json", "$.shards", "has no such profile file"}});
  return errors_text(tft::add_profiles(state().published,
                                       {static_cast<std::size_t>(shard), static_cast<std::size_t>(profile)},
                                       bytes, sha256));
}

// The entries of these ids (one a line) as the directory file holds them, in the order given; ids
// not loaded are left out (a stored shortlist from a changed directory).
std::string therapists(const std::string& id_list) {
  const State& s = state();
  tft::ordered_json list = tft::ordered_json::array();
  for (const auto& key : id_lines(id_list)) {
    if (s.use_published) {
      if (const auto i = tft::find_loaded(s.published, key))
        list.push_back(tft::therapist_to_json(tft::packed_entry(s.published.directory, *i)));
    } else {
      for (const auto& t : s.directory.therapists)
        if (t.id == key) {
          list.push_back(tft::therapist_to_json(t));
          break;
        }
    }
  }
  return tft::to_text(list, false);
}

#endif

#if TFT_BIND_SEARCH
// The entry as JSON, or "null" when no entry has that slug. (The find page never shows a whole
// entry: its results link to the glossary pages.)
std::string entry(const std::string& slug) {
  const tft::GlossaryEntry* e = tft::find_entry(state().data, slug);
  return e ? tft::to_text(tft::entry_to_json(*e), true) : "null";
}

#endif

std::string entries() {
  tft::ordered_json list = tft::ordered_json::array();
  for (const auto& e : state().data.glossary)
    list.push_back({{"slug", e.slug}, {"name", e.name}, {"summary", e.summary}, {"aliases", e.aliases}});
  return tft::to_text(list, false);
}

#if TFT_BIND_SEARCH
// {"query", "hits": [...]} exactly as `tft search QUERY --limit N` prints it (without the newline).
std::string search(const std::string& query, int limit) {
  State& s = state();
  if (!s.search_index) s.search_index = tft::build_search_index(s.data);
  const std::size_t n = limit < 0 ? 0 : static_cast<std::size_t>(limit);
  return tft::search_result_to_text(tft::search(*s.search_index, query, n));
}

#endif

std::string concerns() {
  return tft::to_text(tft::concerns_to_json(state().data.concerns), false);
}

#if TFT_BIND_MATCHING
std::string questionnaire() {
  return tft::to_text(tft::questionnaire_to_json(state().data.questionnaire), false);
}
// Every crisis contact grouped by nation, as `tft crisis` prints it (compact here).
std::string crisis() {
  return tft::to_text(tft::crisis_directory_json(state().data.crisis), false);
}

// {"crisis", "signposts"} for answers part-way through the questionnaire, as
// `tft crisis --answers` prints it (without the final newline), or {"errors": [...]}.
std::string safety_routes(const std::string& answers) {
  const tft::SafetyRoutesText out = tft::safety_routes_text(state().data, current_matcher().places, answers);
  if (!out.ok()) return tft::to_text(tft::ordered_json{{"errors", tft::errors_to_json(out.errors)}}, false);
  return out.text;
}

#endif

#if TFT_BIND_JSON_DIRECTORY
std::string validate_profile(const std::string& profile) {
  return tft::to_text(tft::errors_to_json(tft::validate_profile(profile, state().data)), false);
}
#endif

}  // namespace

// Embind's library registers every type it knows when the module starts (wide strings, floats,
// 64-bit integers, emscripten::val, a dozen memory views), and the glue then carries the
// JavaScript for each. The calls above take and return only std::string, int and unsigned long
// (std::uintptr_t), so the modules link Embind's JavaScript without its C++ library
// (CMakeLists.txt) and define here the two functions that library's bind.cpp did, registering
// only those three types: the glue then keeps only their code.
// __getTypeName names a type in Embind's "unbound type" errors by its address, as the library
// does without RTTI, but without sprintf, whose formatter would otherwise stay in the module
// (docs/matching.md, "Module size"). A binding using a type registered nowhere would throw
// Embind's UnboundTypeError at its first call; the node tests call bindings of all three types.
extern "C" {

EMSCRIPTEN_KEEPALIVE __attribute__((constructor)) void __embind_register_native_and_builtin_types() {
  using emscripten::internal::TypeID;
  emscripten::internal::_embind_register_integer(TypeID<int>::get(), "int", sizeof(int), INT_MIN, INT_MAX);
  emscripten::internal::_embind_register_integer(TypeID<unsigned long>::get(), "unsigned long",
                                                 sizeof(unsigned long), 0, ULONG_MAX);
  emscripten::internal::_embind_register_std_string(TypeID<std::string>::get(), "std::string");
}

EMSCRIPTEN_KEEPALIVE const char* __getTypeName(const void* type) {
  // "0x" and the address in hex; the glue frees it.
  char* name = static_cast<char*>(std::malloc(2 + 2 * sizeof(type) + 1));
  if (name == nullptr) return nullptr;
  auto address = reinterpret_cast<std::uintptr_t>(type);
  char* p = name + 2 + 2 * sizeof(type);
  *p = '\0';
  do {
    *--p = "0123456789abcdef"[address % 16];
    address /= 16;
  } while (address != 0);
  *--p = 'x';
  *--p = '0';
  if (p != name) std::memmove(name, p, std::strlen(p) + 1);
  return name;
}

}  // extern "C"

EMSCRIPTEN_BINDINGS(tft_core) {
  emscripten::function("entries", &entries);
  emscripten::function("concerns", &concerns);
#if TFT_BIND_SEARCH
  emscripten::function("entry", &entry);
  emscripten::function("loadGlossary", &load_glossary);
  emscripten::function("search", &search);
#endif
#if TFT_BIND_MATCHING
  emscripten::function("loadDataset", &load_dataset);
  // Overloaded by argument count: match(answers, limit) or match(answers, limit, today, units).
  emscripten::function("match", &match);
  emscripten::function("match", &match_in_km);
  emscripten::function("places", &places);
  emscripten::function("resolvePlace", &resolve_place);
  emscripten::function("directoryInfo", &directory_info);
  emscripten::function("openPublished", &open_published);
  emscripten::function("publishedShardsToLoad", &published_shards_to_load);
  emscripten::function("publishedBuffer", &published_buffer);
  emscripten::function("addPublishedShard", &add_published_shard);
  emscripten::function("publishedProfilesToLoad", &published_profiles_to_load);
  emscripten::function("addPublishedProfiles", &add_published_profiles);
  emscripten::function("therapists", &therapists);
  emscripten::function("questionnaire", &questionnaire);
  emscripten::function("crisis", &crisis);
  emscripten::function("safetyRoutes", &safety_routes);
#endif
#if TFT_BIND_JSON_DIRECTORY
  emscripten::function("loadDirectory", &load_directory);
  emscripten::function("appendDirectory", &append_directory);
  emscripten::function("directoryCatalogue", &directory_catalogue);
  emscripten::function("selectDirectory", &select_directory);
  emscripten::function("validateProfile", &validate_profile);
#endif
}
