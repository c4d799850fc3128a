// Types for web/js/tft.js, kept by hand beside it. `tsc --noEmit` (tsconfig.json, run by
// ./scripts/test) checks every module in web/js against them. Field names follow the data files
// and the CLI's output (docs/).

export interface DataErrorItem {
  file: string;
  path: string;
  message: string;
  /** "FILE:PATH: message" */
  text: string;
}

export declare class DataError extends Error {
  errors: DataErrorItem[];
}

/** Thrown by Matcher.match for invalid answers: one item per bad field. */
export declare class AnswersError extends Error {
  errors: DataErrorItem[];
}

export type Evidence = "strong" | "moderate" | "emerging";

export interface GlossaryEntry {
  slug: string;
  name: string;
  aliases: string[];
  summary: string;
  how_it_works: string;
  who_for: string;
  session: string;
  benefits: string[];
  faqs: { q: string; a: string }[];
  evidence_summary: string;
  concerns: { id: string; evidence: Evidence }[];
  formats: string[];
  related: string[];
  last_reviewed: string;
}

export interface EntrySummary {
  slug: string;
  name: string;
  summary: string;
  aliases: string[];
}

/** [start, length] in UTF-16 code units: `text.slice(start, start + length)` is the matched word. */
export type Highlight = [number, number];

export interface SearchHit {
  slug: string;
  name: string;
  /** Higher is better; 1000 and above means the query is the entry's name or an alias. */
  score: number;
  /** The summary, or the passage the query matched, cut near 180 characters. */
  snippet: string;
  highlights: Highlight[];
  name_highlights: Highlight[];
  /** Where the best match was. */
  matched: "name" | "alias" | "summary" | "text";
  /** The alias that matched, when matched is "alias". */
  alias?: string;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
}

export interface Answers {
  who: "myself" | "couple" | "family" | "child";
  /** a whole number, or an age band from the questionnaire (for a child) */
  age?: number | { min: number; max: number };
  concerns?: string[];
  approaches?: string[];
  format?: ("in-person" | "video" | "phone" | "text")[];
  location?: { place: string } | { lat: number; lon: number };
  max_distance_km?: number;
  budget?: { max_per_session: number };
  low_cost?: boolean;
  languages?: string[];
  therapist_gender?: "female" | "male" | "non-binary" | "any";
  availability?: ("weekday-daytime" | "weekday-evening" | "weekend")[];
  identity?: string[];
  must_have?: string[];
  safety?: { risk: "none" | "some" | "urgent" };
}

export interface CrisisContact {
  id: string;
  name: string;
  how: string;
  when: string;
  for: string;
  phone?: string;
  sms?: string;
  urgent: boolean;
  /** the nations it serves */
  nations: Nation[];
  /** ages of the person it is for (Childline: 0-18); absent means any age */
  ages?: { min: number; max: number };
  /** concern ids it is for (a domestic abuse helpline: ["abuse"]); absent means any */
  concerns?: string[];
}

export type Nation = "england" | "wales" | "scotland" | "northern-ireland";

/** Contacts grouped for display: one group for a known nation, else "uk" then one per nation. */
export interface CrisisGroup {
  nation: Nation | "uk";
  title: string;
  /** contact ids, in display order */
  contacts: string[];
}

export interface CrisisPart {
  level: "none" | "some" | "urgent";
  /** from the place or coordinates in the answers; null when they give none */
  nation: Nation | null;
  /** every contact that fits, at some/urgent risk; [] at none */
  contacts: CrisisContact[];
  groups: CrisisGroup[];
  /** the urgent routes for this visitor at any risk level ("Need help now?") */
  need_help: CrisisGroup[];
}

export interface Signpost {
  id: string;
  /** the visitor's concern it answers, or null for one that applies to everyone who fits */
  concern: string | null;
  /** the nation it is for, or null for every nation */
  nation: Nation | null;
  text: string;
  /** crisis contact ids (look them up in crisis().contacts) */
  contacts: string[];
}

export interface Registration {
  body: string;
  level: string;
  number: string;
  /** YYYY-MM-DD: when the registration was last checked */
  checked: string;
}

