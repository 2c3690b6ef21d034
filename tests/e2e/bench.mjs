// Browser benchmark: drives the release build in headless Chromium through the automation hooks
// and prints the table (min / median / max over repeated runs) plus the bundle size.
//
//   node tests/e2e/bench.mjs WORKLOAD_DIR [RUNS]
//
// WORKLOAD_DIR holds S.json, M.json and L.json from `biaozhu-workload`. Run by `bash .ci/bench`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { launchOptions } from './browser.mjs';
import { FORMATS, datasetExportTiming } from './dataset_export_timing.mjs';
import { crashTrial } from './crash.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const dist = path.resolve(here, '../../dist');
const workloads = path.resolve(process.argv[2] || '/tmp/biaozhu-workloads');
const RUNS = Number(process.argv[3] || 3);
const EDITS = 15;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function newPage(browser, base, query = '') {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // Keep the wasm instance's memory within reach, to read its size.
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  const started = Date.now();
  await page.goto(base + query);
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  return { page, context, started };
}

/**
 * Imports the workload through the file input; ms from the input's change event (the file is
 * picked) until its spans are on screen, timed in the page so that the test driver's upload
 * is not counted.
 */
async function importTime(page, file, spans) {
  await page.evaluate(() => {
    window.__picked = 0;
    const input = document.querySelector('[data-testid=import-input]');
    input.addEventListener('change', () => { window.__picked = performance.now(); }, { capture: true, once: true });
  });
  await page.setInputFiles('[data-testid=import-input]', file);
  return page.evaluate(async (n) => {
    const shown = () => {
      const status = document.querySelector('[data-testid=status]');
      return status && status.dataset.spanCount === String(n) && document.querySelector('[data-testid=span]');
    };
    while (!shown()) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - window.__picked;
  }, spans);
}

/**
 * Adds a span by a selection and the label key, timed in the page from the mouse-up to the frame
 * after the highlight is in the DOM; then undoes it, timed the same way. Returns [add, undo] ms.
 */
async function editTimes(page, round) {
  return page.evaluate(async (round) => {
    const view = document.querySelector('[data-testid=text-view]');
    // The next frame's callbacks run before it is painted; a task queued from them runs right
    // after the paint. (Waiting for a second frame would add a whole frame to every figure.)
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const count = () => Number(document.querySelector('[data-testid=status]').dataset.spanCount);
    // A text node on screen that is not inside a span, long enough to select two characters.
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    const candidates = [];
    const box = view.getBoundingClientRect();
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.parentElement.closest('[data-testid=span]') || node.data.trim().length < 6) continue;
      const r = node.parentElement.getBoundingClientRect();
      if (r.bottom > box.top && r.top < box.bottom) candidates.push(node);
    }
    const node = candidates[round % candidates.length];
    if (!node) return [NaN, NaN, NaN];
    const offset = [...node.data].findIndex((c) => c.trim()) + 1;
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 2);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    const before = count();
    // A person's mouse-up or key press comes at any point of the display frame; without this the
    // events would all start just after a paint and each figure would be a whole frame.
    const phase = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, (round * 7) % 17)));
    await phase();
    const t0 = performance.now();
    view.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true, cancelable: true }));
    while (count() !== before + 1) await new Promise((r) => setTimeout(r, 0));
    await frame();
    const add = performance.now() - t0;
    // Saved for that edit: the indicator says saved at the edit's revision (after the commit).
    const status = document.querySelector('[data-testid=save-status]');
    const revision = status.dataset.revision;
    while (!(status.dataset.state === 'saved' && status.dataset.revision === revision)) {
      await new Promise((r) => setTimeout(r, 0));
    }
    const saved = performance.now() - t0;
    await phase();
    const t1 = performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }));
    while (count() !== before) await new Promise((r) => setTimeout(r, 0));
    await frame();
    return [add, performance.now() - t1, saved];
  }, round);
}

