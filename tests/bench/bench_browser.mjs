// The find page in headless Chromium (Debian's /usr/bin/chromium through playwright-core) with a
// national published directory (`tft pack` of a generated directory, tests/browser/national-site.mjs):
// a visitor answers every question by keyboard (tests/browser/find-flow.mjs) and presses "Show my
// matches". Measured per run, each in a fresh browser context (nothing cached), at full speed and
// with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate, as a mid-range phone):
//   - time to first results: from the click on "Show my matches" to the first result card in the
//     DOM (both read from performance.now() in the page);
//   - the main thread's long tasks (PerformanceObserver "longtask", installed before any page
//     script runs) over the whole run: the longest, and the longest after the click;
//   - the matcher worker's memory once the results show (CDP on the worker's target): its
//     WebAssembly memory and its JavaScript heap.
// A program that prints numbers, not a test: ./scripts/test does not run it.
//
//   node tests/bench/bench_browser.mjs [RUNS] [--sizes 100000,1000000] [--json FILE] [--cpu 1,4] [--trace | --trace-all]   (RUNS 3)
//
// --trace records a Chromium trace from the click to the results (which slows the page a little)
// and adds what the longest main-thread task after the click spent its time on: self time by
// trace event (script, style, layout, garbage collection…) and by JavaScript function
// (long_task_breakdown.mjs). --trace-all traces the whole run, from opening the page, and explains
// its longest task wherever it falls.
//
// Prints a markdown section (scripts/bench appends it to build/bench/results.md). Sites are built
// into build/bench/browser-N from the generated JSON in build/bench/dir-N (generated there when an
// earlier run has not left it).
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { CHROMIUM_ARGS } from "../browser/support.mjs";
import { packNationalSite } from "../browser/national-site.mjs";
import { VISITOR, completeQuestionnaire, openFind } from "../browser/find-flow.mjs";
import { root } from "../node/support.mjs";
import { TRACE_CATEGORIES, longTaskBreakdown } from "./long_task_breakdown.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const jsonOut = option("--json", null);
const sizes = option("--sizes", "100000").split(",").map(Number);
const flag = (name) => (args.includes(name) ? Boolean(args.splice(args.indexOf(name), 1)) : false);
const traceAll = flag("--trace-all");
const trace = flag("--trace") || traceAll;
const THROTTLES = option("--cpu", "1,4").split(",").map(Number);
const runs = Number(args[0] ?? 3);
const LONG_TASK_MS = 50;

// Installed before the page's own scripts: every long task, the moment "Show my matches" is
// clicked (capture phase, so before the page's handler runs) and the moment the first result card
// enters the DOM.
function instrument() {
  const w = /** @type {any} */ (window);
  w.__bench = { tasks: [], clickAt: null, firstCardAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  document.addEventListener("click", (e) => {
    if (!(e.target instanceof Element && e.target.closest("#show-matches"))) return;
    w.__bench.clickAt = performance.now();
    performance.mark("bench-click");
  }, true);
  new MutationObserver(() => {
    if (w.__bench.clickAt !== null && w.__bench.firstCardAt === null && document.querySelector(".match-card")) w.__bench.firstCardAt = performance.now();
  }).observe(document, { subtree: true, childList: true });
}

/**
 * A DevTools session on the matcher worker: the dedicated worker is its own target; attached
 * non-flattened (through the browser session, so playwright's own sessions are untouched), it
 * takes Runtime and HeapProfiler commands. Returns send(method, params).
 */
async function attachWorker(browserSession) {
  const { targetInfos } = await browserSession.send("Target.getTargets");
  const target = targetInfos.find((t) => t.type === "worker" && t.url.includes("matcher-worker"));
  if (!target) throw new Error(`no matcher worker among ${targetInfos.map((t) => t.type).join(", ")}`);
  const { sessionId } = await browserSession.send("Target.attachToTarget", { targetId: target.targetId, flatten: false });
  let nextId = 1;
  const pending = new Map();
  browserSession.on("Target.receivedMessageFromTarget", ({ sessionId: from, message }) => {
    if (from !== sessionId) return;
    const m = JSON.parse(message);
    if (pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  });
  return (method, params = {}, timeoutMs = 60000) =>
    new Promise((ok, fail) => {
      const id = nextId++;
      const timer = setTimeout(() => fail(new Error(`${method}: no reply from the worker in ${timeoutMs / 1000} s`)), timeoutMs);
      pending.set(id, (m) => (clearTimeout(timer), m.error ? fail(new Error(`${method}: ${m.error.message}`)) : ok(m.result)));
      browserSession.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) }).catch(fail);
    });
}

