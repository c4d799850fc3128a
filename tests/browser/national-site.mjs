// A national directory for the browser: a copy of build/site whose published directory is a
// generated one (scripts/generate-bench-directory.mjs) packed by the current CLI (`tft pack`).
// Shared by the shard-loading test (find_directory_shards.test.mjs) and the browser benchmark
// (tests/bench/bench_browser.mjs).
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { siteDir } from "./support.mjs";
import { root, runCli } from "../node/support.mjs";

/**
 * Builds `dir`/site with `count` therapists published, from scratch every call (the sample, the
 * CLI and the site may all have changed). The generated JSON goes to `dir`/json and is removed
 * once packed, unless `json` names a folder that already holds the generated shards (the
 * benchmark's build/bench/dir-N), which is used as it is.
 * @returns {{ root: string, manifest: any }}
 */
export function packNationalSite(count, dir, { json } = {}) {
  const siteCopy = join(dir, "site");
  rmSync(dir, { recursive: true, force: true });
  const shardsOf = (folder) => readdirSync(folder).filter((f) => /^directory-.*\.json$/.test(f)).map((f) => join(folder, f));
  const reuse = json && existsSync(json) && shardsOf(json).length > 0;
  const jsonDir = reuse ? json : join(dir, "json");
  if (!reuse) {
    mkdirSync(jsonDir, { recursive: true });
    const gen = spawnSync("node", [join(root, "scripts", "generate-bench-directory.mjs"), String(count), jsonDir], { encoding: "utf8" });
    assert.equal(gen.status, 0, gen.stderr);
  }
  cpSync(siteDir, siteCopy, { recursive: true });
  rmSync(join(siteCopy, "directory"), { recursive: true });
  const pack = runCli(["pack", "--out", join(siteCopy, "directory"), ...shardsOf(jsonDir)]);
  assert.equal(pack.status, 0, pack.stderr);
  if (!reuse) rmSync(jsonDir, { recursive: true });
  return { root: siteCopy, manifest: JSON.parse(readFileSync(join(siteCopy, "directory", "directory.json"), "utf8")) };
}