/** Scrolls the whole text by script, a step per frame; returns the longest frame in ms. */
async function longestScrollFrame(page) {
  return page.evaluate(async () => {
    const view = document.querySelector('[data-testid=text-view]');
    view.scrollTop = 0;
    let last = performance.now();
    let longest = 0;
    for (let i = 0; i < 2000 && view.scrollTop + view.clientHeight < view.scrollHeight - 1; i++) {
      view.scrollTop += view.clientHeight * 0.9;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }
    return longest;
  });
}

/** Clicks Export JSON; ms until the file is handed to the browser (the object URL is made). */
async function exportTime(page) {
  return page.evaluate(async () => {
    const original = URL.createObjectURL;
    let handed = 0;
    URL.createObjectURL = (blob) => { handed = performance.now(); return original.call(URL, blob); };
    const t0 = performance.now();
    document.querySelector('[data-testid=export-json]').click();
    while (!handed) await new Promise((r) => setTimeout(r, 0));
    URL.createObjectURL = original;
    return handed - t0;
  });
}

/** JS heap plus wasm linear memory, in MB. */
async function memoryMb(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  return (usedSize + wasm) / 1048576;
}

function row(name, values, unit, target) {
  const ok = values.length && !values.some(Number.isNaN);
  const [min, med, max] = ok ? [Math.min(...values), median(values), Math.max(...values)] : [NaN, NaN, NaN];
  const f = (x) => (Number.isNaN(x) ? '—' : x.toFixed(1));
  const verdict = target === undefined || !ok ? '' : med <= target ? 'meets' : 'MISSES';
  return `| ${name} | ${f(min)} | ${f(med)} | ${f(max)} | ${unit} | ${target ?? ''} | ${verdict} |`;
}

const targets = {
  import: { S: 100, M: 200, L: 1000 }, add: 16, undo: 16, scroll: 50, export: 60, memory: 64,
  saved: 50, reload: 1000,
};

/** Waits until the project shown has been stored (the indicator says saved at its revision). */
async function waitSaved(page) {
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-testid=save-status]');
    return status && status.dataset.state === 'saved';
  }, null, { timeout: 600_000 });
}

/** ms from the reload until the stored project is on screen with all `spans` of its first document. */
async function reloadTime(page, spans) {
  const t0 = Date.now();
  await page.reload();
  await page.waitForSelector(`[data-testid=status][data-span-count="${spans}"]`, { timeout: 600_000 });
  await page.waitForSelector('[data-testid=span]');
  return Date.now() - t0;
}

