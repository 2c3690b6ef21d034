// Where the page's gzipped wasm goes, by area of the code: what each area adds to the bundle's
// gzipped size (the bundle gzipped with and without the area's function bodies).
//
//   node tools/bundle_breakdown.mjs [target/wasm32-unknown-unknown/release/biaozhu.wasm]
//
// Run after `trunk build --release`: it takes the wasm rustc wrote, runs wasm-bindgen and
// `wasm-opt -Oz` on it as Trunk does but keeping function names (-g), and measures that. Why
// removal and not each area's own bytes: gzip shares repeated code, so twenty monomorphised
// copies of one generic function cost little more than one. Removing an area shows what
// leaving it out (or loading it later, as the learning worker is) would save. The areas'
// figures overlap in what gzip shares between them, so they do not add up to the total.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// Areas in the order they are tried: a function belongs to the first whose pattern its
// demangled name matches anywhere, so a generic instance or closure made for our own code
// (`yew::…<biaozhu::ui::app::App>::run`, `wasm_bindgen::…::invoke<biaozhu::…>`) counts for
// that code, as it would leave with it.
const AREAS = [
  ['dataset import (readers, zip, inflate)', /biaozhu::core::import|biaozhu::ui::import|^<?zip::|miniz_oxide|flate2|crc32fast/],
  ['dataset export', /biaozhu::core::export|biaozhu::ui::export/],
  ['agreement, adjudication, merge', /biaozhu::core::(agreement|adjudication|merge)|biaozhu::ui::(agreement|adjudication)/],
  ['learning (panel, protocol)', /biaozhu::core::(learn|model_suggestions)|biaozhu::ui::learn/],
  ['storage (IndexedDB, journal)', /biaozhu::ui::(idb|persist|legacy_storage|storage)|biaozhu::core::(stored|journal|saving)|indexed_db_futures/],
  ['other interface (src/ui)', /biaozhu::ui::/],
  ['other core (src/core)', /biaozhu::/],
  ['serde, serde_json', /serde|indexmap/],
  ['yew', /yew|implicit_clone/],
  ['browser bindings', /wasm_bindgen|js_sys|web_sys|gloo/],
];

// The areas whose code runs on data, not on the page's elements: each could move to a worker
// as import and export did. Taken out together, what stays is the page's floor as built now.
const MOVABLE = AREAS.slice(0, 4).map(([title]) => title);

