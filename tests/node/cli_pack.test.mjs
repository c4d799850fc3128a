// `tft pack` as a site owner meets it: publish the authoring JSON, match the published directory
// with the same bytes as the JSON, refuse a broken directory, and check each file against the
// manifest's SHA-256 (computed here by node's own crypto, an independent implementation).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dataDir, fixturesDir, readFixture, runCli } from "./support.mjs";

const tmp = mkdtempSync(join(tmpdir(), "tft-pack-"));
const sample = join(dataDir, "therapists.sample.json");

function pack(out, ...extra) {
  const r = runCli(["pack", "--out", out, ...extra]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(readFileSync(join(out, "directory.json"), "utf8"));
}

test("pack writes a manifest whose sizes and SHA-256 digests match the files it lists", () => {
  const out = join(tmp, "site");
  const r = runCli(["pack", "--out", out, "--region-size", "5", sample]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^packed 240 therapists into \d+ shards \(\d+ bytes of matching data, \d+ bytes of profiles\) in .*directory\.json\n$/);
  const manifest = JSON.parse(readFileSync(join(out, "directory.json"), "utf8"));
  assert.equal(manifest.format, "tft-packed-directory");
  assert.equal(manifest.version, 1);
  assert.equal(manifest.fictional, true);
  assert.match(manifest.notice, /invented/);
  assert.equal(manifest.shards.reduce((n, s) => n + s.therapists, 0), 240);
  const listed = [];
  for (const shard of manifest.shards) {
    for (const f of [shard.matching, ...shard.profiles]) {
      const bytes = readFileSync(join(out, f.file));
      assert.equal(bytes.length, f.bytes, f.file);
      assert.equal(createHash("sha256").update(bytes).digest("hex"), f.sha256, f.file);
      listed.push(f.file);
    }
  }
  assert.deepEqual(readdirSync(out).sort(), [...listed, "directory.json"].sort());
  // The sample has 19 therapists who meet only in person: with at most 5 a region, four region shards.
  assert.equal(manifest.shards.filter((s) => s.kind === "region").length, 4);
  // A matching file is far smaller than the JSON it came from (the target: 64 bytes a therapist).
  const matchingBytes = manifest.shards.reduce((n, s) => n + s.matching.bytes, 0);
  assert.ok(matchingBytes / 240 < 100, `${matchingBytes / 240} bytes a therapist`);
});

test("matching the packed directory prints exactly what matching the JSON prints", () => {
  const out = join(tmp, "same");
  pack(out, "--shard-size", "60", "--profile-size", "25", sample);
  const names = readdirSync(join(fixturesDir, "answers")).filter((n) => n.startsWith("valid-"));
  assert.ok(names.length >= 10);
  for (const name of names) {
    const answers = join(tmp, name);
    writeFileSync(answers, JSON.stringify(readFixture(`answers/${name}`).answers));
    for (const limit of ["0"]) {
      const a = runCli(["match", "--answers", answers, "--limit", limit]);
      const b = runCli(["match", "--answers", answers, "--limit", limit, "--directory", join(out, "directory.json")]);
      assert.equal(a.status, 0, a.stderr);
      assert.equal(b.stderr, "");
      assert.equal(b.stdout, a.stdout, `${name} --limit ${limit}`);
    }
  }
});

test("pack refuses a directory with problems, or an id given twice across files, and writes nothing", () => {
  const broken = readFixture("directory-errors.json").cases.find((c) => c.name === "several problems are all reported");
  const file = join(tmp, "broken.json");
  writeFileSync(file, broken.text);
  const out = join(tmp, "refused");
  let r = runCli(["pack", "--out", out, file]);
  assert.equal(r.status, 1);
  assert.deepEqual(r.stderr.trim().split("\n").slice(0, -1), broken.errors.map((e) => e.replace(/^fixture\.json/, file)));
  assert.match(r.stderr, /nothing was written\n$/);
  assert.equal(existsSync(join(out, "directory.json")), false);

  r = runCli(["pack", "--out", out, sample, sample]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /therapists\.sample\.json:\$: repeats id "t-000001" from .*therapists\.sample\.json\n/);
  assert.equal(existsSync(join(out, "directory.json")), false);
});

test("a damaged published file stops matching with a message naming it", () => {
  const out = join(tmp, "damaged");
  const manifest = pack(out, sample);
  const victim = join(out, manifest.shards[0].matching.file);
  const bytes = readFileSync(victim);
  bytes[200] ^= 0x10;
  writeFileSync(victim, bytes);
  const answers = join(tmp, "minimal.json");
  writeFileSync(answers, JSON.stringify(readFixture("answers/valid-minimal.json").answers));
  const r = runCli(["match", "--answers", answers, "--directory", join(out, "directory.json")]);
  assert.match(r.stderr, new RegExp(`${manifest.shards[0].matching.file}:\\$: its SHA-256 does not match the manifest`));
});
