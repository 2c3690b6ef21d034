// Runs biaozhu-learn compiled to wasm32-wasip1 in Node's V8: the engine a browser worker runs,
// so its training times stand in for the worker's until the worker exists (issue 12).
//   node tests/bench/wasi_learn.mjs target/wasi/wasm32-wasip1/learner/biaozhu-learn.wasm DATA_DIR ARGS…
// DATA_DIR is mounted at /data; ARGS are biaozhu-learn's, with paths under /data.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const [wasmPath, dataDir, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: ['biaozhu-learn', ...args], preopens: { '/data': dataDir } });
const module = await WebAssembly.compile(await readFile(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