export interface Match {
  id: string;
  name: string;
  /** 0..100: share of what the visitor asked for that this therapist meets */
  score: number;
  /** the score in words: strong 80+, good 60-79, partial below (pages show this, not the number) */
  band: "strong" | "good" | "partial";
  /** lists at least one of the visitor's concerns (false when none were asked) */
  lists_concern: boolean;
  /** not confirmed in the 6 months before the reference day: a caveat says so and it ranks lower */
  stale: boolean;
  /** each score term that applies: points earned of those possible */
  breakdown: { term: string; earned: number; possible: number }[];
  /** nearest in-person location, 0.1 km steps; absent when there is no location to measure */
  distance_km?: number;
  /** why this match: one line per score term that earned points */
  reasons: string[];
  /** what does not fit: the freshness caveat first when stale, then one line per term that lost points */
  caveats: string[];
  /** the nearest (or first) place they see people in person */
  place?: string;
  pronouns?: string;
  gender: "female" | "male" | "non-binary" | "undisclosed";
  registrations: Registration[];
  approaches: string[];
  concerns: string[];
  clients: ("individuals" | "couples" | "families")[];
  ages: { min: number; max: number };
  formats: ("in-person" | "video" | "phone" | "text")[];
  locations: { place: string; lat: number; lon: number }[];
  languages: string[];
  fees: { min: number; max: number; concessions: boolean; low_cost_places: boolean };
  availability: ("weekday-daytime" | "weekday-evening" | "weekend")[];
  identity: string[];
  accepting_new: boolean;
  /** how soon a new client can usually start */
  waiting?: "none" | "weeks" | "months";
  /** at least one; website is always https */
  contact: { email?: string; phone?: string; website?: string };
  /** YYYY-MM-DD: the day the therapist last confirmed the entry */
  updated: string;
  bio?: string;
}

/** The facts of the results page's first sentence, counted over every therapist that passes. */
export interface MatchSummary {
  passing: number;
  /** of those, how many list at least one chosen concern (only when concerns were given) */
  listing_concerns?: number;
  /** the next four only when in-person sessions with a location were asked for */
  max_distance_km?: number;
  /** of the first group (those listing a concern if any, else all): within max_distance_km in person */
  nearby?: number;
  /** other ways the rest of that group meet, among those the visitor accepts */
  remote_formats?: ("video" | "phone" | "text")[];
  /** passing therapists not confirmed within 6 months of `today` */
  stale: number;
  /** YYYY-MM-DD: the reference day used */
  today: string;
}

export type Suggestion =
  | { relax: "must_have"; field: string; gain: number; text: string }
  | { relax: "max_distance_km"; to: number; gain: number; text: string }
  | { relax: "budget"; to: number; gain: number; text: string }
  | { relax: "format"; add: "video" | "phone" | "text"; gain: number; text: string };

export interface MatchResult {
  crisis: CrisisPart;
  signposts: Signpost[];
  summary: MatchSummary;
  approaches: { slug: string; name: string; score: number; reasons: string[] }[];
  matches: Match[];
  /** by: first failing filter -> count; keys who, age, accepting_new, format, distance, then must-haves */
  excluded: { total: number; by: Record<string, number> };
  /** largest gain first */
  suggestions: Suggestion[];
}

export interface PlaceSuggestion {
  name: string;
  county: string;
  region: "England" | "Scotland" | "Wales" | "Northern Ireland";
  lat: number;
  lon: number;
  /** what the place box shows and the answers carry: the name, or "Name, County" when names are shared */
  label: string;
}

/** What a typed place names: the place, or null with up to 3 known names close to the text. */
export type PlaceLookup = { place: PlaceSuggestion; suggestions?: undefined } | { place: null; suggestions: string[] };

/** A directory entry as the core loaded it (the shape of one item of the directory file). */
export type TherapistProfile = Omit<Match, "score" | "band" | "lists_concern" | "stale" | "breakdown" | "distance_km" | "reasons" | "caveats" | "place">;

export interface Question {
  /** the answers field it fills (docs/design.md#answers) */
  id: string;
  kind: "single" | "multi" | "number" | "place" | "yes-no";
  prompt: string;
  help?: string;
  required: boolean;
  can_be_must_have: boolean;
  min?: number;
  max?: number;
  unit?: string;
  /** wording by who the therapy is for (a `who` option id -> text); see worded() in questionnaire-model.js */
  prompt_by_who?: Record<string, string>;
  help_by_who?: Record<string, string>;
  /** `risk`: on the safety question only, the risk level the answer means */
  options?: { id: string; label: string; label_by_who?: Record<string, string>; help?: string; risk?: "none" | "some" | "urgent" }[];
  options_from?: "concerns" | "approaches";
  /** ask only when an earlier answer holds one of these values */
  shows_if?: { question: string; any_of: string[] };
  /** ranges offered instead of a number box when `shows_if` holds; a band answers {min, max} */
  bands?: { shows_if: { question: string; any_of: string[] }; options: { id: string; label: string; min: number; max: number }[] };
}

