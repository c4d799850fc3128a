// Shared by the node tests: the CommonJS WASM build, the bundled data, and the native CLI, so a
// test can hold the WASM module and the CLI to the same bytes.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const wasmDir = join(root, "build", "wasm-cmake", "wasm");
export const cliPath = join(root, "build", "native", "tft");
export const dataDir = join(root, "data");
export const fixturesDir = join(root, "tests", "fixtures");

const require = createRequire(import.meta.url);

// emcc 3.1.6's node glue cannot fetch the .wasm by path under Node 20; hand it the bytes.
export async function loadCore() {
  const factory = require(join(wasmDir, "tft-core-node.js"));
  return factory({ wasmBinary: readFileSync(join(wasmDir, "tft-core-node.wasm")) });
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
