// What the page's main thread spent its longest task on, from a Chromium trace (playwright's
// browser.startTracing with the categories below): the bench's "longest main-thread task" says how
// long, this says why. Used by bench_browser.mjs --trace.
//
// The trace's top-level tasks on the page's main thread (CrRendererMain) are "RunTask" events
// (category "toplevel"). Inside the longest one that ends after the "bench-click" user-timing mark,
// each event's self time (its duration minus its children's) is summed by name (FunctionCall,
// UpdateLayoutTree, Layout, Paint, MinorGC, …), and the V8 CPU profiler's samples that fall inside
// the task (ProfileChunk events) are summed by JavaScript function, so both "what kind of work"
// and "which of our functions" are answered from one run.

export const TRACE_CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8",
  "v8.execute",
  "disabled-by-default-v8.cpu_profiler",
  "disabled-by-default-v8.gc",
];

const isTask = (e) => e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && String(e.cat).includes("toplevel");

/** Complete events (X) and B/E pairs on one thread as {name, ts, end, args}, sorted by start. */
function spans(events) {
  const out = [];
  const open = [];
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === "X" && e.dur !== undefined) out.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, args: e.args });
    else if (e.ph === "B") open.push(e);
    else if (e.ph === "E") {
      const b = open.pop();
      if (b) out.push({ name: b.name, ts: b.ts, end: e.ts, args: b.args });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.end - a.end);
}

/** Self time by name of every span inside [task.ts, task.end], nested by time containment. */
function selfTimes(inside, task) {
  const totals = new Map();
  const stack = [{ name: "(task itself)", ts: task.ts, end: task.end, child: 0 }];
  const close = (s) => totals.set(s.name, (totals.get(s.name) ?? 0) + (s.end - s.ts - s.child));
  for (const s of inside) {
    while (stack.length > 1 && stack.at(-1).end <= s.ts) close(stack.pop());
    const parent = stack.at(-1);
    const end = Math.min(s.end, parent.end);
    parent.child += end - s.ts;
    let label = s.name;
    const fn = s.args?.data?.functionName;
    if (s.name === "FunctionCall" && (fn || s.args?.data?.url)) label = `FunctionCall ${fn || "(anonymous)"} ${String(s.args.data.url ?? "").split("/").pop()}:${s.args.data.lineNumber ?? ""}`;
    if (s.name === "EventDispatch" && s.args?.data?.type) label = `EventDispatch ${s.args.data.type}`;
    stack.push({ name: label, ts: s.ts, end, child: 0 });
  }
  while (stack.length) close(stack.pop());
  return totals;
}

/** JavaScript self time by function from the CPU profiler's chunks on `tid`, inside the task. */
function jsSelfTimes(events, pid, tid, task) {
  const byId = new Map();
  const nodes = new Map();
  for (const e of events) {
    if (e.pid !== pid || (e.name !== "Profile" && e.name !== "ProfileChunk")) continue;
    const key = e.id;
    if (!byId.has(key)) byId.set(key, { tid: null, start: 0, t: 0, samples: [] });
    const p = byId.get(key);
    if (e.name === "Profile") {
      p.tid = e.tid;
      p.start = e.args?.data?.startTime ?? e.ts;
      p.t = p.start;
      continue;
    }
    const cpu = e.args?.data?.cpuProfile ?? {};
    for (const n of cpu.nodes ?? []) nodes.set(`${key}:${n.id}`, n);
    const deltas = e.args?.data?.timeDeltas ?? [];
    (cpu.samples ?? []).forEach((id, i) => {
      p.t += deltas[i] ?? 0;
      p.samples.push({ node: `${key}:${id}`, ts: p.t });
    });
  }
  const totals = new Map();
  for (const p of byId.values()) {
    if (p.tid !== tid) continue;
    for (let i = 0; i < p.samples.length; i++) {
      const s = p.samples[i];
      if (s.ts < task.ts || s.ts > task.end) continue;
      const next = p.samples[i + 1]?.ts ?? s.ts;
      const f = nodes.get(s.node)?.callFrame ?? {};
      const label = `${f.functionName || "(anonymous)"} ${String(f.url ?? "").split("/").pop()}${f.url ? `:${(f.lineNumber ?? 0) + 1}` : ""}`.trim();
      totals.set(label, (totals.get(label) ?? 0) + Math.max(0, Math.min(next, task.end) - s.ts));
    }
  }
  return totals;
}

const top = (totals, n) =>
  [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }));

/**
 * From a trace ({traceEvents} or an array): the page main thread's longest task that ends after
 * the "bench-click" mark (any task, with wholeRun), with its self time by trace event and by
 * JavaScript function, and every such task over `overMs` (times are from the click).
 */
export function longTaskBreakdown(trace, { overMs = 50, rows = 12, wholeRun = false } = {}) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const click = events.find((e) => e.name === "bench-click");
  // The find page's main thread: the one the click was marked on (a trace also holds the
  // browser's own pages, such as its new-tab page, each with a main thread of its own).
  const mains = events
    .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain" && (!click || (e.pid === click.pid && e.tid === click.tid)))
    .map((e) => ({ pid: e.pid, tid: e.tid }));
  let best = null;
  for (const { pid, tid } of mains) {
    const mine = events.filter((e) => e.pid === pid && e.tid === tid);
    const tasks = mine.filter(isTask).filter((t) => wholeRun || !click || t.ts + t.dur >= click.ts);
    for (const t of tasks) if (!best || t.dur > best.task.dur) best = { pid, tid, task: t, mine, tasks };
  }
  if (!best) return null;
  const explain = (t, n) => {
    const task = { ts: t.ts, end: t.ts + t.dur };
    const inside = spans(best.mine.filter((e) => e !== t && !isTask(e))).filter((s) => s.ts >= task.ts && s.ts < task.end);
    return { by_event: top(selfTimes(inside, task), n), by_function: top(jsSelfTimes(events, best.pid, best.tid, task), n) };
  };
  return {
    longest_ms: best.task.dur / 1000,
    starts_after_click_ms: click ? (best.task.ts - click.ts) / 1000 : null,
    ...explain(best.task, rows),
    tasks_over: best.tasks
      .filter((t) => t.dur / 1000 > overMs)
      .map((t) => ({ at_ms: click ? Math.round((t.ts - click.ts) / 1000) : null, ms: Math.round(t.dur / 100) / 10, ...explain(t, 3) })),
  };
}
