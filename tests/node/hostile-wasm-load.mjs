// One hostile case through the WebAssembly module, in a process of its own (started by
// hostile.test.mjs): prints {lines, loaded, bytes, heapBefore, heapAfter} as JSON.
//   node tests/node/hostile-wasm-load.mjs CASE-NAME | --baseline
import { allCases, good } from "./hostile-cases.mjs";
import { loadBundledCore, readData } from "./support.mjs";

const name = process.argv[2];
const core = await loadBundledCore();
const heap = () => core.HEAPU8.buffer.byteLength;
const heapBefore = heap();
let lines = [];
let text;
if (name === "--baseline") {
  text = JSON.stringify({ fictional: true, therapists: [good] });
  lines = JSON.parse(core.loadDirectory("one.json", text)).map((e) => e.text);
} else {
  const c = allCases().find((x) => x.name === name);
  if (!c) throw new Error(`no hostile case named ${name}`);
  text = c.text.toString("utf8");
  const file = c.file ?? "hostile.json";
  if (c.kind === "answers") {
    lines = (JSON.parse(core.match(text, 5)).errors ?? []).map((e) => e.text);
  } else if (c.kind === "glossary") {
    const d = readData;
    lines = JSON.parse(core.loadDataset(text, d("concerns.json"), d("questionnaire.json"), d("crisis.json"), d("places-gb.json"))).map((e) =>
      e.text.replace(/^glossary\.json:/, `${file}:`),
    );
  } else {
    lines = JSON.parse(core.loadDirectory(file, text)).map((e) => e.text);
  }
}
const loaded = JSON.parse(core.directoryInfo()).therapists;
process.stdout.write(JSON.stringify({ lines, loaded, bytes: Buffer.byteLength(text), heapBefore, heapAfter: heap() }));