const wasmIn = process.argv[2] ?? 'target/wasm32-unknown-unknown/release/biaozhu.wasm';
const dir = mkdtempSync(join(tmpdir(), 'bundle-breakdown-'));
try {
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', dir, wasmIn]);
  const bound = join(dir, readdirSync(dir).find((f) => f.endsWith('_bg.wasm')));
  const optimised = join(dir, 'optimised.wasm');
  execFileSync('wasm-opt', ['-Oz', '-g', '--enable-bulk-memory', '--enable-sign-ext', '--enable-nontrapping-float-to-int',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', bound, '-o', optimised]);
  report(readFileSync(bound), readFileSync(optimised));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Prints the table: each area measured in the wasm before wasm-opt (names exact, little
// inlined) and as shipped after -Oz (where a function inlined into another counts under the
// other's name: a component's body inlined into yew's `view` counts as yew).
function report(before, shipped) {
  const [a, b] = [measure(before), measure(shipped)];
  console.log(`main wasm as shipped: ${b.total.toLocaleString('en')} bytes gzipped (level 9, custom sections left out); before wasm-opt ${a.total.toLocaleString('en')}`);
  console.log('');
  console.log('| area | raw KB before wasm-opt | adds gzipped KB before wasm-opt | raw KB as shipped | adds gzipped KB as shipped |');
  console.log('|---|---|---|---|---|');
  a.rows.forEach(([title, raw, added], i) => {
    console.log(`| ${title} | ${kb(raw)} | ${kb(added)} | ${kb(b.rows[i][1])} | ${kb(b.rows[i][2])} |`);
  });
  console.log('');
  console.log(`without every area that could leave the page for a worker (${MOVABLE.join(', ')}), together: `
    + `${kb(b.total - b.movable)} KB gzipped as shipped (${kb(b.movable)} KB less); the rest is what every page load needs`);
}

// Each area's raw bytes and what it adds to the gzipped module.
function measure(bytes) {
  const module = parseModule(bytes);
  const gz = (parts) => gzipSync(Buffer.concat(parts), { level: 9 }).length;
  // What ships: every section but the custom ones (names, producers), as Trunk's build has.
  const shipped = module.sections.filter((s) => s.id !== 0).map((s) => s.bytes);
  const other = module.sections.filter((s) => s.id !== 0 && s.id !== 10).map((s) => s.bytes);
  const withAll = gz([...other, ...module.functions.map((f) => f.body)]);
  const owner = module.functions.map((f) => AREAS.findIndex(([, pattern]) => pattern.test(f.name)));
  const rows = [...AREAS.map(([title]) => title), "Rust's std, core and alloc (not named above)"].map((title, index) => {
    const area = index < AREAS.length ? index : -1;
    const mine = module.functions.filter((_, i) => owner[i] === area);
    const rest = module.functions.filter((_, i) => owner[i] !== area).map((f) => f.body);
    return [title, mine.reduce((sum, f) => sum + f.body.length, 0), withAll - gz([...other, ...rest])];
  });
  const data = module.sections.find((s) => s.id === 11);
  const noData = module.sections.filter((s) => s.id !== 0 && s.id !== 11).map((s) => s.bytes);
  rows.push(['read-only data (strings, tables)', data ? data.bytes.length : 0, gz(shipped) - gz(noData)]);
  const staying = module.functions.filter((_, i) => owner[i] < 0 || owner[i] >= MOVABLE.length).map((f) => f.body);
  return { total: gz(shipped), rows, movable: withAll - gz([...other, ...staying]) };
}

function kb(bytes) {
  return (bytes / 1024).toFixed(1);
}

// A wasm module's sections, and its functions' bodies with their names (from the "name"
// custom section that -g keeps).
function parseModule(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  };
  const sections = [];
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const size = leb();
    sections.push({ id, start: at, size, bytes: bytes.subarray(start, at + size) });
    at += size;
  }
  let imported = 0;
  const names = new Map();
  for (const section of sections) {
    at = section.start;
    if (section.id === 2) {
      for (let count = leb(); count > 0; count--) {
        // (Not `at += leb()`: that adds to the position from before the length was read.)
        const moduleName = leb();
        at += moduleName;
        const fieldName = leb();
        at += fieldName;
        const kind = bytes[at++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          at++;
          const flags = bytes[at++];
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = bytes[at++];
          leb();
          if (flags & 1) leb();
        } else if (kind === 3) {
          at += 2;
        } else {
          at++;
          leb();
        }
      }
    }
    if (section.id === 0) {
      const length = leb();
      const title = bytes.subarray(at, at + length).toString();
      at += length;
      if (title !== 'name') continue;
      while (at < section.start + section.size) {
        const kind = bytes[at++];
        const size = leb();
        const end = at + size;
        if (kind === 1) {
          for (let count = leb(); count > 0; count--) {
            const index = leb();
            const length = leb();
            names.set(index, demangle(bytes.subarray(at, at + length).toString()));
            at += length;
          }
        }
        at = end;
      }
    }
  }
  const code = sections.find((s) => s.id === 10);
  at = code.start;
  const functions = [];
  for (let index = 0, count = leb(); index < count; index++) {
    const size = leb();
    functions.push({ name: names.get(imported + index) ?? '', body: bytes.subarray(at, at + size) });
    at += size;
  }
  return { sections, functions };
}

// Rust's legacy symbol mangling (`_ZN` + length-prefixed parts + hash) back to a path; the
// standard library's own v0 names (`_R…`) are left as they are, so they fall to "std".
function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let at = 3;
  while (at < name.length && name[at] !== 'E') {
    const digits = /^\d+/.exec(name.slice(at));
    if (!digits) break;
    at += digits[0].length;
    parts.push(name.slice(at, at + Number(digits[0])));
    at += Number(digits[0]);
  }
  const escapes = { LT: '<', GT: '>', RF: '&', C: ',', BP: '*', SP: '@', u20: ' ', u27: "'", u7b: '{', u7d: '}', u5b: '[', u5d: ']', u3b: ';', u2b: '+', u22: '"' };
  return parts
    .filter((part) => !/^h[0-9a-f]{16}$/.test(part))
    .join('::')
    .replace(/\$([A-Za-z0-9]+)\$/g, (whole, code) => escapes[code] ?? whole)
    .replaceAll('..', '::');
}
