// The web worker's way of reading a published directory, in the WASM module through tft.js: only
// the manifest at start, then the shards the answers need, then the profile files of the matches
// shown. Held to the native CLI, which reads every shard: the same matches, byte for byte, and
// excluded counts that still add up to the whole directory.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { createMatcher, AnswersError, sha256Hex, stageBytes } from "../../web/js/tft.js";
import { dataDir, fixturesDir, loadCore, readFixture, runCli } from "./support.mjs";

const tmp = mkdtempSync(join(tmpdir(), "tft-published-"));
const out = join(tmp, "directory");
// Small shards, so that a visitor's answers leave some out: the sample's 19 in-person-only
// therapists make four region shards, its 221 who offer remote sessions four remote shards.
const packed = runCli(["pack", "--out", out, "--region-size", "5", "--shard-size", "60", "--profile-size", "9", join(dataDir, "therapists.sample.json")]);
assert.equal(packed.status, 0, packed.stderr);
const manifest = JSON.parse(readFileSync(join(out, "directory.json"), "utf8"));

// A matcher over the published directory that records every file it reads.
async function openPublished({ damage } = {}) {
  const read = [];
  // The find page's own module (matcher-worker.js loads it for a published directory).
  const moduleFactory = () => loadCore("tft-find");
  const readText = async (url) => {
    read.push(url);
    return url.startsWith(out) ? readFileSync(url, "utf8") : readFileSync(join(dataDir, url.replace(/^data\//, "")), "utf8");
  };
  const readBytes = async (url) => {
    read.push(url);
    const bytes = new Uint8Array(readFileSync(url));
    if (damage && url.endsWith(damage)) bytes[bytes.length >> 1] ^= 1;
    return bytes;
  };
  const tft = await createMatcher({ moduleFactory, readText, readBytes, publishedUrl: join(out, "directory.json") });
  return { tft, read, files: () => read.filter((u) => u.startsWith(out)).map((u) => u.slice(out.length + 1)) };
}

// The worker's order: shards, a match, the shown matches' profile files, the match again. The day
// is fixed, as the page fixes it to the visitor's: by default it is the newest "updated" date of
// what is loaded, which for some shards need not be the whole directory's.
const TODAY = "2026-11-30";
async function matchAsWorker(tft, answers, limit) {
  assert.deepEqual(await tft.loadShards(answers), []);
  const first = tft.match(answers, { limit, today: TODAY });
  assert.deepEqual(await tft.loadProfiles(first.matches.map((m) => m.id)), []);
  return tft.match(answers, { limit, today: TODAY });
}

const sumOf = (by) => Object.values(by).reduce((a, b) => a + b, 0);
const regionTherapists = manifest.shards.filter((s) => s.kind === "region").reduce((n, s) => n + s.therapists, 0);

test("at start only the manifest is read, and the directory's size is the manifest's", async () => {
  const { tft, files } = await openPublished();
  assert.deepEqual(files(), ["directory.json"]);
  assert.equal(tft.directory().therapists, 240);
  assert.equal(tft.directory().fictional, true);
});

test("every answer fixture gives the CLI's matches byte for byte, reading only the shards it needs", async () => {
  const names = readdirSync(join(fixturesDir, "answers")).filter((n) => n.startsWith("valid-"));
  assert.ok(names.length >= 10);
  let partial = 0;
  for (const name of names) {
    const answers = readFixture(`answers/${name}`).answers;
    const { tft, files } = await openPublished();
    for (const limit of [20, 0]) {
      const cli = runCli(["match", "--answers", "-", "--limit", String(limit), "--today", TODAY, "--directory", join(out, "directory.json")], JSON.stringify(answers));
      assert.equal(cli.status, 0, cli.stderr);
      const full = JSON.parse(cli.stdout);
      const mine = await matchAsWorker(tft, answers, limit);
      const { excluded: a, ...restMine } = mine;
      const { excluded: b, ...restFull } = full;
      assert.deepEqual(restMine, restFull, name);
      assert.equal(a.total, b.total, `${name}: excluded.total counts the whole directory`);
      assert.equal(sumOf(a.by), a.total, name);
      const regionsRead = files().filter((f) => /^region-\d+\.match\.bin$/.test(f));
      const remoteRead = files().filter((f) => /^remote-\d+\.match\.bin$/.test(f));
      assert.equal(remoteRead.length, manifest.shards.filter((s) => s.kind === "remote").length, `${name}: every remote shard`);
      if (!answers.format.includes("in-person")) assert.deepEqual(regionsRead, [], `${name}: no in-person, no region shard`);
      const unread = manifest.shards.filter((s) => !files().includes(s.matching.file)).reduce((n, s) => n + s.therapists, 0);
      assert.equal(a.not_loaded ?? 0, unread, name);
      if (unread) {
        partial++;
        assert.ok(a.by[answers.format.includes("in-person") ? "distance" : "format"] >= unread, name);
      } else {
        assert.deepEqual(mine, full, name);
      }
    }
    // Each file is read once, whatever the number of matches.
    assert.equal(new Set(files()).size, files().length, name);
  }
  assert.ok(partial >= 3, `only ${partial} fixtures left a shard out`);
});

test("a video-only visitor reads no region shard and only the profile files of the cards shown", async () => {
  const { tft, files } = await openPublished();
  const answers = { who: "myself", format: ["video"], concerns: ["anxiety"] };
  const result = await matchAsWorker(tft, answers, 3);
  assert.equal(result.matches.length, 3);
  for (const m of result.matches) assert.ok(m.name.length > 0 && m.registrations.length > 0, m.id);
  assert.ok(!files().some((f) => f.startsWith("region-")));
  const profilesRead = files().filter((f) => f.includes(".profiles-"));
  assert.ok(profilesRead.length >= 1 && profilesRead.length <= 3, profilesRead.join());
  assert.equal(result.excluded.not_loaded, regionTherapists);
  assert.ok(result.excluded.by.format >= regionTherapists);
  // The stored-shortlist path: ids anywhere are found once every shard is read.
  const regionId = JSON.parse(runCli(["match", "--answers", "-", "--limit", "0"], JSON.stringify({ who: "myself", format: ["in-person"], location: { place: "leeds" }, max_distance_km: 1000 })).stdout)
    .matches.find((m) => m.formats.length === 1).id;
  assert.deepEqual(tft.therapists([regionId]), []);
  assert.deepEqual(await tft.loadShards(null), []);
  assert.deepEqual(await tft.loadProfiles([regionId, "no-such-id"]), []);
  const [entry] = tft.therapists([regionId, "no-such-id"]);
  assert.equal(entry.id, regionId);
  assert.ok(entry.name.length > 0);
});

test("a damaged shard is refused whole, named, and its therapists counted as unreadable", async () => {
  const remote = manifest.shards.find((s) => s.kind === "remote");
  const { tft } = await openPublished({ damage: remote.matching.file });
  const errors = await tft.loadShards({ who: "myself", format: ["video"] });
  assert.equal(errors.length, 1);
  assert.equal(errors[0].text, `${remote.matching.file}:$: its SHA-256 does not match the manifest: the file is damaged or from another publication`);
  const result = tft.match({ who: "myself", format: ["video"] }, { limit: 5 });
  assert.equal(result.excluded.by.unreadable, remote.therapists);
  assert.equal(result.excluded.not_loaded, remote.therapists + regionTherapists);
  assert.equal(sumOf(result.excluded.by), result.excluded.total);
  const passing = tft.match({ who: "myself", format: ["video"] }, { limit: 0 }).matches.length;
  assert.equal(result.excluded.total + passing, 240);
});

test("the worker hashes each file with crypto.subtle, or hands in none for the core to hash", async () => {
  // The digest the core compares with the manifest: lower-case hex, every byte two digits.
  for (const bytes of [new Uint8Array(0), new Uint8Array([0, 1, 2, 255]), readFileSync(join(out, manifest.shards[0].matching.file))]) {
    assert.equal(await sha256Hex(new Uint8Array(bytes)), createHash("sha256").update(bytes).digest("hex"));
  }
  // Without crypto.subtle (a page not served over HTTPS) the core hashes: loads and refusals are the same.
  const saved = Object.getOwnPropertyDescriptor(globalThis, "crypto");
  Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true, writable: true });
  try {
    assert.equal(await sha256Hex(new Uint8Array([1])), "");
    const remote = manifest.shards.find((s) => s.kind === "remote");
    const damaged = await openPublished({ damage: remote.matching.file });
    const errors = await damaged.tft.loadShards({ who: "myself", format: ["video"] });
    assert.equal(errors.length, 1);
    assert.equal(errors[0].text, `${remote.matching.file}:$: its SHA-256 does not match the manifest: the file is damaged or from another publication`);
    const { tft } = await openPublished();
    assert.deepEqual(await tft.loadShards(null), []);
  } finally {
    Object.defineProperty(globalThis, "crypto", saved);
  }
});

// The worker hands each file to the core by copying it into the module's memory (stageBytes). Making
// room may grow that memory, which replaces the JavaScript view of it: bytes written through the
// view from before would be lost (or throw), and every shard would then fail its checks.
test("bytes handed to the core land whole in its memory, also when making room grows it", async () => {
  const core = await loadCore("tft-find");
  const before = core.HEAPU8.length;
  const bytes = new Uint8Array(before + (1 << 20));  // more than the whole memory holds now
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + (i >> 12)) & 255;
  const at = stageBytes(core, bytes);
  assert.ok(core.HEAPU8.length > before, "the module's memory grew to make room");
  assert.ok(Buffer.from(core.HEAPU8.buffer, at, bytes.length).equals(bytes), "every byte is where the core reads it");
  // The core takes them with the next add: a shard it has no manifest for is refused, naming the manifest.
  assert.match(core.addPublishedShard(0, ""), /directory\.json/);
});

test("answers that do not parse are an AnswersError before anything is fetched", async () => {
  const { tft, files } = await openPublished();
  assert.throws(() => tft.shardsToLoad({ who: "myself", format: ["in-person"], location: { place: "Leds" } }), (e) => e instanceof AnswersError && e.errors[0].path === "$.location.place");
  assert.deepEqual(files(), ["directory.json"]);
});

test("a broken manifest stops createMatcher with the manifest's errors", async () => {
  const bad = join(tmp, "bad");
  runCli(["pack", "--out", bad, join(dataDir, "therapists.sample.json")]);
  const m = JSON.parse(readFileSync(join(bad, "directory.json"), "utf8"));
  m.therapists += 1;
  writeFileSync(join(bad, "directory.json"), JSON.stringify(m));
  const moduleFactory = () => loadCore("tft-find");
  const readText = async (url) => (url.startsWith(bad) ? readFileSync(url, "utf8") : readFileSync(join(dataDir, url.replace(/^data\//, "")), "utf8"));
  await assert.rejects(createMatcher({ moduleFactory, readText, publishedUrl: join(bad, "directory.json") }), (e) => /directory\.json:\$\.therapists: is 241 but the shards hold 240/.test(e.message));
});
