// The hostile corpus (tests/fixtures/hostile/cases.json, issue #12) against the native CLI and the
// WebAssembly module, each under a time limit and with its memory measured: the CLI's peak
// resident size (GNU time, under a hard address-space cap) and the WASM heap after the load (a
// WASM heap never shrinks, so its size after a load is at least the load's peak; each case runs
// in its own node process, hostile-wasm-load.mjs). Both must stay within the bound of
// docs/security.md: 8 times the input plus 4 MiB above the same program loading a one-entry
// directory, and never more than 512 MiB in all. The big inputs are made at test time (hostile-cases.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliPath, fixturesDir } from "./support.mjs";
import { CEILING, MiB, TIME_LIMIT_MS, allCases, allowance, checkErrors, good } from "./hostile-cases.mjs";

// No load may ever take more than this, whatever the bound says; a runaway fails instead of
// taking the machine's memory.
const ADDRESS_SPACE_CAP = 1536 * MiB;

let tmp;
before(() => (tmp = mkdtempSync(join(tmpdir(), "tft-hostile-"))));
after(() => rmSync(tmp, { recursive: true, force: true }));

// Runs the CLI under GNU time and an address-space cap; returns { status, lines, rssBytes }.
function cli(args, { input } = {}) {
  const r = spawnSync("/usr/bin/time", ["-f", "tft-max-rss-kb %M", "prlimit", `--as=${ADDRESS_SPACE_CAP}`, cliPath, ...args], {
    encoding: "utf8",
    timeout: TIME_LIMIT_MS,
    maxBuffer: 16 * MiB,
    stdio: [input ?? "pipe", "pipe", "pipe"],
  });
  // GNU time adds "Command exited with non-zero status N" and its own line at the end.
  const stderr = r.stderr.trim().split("\n").filter((l) => !/^Command (exited with non-zero status|terminated by signal)/.test(l));
  const rss = Number(/tft-max-rss-kb (\d+)/.exec(stderr.pop() ?? "")?.[1]) * 1024;
  return { status: r.status, signal: r.signal, lines: stderr, stdout: r.stdout, rssBytes: rss };
}

function cliLoad(c, file) {
  if (c.kind === "answers") return cli(["match", "--answers", file]);
  if (c.kind === "glossary") {
    const data = join(tmp, "data");
    spawnSync("cp", ["-R", join(fixturesDir, "..", "..", "data"), data]);
    writeFileSync(join(data, "glossary.json"), c.text);
    const r = cli(["validate", "--data", data]);
    r.lines = r.lines.map((l) => l.replace(`${data}/glossary.json`, c.file ?? "hostile.json"));
    return r;
  }
  return cli(["validate", "--directory", file]);
}

const figures = [];
let cliBaseline = 0;

test("the CLI's memory baseline: a one-entry directory", () => {
  const file = join(tmp, "one.json");
  writeFileSync(file, JSON.stringify({ fictional: true, therapists: [good] }));
  const r = cli(["validate", "--directory", file]);
  assert.equal(r.status, 0, r.lines.join("\n"));
  cliBaseline = r.rssBytes;
  assert.ok(cliBaseline > 0);
});

for (const c of allCases()) {
  test(`CLI: ${c.name}`, () => {
    const file = join(tmp, c.file ?? "hostile.json");
    writeFileSync(file, c.text);
    const r = cliLoad(c, file);
    assert.equal(r.signal, null, `killed by ${r.signal}`);
    assert.equal(r.status, 1, r.lines.join("\n"));
    // validate ends with a count line; match prints only the errors.
    const lines = c.kind === "answers" ? r.lines : r.lines.slice(0, -1);
    if (c.kind !== "answers") assert.match(r.lines.at(-1), /^\d+ problems? found$/);
    const display = (l) => l.replace(file, c.file ?? "hostile.json");
    checkErrors(c, lines.map(display), "CLI");
    const above = Math.max(0, r.rssBytes - cliBaseline);
    figures.push({ name: c.name, bytes: Buffer.byteLength(c.text), cli: above });
    assert.ok(above <= allowance(Buffer.byteLength(c.text)), `${c.name}: ${above} bytes above the baseline for ${Buffer.byteLength(c.text)} bytes of input`);
    assert.ok(r.rssBytes <= CEILING, `${c.name}: the CLI's peak was ${r.rssBytes} bytes`);
  });
}

// WASM: one node process per case, so each heap measures one load and is freed after it.
test("the WASM module gives the same errors for the hostile corpus and stays within the bound", () => {
  const baseline = JSON.parse(spawnSync(process.execPath, [new URL("./hostile-wasm-load.mjs", import.meta.url).pathname, "--baseline"], { encoding: "utf8" }).stdout);
  for (const c of allCases()) {
    const r = spawnSync(process.execPath, [new URL("./hostile-wasm-load.mjs", import.meta.url).pathname, c.name], {
      encoding: "utf8",
      timeout: TIME_LIMIT_MS,
      maxBuffer: 16 * MiB,
    });
    assert.equal(r.status, 0, `${c.name}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    checkErrors(c, out.lines, "WASM");
    if (c.loaded !== undefined && c.kind === "directory") assert.equal(out.loaded, c.loaded, c.name);
    const above = out.heapAfter - baseline.heapAfter;
    const figure = figures.find((f) => f.name === c.name);
    if (figure) Object.assign(figure, { wasm: above, heap: out.heapAfter });
    assert.ok(above <= allowance(out.bytes), `${c.name}: the heap ended ${above} bytes above the baseline for ${out.bytes} bytes of input`);
    assert.ok(out.heapAfter <= CEILING, `${c.name}: the heap ended at ${out.heapAfter} bytes`);
  }
  console.log("memory per hostile file, above loading a one-entry directory (CLI: peak resident size; WASM: heap size after the load)");
  for (const f of figures) console.log(`  ${f.name}: ${f.bytes} bytes in; CLI +${f.cli}; WASM +${f.wasm} (heap ${f.heap})`);
});

test("CLI: a folder, a device and an oversized file are refused without reading them (defect 9)", () => {
  const folder = cli(["validate", "--directory", tmp]);
  assert.equal(folder.status, 1);
  assert.deepEqual(folder.lines, [`${tmp}:$: is a folder, not a file`, "1 problem found"]);
  const device = cli(["validate", "--directory", "/dev/zero"]);
  assert.equal(device.status, 1);
  assert.deepEqual(device.lines, ["/dev/zero:$: is not a regular file (a device, pipe or socket)", "1 problem found"]);
  // A sparse file of 65 MiB: over the limit, so never read.
  const big = join(tmp, "big.json");
  const fd = openSync(big, "w");
  ftruncateSync(fd, 65 * MiB);
  closeSync(fd);
  const oversized = cli(["validate", "--directory", big]);
  assert.equal(oversized.status, 1);
  assert.deepEqual(oversized.lines, [`${big}:$: is 68157440 bytes; the limit is 67108864`, "1 problem found"]);
  assert.ok(oversized.rssBytes < cliBaseline + 8 * MiB, `${oversized.rssBytes} bytes: the file was read`);
  // Endless input on stdin stops at the limit.
  const zero = openSync("/dev/zero", "r");
  const endless = cli(["match", "--answers", "-"], { input: zero });
  closeSync(zero);
  assert.equal(endless.status, 1);
  assert.deepEqual(endless.lines, ["tft match: - is more than 67108864 bytes, the limit"]);
});