export interface Matcher {
  /** Problems in the directory file; entries with problems were left out. */
  directoryErrors: DataErrorItem[];
  /** Set when the directory was chosen by name from data/directories.json. */
  directoryChoice: DirectoryChoice | null;
  directory(): { fictional: boolean; notice: string; therapists: number };
  /** Absent from the "tft-find" module. */
  entry?(slug: string): GlossaryEntry | null;
  entries(): EntrySummary[];
  questionnaire(): { questions: Question[] };
  concerns(): { id: string; label: string; description: string }[];
  /** every contact, grouped for a visitor whose nation and age are unknown */
  crisis(): { last_checked: string; source_note?: string; contacts: CrisisContact[]; groups: CrisisGroup[]; need_help: CrisisGroup[] };
  /** The crisis part and signposts for answers part-way through the questionnaire. Throws AnswersError. */
  safetyRoutes(answers: Partial<Answers> | string): { crisis: CrisisPart; signposts: Signpost[] };
  /** Absent from the "tft-find" module (docs/matching.md, "Module size"). */
  search?(query: string, options?: { limit?: number }): SearchResult;
  /**
   * Throws AnswersError for invalid answers or options. limit 0 = every therapist that passes.
   * today: YYYY-MM-DD for freshness (default: the directory's newest "updated"); units: the words.
   */
  match(answers: Answers | string, options?: { limit?: number; today?: string; units?: "km" | "miles" }): MatchResult;
  /** UK places whose name starts with `prefix`, most populous first (default limit 8, at most 100). */
  places(prefix: string, options?: { limit?: number }): PlaceSuggestion[];
  /** The place a visitor typed ("Leeds", "Newport, Isle of Wight"), as the matcher reads answers. */
  resolvePlace(text: string): PlaceLookup;
  /** Profiles of the loaded (valid) entries with these ids, in that order; unknown ids are left out. */
  therapists(ids: string[]): TherapistProfile[];
  /** Errors for one directory entry, paths from "$"; empty when the entry is good. */
  /** Absent from the "tft-find" module. */
  validateProfile?(profile: object | string): DataErrorItem[];
  /** Set when the directory is a published (packed) one: createMatcher({ publishedUrl }). */
  published?: true;
  /** The shards these answers need that are not loaded yet; null answers: every shard left. */
  shardsToLoad?(answers: Partial<Answers> | string | null): PublishedFile[];
  /** Fetches and adds the shards these answers need; resolves to the errors (a bad shard is left out whole). */
  loadShards?(answers: Partial<Answers> | string | null, options?: { onProgress?: (p: DownloadProgress) => void }): Promise<DataErrorItem[]>;
  /** The profile files (card text) of these loaded ids that are not loaded yet. */
  profilesToLoad?(ids: string[]): PublishedFile[];
  /** Fetches and adds the profile files of these loaded ids; resolves to the errors. */
  loadProfiles?(ids: string[], options?: { onProgress?: (p: DownloadProgress) => void }): Promise<DataErrorItem[]>;
}

/** One file of a published directory the core asks for (docs/directory-format.md). */
export interface PublishedFile {
  shard: number;
  profile?: number;
  file: string;
  bytes: number;
}

/** Bytes fetched so far of the files one call needs. */
export interface DownloadProgress {
  done: number;
  total: number;
  files: number;
}

export interface MatcherOptions {
  dataUrl?: string;
  /** null loads no directory (glossary pages); match() then sees an empty directory. */
  /** A published directory's name in data/directories.json ("" for the default one). */
  directory?: string;
  directoryUrl?: string | null;
  /** A published directory's manifest (directory.json from `tft pack`); wins over the other two. */
  publishedUrl?: string | null;
  /** Which core module to load; default "tft-core". */
  module?: CoreModule;
  wasmUrl?: string;
  readText?: (url: string) => Promise<string>;
  readBytes?: (url: string) => Promise<Uint8Array>;
  moduleFactory?: () => Promise<unknown>;
}

/** The data files every createMatcher reads from dataUrl, without ".json". */
export declare const DATA_FILES: readonly string[];

/** The published directory loaded by name; `unknown` is the name asked for when it was not found. */
export interface DirectoryChoice {
  name: string;
  label: string;
  file: string;
  unknown: string | null;
}

export declare function createMatcher(options?: MatcherOptions): Promise<Matcher>;

/** The browser modules built from src/wasm/bindings.cpp (docs/matching.md, "Module size"). */
export type CoreModule = "tft-core" | "tft-find" | "tft-glossary";

export interface GlossaryOptions {
  dataUrl?: string;
  module?: CoreModule;
  wasmUrl?: string;
  readText?: (url: string) => Promise<string>;
  moduleFactory?: () => Promise<unknown>;
}

/** The glossary pages' core: search, the entries and the concern list, and nothing that matches. */
export interface Glossary {
  entry(slug: string): GlossaryEntry | null;
  entries(): EntrySummary[];
  concerns(): { id: string; label: string; description: string }[];
  search(query: string, options?: { limit?: number }): SearchResult;
}

/** The data files createGlossary reads from dataUrl, without ".json". */
export declare const GLOSSARY_FILES: readonly string[];

export declare function createGlossary(options?: GlossaryOptions): Promise<Glossary>;

/** The SHA-256 of `bytes` as lower-case hex by crypto.subtle, or "" where there is none. */
export declare function sha256Hex(bytes: Uint8Array): Promise<string>;

/**
 * Copies `bytes` into the core's memory for its next addPublishedShard/addPublishedProfiles (one
 * HEAPU8.set into room the core makes), returning where they went. `core` is the Embind module.
 */
export declare function stageBytes(core: unknown, bytes: Uint8Array): number;