// Run in the worker before "Show my matches": remembers the module's WebAssembly.Memory the next
// time the glue grows it or reads its buffer, since the memory itself is out of reach inside the
// glue's closure. (CDP Runtime.queryObjects would find it, but this Chromium never answers it in a
// worker.) A visitor's shards often fit the memory the module starts with, and then the glue
// neither grows it nor reads its buffer again: tft.js copies each file in with one
// HEAPU8.set (docs/matching.md, wave 8), so that call remembers the view of the memory it copies
// into (the largest array set into, the module's heap being far larger than any file).
const WATCH_MEMORY = `(() => {
  const proto = WebAssembly.Memory.prototype;
  const grow = proto.grow;
  const buffer = Object.getOwnPropertyDescriptor(proto, "buffer").get;
  proto.grow = function (...args) { self.__benchMemory = this; return grow.apply(this, args); };
  Object.defineProperty(proto, "buffer", { configurable: true, get() { self.__benchMemory = this; return buffer.call(this); } });
  const set = Uint8Array.prototype.set;
  Uint8Array.prototype.set = function (...args) {
    if (!self.__benchHeap || this.byteLength > self.__benchHeap.byteLength) self.__benchHeap = this;
    return set.apply(this, args);
  };
})()`;

/** The worker's memory once the results show: its WebAssembly memory and its JavaScript heap. */
async function workerMemory(send) {
  await send("Runtime.enable");
  await send("HeapProfiler.collectGarbage");
  const heap = await send("Runtime.getHeapUsage");
  // A grown memory is read from the Memory itself (its old views are detached); otherwise from the
  // heap view the last copy went into, whose buffer is the memory's.
  const expression = "self.__benchMemory ? self.__benchMemory.buffer.byteLength : self.__benchHeap ? self.__benchHeap.buffer.byteLength : null";
  const wasm = await send("Runtime.evaluate", { expression, returnByValue: true });
  return { js_used: heap.usedSize, js_total: heap.totalSize, wasm: wasm.result.value, wasm_error: wasm.result.value === null ? "the memory was not touched after the watch was set" : null };
}

async function oneRun(browser, browserSession, baseUrl, throttle) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(instrument);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  const say = (what) => process.stderr.write(`bench:   ${what}\n`);
  try {
    if (traceAll) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await openFind(page, baseUrl);
    const worker = await attachWorker(browserSession);
    await worker("Runtime.evaluate", { expression: WATCH_MEMORY });
    await completeQuestionnaire(page, VISITOR);
    say("questionnaire answered; showing matches");
    if (trace && !traceAll) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.click("#show-matches");
    await page.waitForSelector(".match-card", { timeout: 300000 });
    await page.waitForSelector("#results-title", { timeout: 300000 });
    say("results shown; reading the worker's memory");
    // Long-task entries arrive asynchronously: give the observer a moment after the last render.
    await page.waitForTimeout(1000);
    const breakdown = trace ? longTaskBreakdown(JSON.parse(String(await browser.stopTracing())), { wholeRun: traceAll }) : null;
    if (breakdown) say(`longest task after the click: ${JSON.stringify(breakdown)}`);
    const b = await page.evaluate(() => /** @type {any} */ (window).__bench);
    const cards = await page.locator(".match-card").count();
    const memory = await workerMemory(worker);
    const after = b.tasks.filter((t) => t.start + t.duration >= b.clickAt);
    return {
      first_results_ms: b.firstCardAt - b.clickAt,
      longest_task_ms: Math.max(0, ...b.tasks.map((t) => t.duration)),
      longest_after_click_ms: Math.max(0, ...after.map((t) => t.duration)),
      tasks_over_50: b.tasks.filter((t) => t.duration > LONG_TASK_MS).length,
      cards,
      breakdown,
      memory,
      errors,
    };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : undefined;
};

