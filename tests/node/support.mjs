// Shared by the node tests: the WASM modules, the bundled data, and the native CLI, so a
// test can hold the WASM module and the CLI to the same bytes.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const wasmDir = join(root, "build", "wasm-cmake", "wasm");
export const cliPath = join(root, "build", "native", "tft");
export const dataDir = join(root, "data");
export const fixturesDir = join(root, "tests", "fixtures");


// A browser module itself ("tft-core", "tft-find" or "tft-glossary": the ES modules the site
// serves), imported as a worker imports it; the glue cannot fetch the .wasm by path in Node, so it
// is handed the bytes.
export async function loadCore(module = "tft-core") {
  const { default: factory } = await import(pathToFileURL(join(wasmDir, `${module}.js`)).href);
  return factory({ wasmBinary: readFileSync(join(wasmDir, `${module}.wasm`)) });
}

export const readData = (name) => readFileSync(join(dataDir, name), "utf8");
export const readFixture = (name) => JSON.parse(readFileSync(join(fixturesDir, name), "utf8"));

// A core with the bundled data and sample directory loaded, as the site has it.
export async function loadBundledCore() {
  const core = await loadCore();
  const errors = JSON.parse(
    core.loadDataset(
      readData("glossary.json"),
      readData("concerns.json"),
      readData("questionnaire.json"),
      readData("crisis.json"),
      readData("places-gb.json"),
    ),
  );
  if (errors.length) throw new Error(`bundled data has errors: ${errors.map((e) => e.text).join("; ")}`);
  JSON.parse(core.loadDirectory("therapists.sample.json", readData("therapists.sample.json")));
  return core;
}

export function runCli(args, input) {
  return spawnSync(cliPath, args, { encoding: "utf8", input, maxBuffer: 256 << 20 });
}