const { server, base } = await startServer({ dist, fixtures: workloads });
const browser = await chromium.launch(launchOptions());
const lines = [];
try {
  // Bundle size, and the bundled article interactive after navigation.
  // The app's own wasm (hashed name), not the learning worker's, which loads only on first use.
  const wasmFile = fs.readdirSync(dist).find((f) => f.endsWith('.wasm') && !f.startsWith('biaozhu-learner'));
  const wasm = fs.readFileSync(path.join(dist, wasmFile));
  const gz = zlib.gzipSync(wasm, { level: 9 }).length / 1024;
  const interactive = [];
  for (let run = 0; run < RUNS; run++) {
    const { page, context, started } = await newPage(browser, base);
    await page.waitForSelector('[data-testid=label-PER]');
    interactive.push(Date.now() - started);
    await context.close();
  }
  lines.push('| figure | min | median | max | unit | target | |', '|---|---|---|---|---|---|---|');
  lines.push(row('wasm bundle after wasm-opt, gzipped', [gz], 'KB', 400));
  lines.push(row('S: bundled article interactive after navigation', interactive, 'ms', 500));
  for (const size of ['S', 'M', 'L']) {
    const file = path.join(workloads, `${size}.json`);
    const spans = JSON.parse(fs.readFileSync(file, 'utf8')).documents[0].spans.length;
    const imports = [], adds = [], undos = [], saves = [], reloads = [], scrolls = [], exports = [], memory = [];
    const datasets = {};
    for (let run = 0; run < RUNS; run++) {
      const { page, context } = await newPage(browser, base);
      const cdp = await context.newCDPSession(page);
      imports.push(await importTime(page, file, spans));
      // The import is stored whole (a compaction) before the edits are timed.
      await waitSaved(page);
      for (let i = 0; i < EDITS; i++) {
        const [add, undo, saved] = await editTimes(page, i + run * EDITS);
        adds.push(add);
        undos.push(undo);
        saves.push(saved);
      }
      if (size !== 'S') scrolls.push(await longestScrollFrame(page));
      if (size === 'L') {
        exports.push(await exportTime(page));
        // Before the dataset exports: wasm memory keeps the peak they reach.
        memory.push(await memoryMb(page, cdp));
        for (const format of FORMATS) {
          const timing = await datasetExportTiming(page, format);
          (datasets[format] ??= { built: [], longest: [], error: null }).built.push(timing.built);
          datasets[format].longest.push(timing.longest);
          datasets[format].error ??= timing.error;
        }
        await page.click('[data-testid=export-close]');
        await waitSaved(page);
        reloads.push(await reloadTime(page, spans));
      }
      await context.close();
    }
    lines.push(row(`${size}: import project JSON until text and spans show (${spans} spans)`, imports, 'ms', targets.import[size]));
    lines.push(row(`${size}: add a span, mouse-up to painted (per-edit median over runs)`, adds, 'ms', targets.add));
    lines.push(row(`${size}: undo that span`, undos, 'ms', targets.undo));
    lines.push(row(`${size}: Saved shown after the edit (mouse-up to the commit reported)`, saves, 'ms', targets.saved));
    if (scrolls.length) lines.push(row(`${size}: longest frame scrolling the whole text`, scrolls, 'ms', targets.scroll));
    if (exports.length) lines.push(row(`${size}: export project JSON until handed to the browser`, exports, 'ms', targets.export));
    for (const [format, t] of Object.entries(datasets)) {
      const note = t.error ? ` (refused: ${t.error.slice(0, 60)})` : '';
      lines.push(row(`${size}: ${format} dataset export, built and self-checked${note}`, t.built, 'ms'));
      lines.push(row(`${size}: ${format} export, longest frame while built`, t.longest, 'ms', 100));
    }
    if (memory.length) lines.push(row(`${size}: tab memory (JS heap + wasm memory)`, memory, 'MB', targets.memory));
    if (reloads.length) lines.push(row(`${size}: reload until the stored project shows (${spans} spans)`, reloads, 'ms', targets.reload));
  }
  // 10M characters, 200k spans: imported, stored, reloaded (once: it takes a while).
  const xl = path.join(workloads, 'XL.json');
  if (fs.existsSync(xl)) {
    const { page, context } = await newPage(browser, base);
    const firstDocSpans = 20000;
    const t0 = Date.now();
    await page.setInputFiles('[data-testid=import-input]', xl);
    await page.waitForSelector(`[data-testid=status][data-span-count="${firstDocSpans}"]`, { timeout: 600_000 });
    const shown = Date.now() - t0;
    await waitSaved(page);
    const stored = Date.now() - t0;
    const reload = await reloadTime(page, firstDocSpans);
    const docs = await page.locator('[data-testid=doc-item]').count();
    lines.push(row(`XL (${docs} documents, 10M characters, 200k spans): import until shown`, [shown], 'ms'));
    lines.push(row('XL: import until Saved (every record committed)', [stored], 'ms'));
    lines.push(row('XL: reload until the stored project shows', [reload], 'ms'));
    await context.close();
  }
  // The crash trial of the test suite, as a figure.
  const trial = await crashTrial({ base, edits: 200, kills: 12, seed: 20261201 });
  lines.push(row(`crash trial: edits shown as Saved lost (${trial.made} edits, ${trial.killed} SIGKILLs, ${trial.afterEditKills} right after an edit)`, [trial.lost], 'edits', 0));
} finally {
  await browser.close();
  server.close();
}
console.log(lines.join('\n'));