const browser = await chromium.launch({ executablePath: process.env.TFT_CHROMIUM || "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
const version = browser.version();
const browserSession = await browser.newBrowserCDPSession();
const rows = [];
try {
  for (const n of sizes) {
    process.stderr.write(`bench: browser, packing ${n.toLocaleString("en-GB")} therapists into build/bench/browser-${n}\n`);
    // The generated JSON is kept in build/bench/dir-N, as the rest of ./scripts/bench keeps it
    // (deterministic, so a later run reuses it).
    const json = join(root, "build", "bench", `dir-${n}`);
    if (!existsSync(json) || !readdirSync(json).some((f) => f.startsWith("directory-"))) {
      const gen = spawnSync("node", [join(root, "scripts", "generate-bench-directory.mjs"), String(n), json], { encoding: "utf8" });
      if (gen.status !== 0) throw new Error(`generating ${n} therapists: ${gen.stderr}`);
    }
    const site = packNationalSite(n, join(root, "build", "bench", `browser-${n}`), { json });
    const server = await startServer({ root: site.root, port: 0 });
    const baseUrl = `http://127.0.0.1:${server.address().port}/`;
    try {
      for (const throttle of THROTTLES) {
        const samples = [];
        for (let r = 0; r < runs; ++r) {
          process.stderr.write(`bench: browser, ${n} therapists, CPU ${throttle}×, run ${r + 1} of ${runs}\n`);
          samples.push(await oneRun(browser, browserSession, baseUrl, throttle));
        }
        rows.push({
          n,
          shards: site.manifest.shards.length,
          throttle,
          runs: samples,
          first_results_ms: median(samples.map((s) => s.first_results_ms)),
          longest_task_ms: median(samples.map((s) => s.longest_task_ms)),
          longest_after_click_ms: median(samples.map((s) => s.longest_after_click_ms)),
          worst_task_ms: Math.max(...samples.map((s) => s.longest_task_ms)),
          wasm_mib: median(samples.map((s) => (s.memory.wasm === null ? undefined : s.memory.wasm / 1048576))),
          js_mib: median(samples.map((s) => s.memory.js_used / 1048576)),
        });
      }
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  }
} finally {
  await browser.close();
}

const ms = (v) => (v === undefined ? "n/a" : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ms`);
const mib = (v) => (v === undefined ? "n/a" : `${v.toFixed(1)} MiB`);
let md = "\n# Browser: the find page with a national directory\n\n" +
  `Headless Chromium (${version}), a 360×740 viewport, the site served by scripts/serve.mjs on this machine (no network ` +
  `delay), a fresh browser context for every run. The visitor of tests/browser/find-flow.mjs (in person or by video near ` +
  `Aberystwyth, within 37 miles) answers every question by keyboard, then clicks "Show my matches". Median of ${runs} runs per row; ` +
  `CPU 4× is CDP Emulation.setCPUThrottlingRate. Load average ${loadavg()[0].toFixed(1)} at the end on ` +
  `a shared machine, so times include waits for other processes. First results: the click to the first result card in the DOM ` +
  `(fetching the shards within reach, loading, matching, fetching the shown cards' profiles, rendering). Long tasks: the ` +
  `main thread's PerformanceObserver "longtask" entries (over ${LONG_TASK_MS} ms) during the whole run. Worker memory: the ` +
  `matcher worker's WebAssembly memory and JavaScript heap (CDP Runtime.getHeapUsage, after a garbage collection) once the ` +
  `results show.\n\n`;
md += "| therapists | CPU | first results | longest main-thread task (worst run) | longest after the click | runs with a task over 50 ms | worker WASM memory | worker JS heap |\n";
md += "|---:|---:|---:|---:|---:|---:|---:|---:|\n";
for (const r of rows) {
  md += `| ${r.n.toLocaleString("en-GB")} (${r.shards} shards) | ${r.throttle}× | ${ms(r.first_results_ms)} | ${ms(r.longest_task_ms)} (${ms(r.worst_task_ms)}) | ` +
    `${ms(r.longest_after_click_ms)} | ${r.runs.filter((s) => s.tasks_over_50 > 0).length} of ${r.runs.length} | ${mib(r.wasm_mib)} | ${mib(r.js_mib)} |\n`;
}
for (const throttle of THROTTLES) {
  const worst = Math.max(...rows.filter((r) => r.throttle === throttle).map((r) => r.worst_task_ms));
  md += `\nTarget: no main-thread task over ${LONG_TASK_MS} ms, CPU ${throttle}×: **${worst <= LONG_TASK_MS ? "met" : "missed"}**` +
    (worst <= LONG_TASK_MS
      ? ` (the longest in any run: ${ms(worst)}).`
      : ` by ${ms(worst - LONG_TASK_MS)} (the longest in any run: ${ms(worst)}). Why: building a page and laying it out to move focus ` +
        `at each view change, and at 4× the throttled frames themselves; --trace says what the longest task spent its time on ` +
        `(docs/matching.md, "The results page on the main thread").`);
}
const problems = rows.flatMap((r) => r.runs.flatMap((s) => [...s.errors, ...(s.memory.error ? [s.memory.error] : []), ...(s.memory.wasm_error ? [`WebAssembly memory not read: ${s.memory.wasm_error}`] : []), ...(s.cards ? [] : ["no result cards"])]));
if (trace) {
  md += `\n\nWhat the longest main-thread task ${traceAll ? "of the whole run" : "after the click"} spent its time on (${traceAll ? "--trace-all" : "--trace"}; self time, largest first), per row's run with the longest such task:\n`;
  for (const r of rows) {
    const run = r.runs.filter((s) => s.breakdown).sort((a, b) => b.breakdown.longest_ms - a.breakdown.longest_ms)[0];
    if (!run) continue;
    const b = run.breakdown;
    const list = (xs) => xs.map((x) => `${x.name} ${x.ms} ms`).join("; ");
    md += `\n- ${r.n.toLocaleString("en-GB")}, CPU ${r.throttle}×: ${ms(b.longest_ms)} starting ${ms(b.starts_after_click_ms)} after the click; ` +
      `tasks over ${LONG_TASK_MS} ms${traceAll ? "" : " after the click"}: ${b.tasks_over.length || "none"} (times from the click).\n` +
      `  - by trace event: ${list(b.by_event)}\n  - by JavaScript function: ${list(b.by_function)}\n` +
      b.tasks_over.map((t) => `  - ${t.ms} ms at ${t.at_ms >= 0 ? "+" : ""}${t.at_ms} ms: ${list(t.by_event)} | ${list(t.by_function)}\n`).join("");
  }
}
if (problems.length) md += `\n\nProblems seen: ${[...new Set(problems)].join("; ")}`;
md += "\n";
process.stdout.write(md);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2) + "\n");
