// End to end: a stored corpus opens from its index. The start-up reads the list and the open
// document only; the other documents are read in the background, or at once when opened; exports
// wait for them, and run with a progress bar that Cancel stops.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, stop, openApp, waitForSpanCount, label, waitForSaved } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

/** spaCy JSONL of `n` documents: 第 k 篇 with 𠀀 and emoji before a LOC span, ids s1…sn. */
function corpusFile(n, extra = '') {
  const lines = [];
  for (let k = 1; k <= n; k++) {
    const text = `第${k}篇：𠀀😀郑州市召开会议，编号${k}结束。${extra}`;
    lines.push(JSON.stringify({ text, spans: [{ start: 6, end: 9, label: 'LOC', text: '郑州市' }], meta: { id: `s${k}` } }));
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-lazy-')), 'corpus.jsonl');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function importCorpus(page, n, extra) {
  await page.setInputFiles('[data-testid=import-input]', corpusFile(n, extra));
  await page.waitForSelector(`[data-testid=import-summary][data-docs="${n}"]`);
  await page.click('[data-testid=import-accept]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=doc-shown]')?.dataset.shown === String(n), n + 1);
  await waitForSaved(page);
}

/** Opens the document whose name is `name` through the list's search, and clears the search. */
async function openByName(page, name) {
  await page.fill('[data-testid=doc-search]', name);
  await page.click(`[data-testid=doc-item]:has-text("${name}")`);
  await page.fill('[data-testid=doc-search]', '');
}

const openDoc = (page) => page.getAttribute('[data-testid=text-view]', 'data-doc-id');

// Counts IndexedDB reads per store, and notes how many were made when the text first showed.
const COUNT_READS = () => {
  window.__reads = [];
  for (const method of ['get', 'getAll', 'getAllKeys']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      window.__reads.push(`${this.name}.${method}`);
      return original.apply(this, args);
    };
  }
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid=text-view][data-doc-id]')) {
      window.__readsAtShown = [...window.__reads];
      window.__readingAtShown = document.querySelector('[data-testid=doc-reading]')?.dataset.left ?? null;
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

test('a stored corpus opens from its index: the list and the open document first, the rest after', async () => {
  const page = await openApp(env);
  const N = 6000;
  await importCorpus(page, N);
  await openByName(page, 'corpus.jsonl #s3000');
  await page.waitForSelector('[data-testid=text-view]:has-text("第3000篇")');
  const open = await openDoc(page);
  await label(page, '会议', 'o');
  await waitForSpanCount(page, 2);
  await waitForSaved(page);

  await page.context().addInitScript(COUNT_READS);
  await page.reload();
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  assert.equal(await openDoc(page), open, 'the document that was open is open again');
  await waitForSpanCount(page, 2);
  assert.equal(await page.getAttribute('[data-testid=doc-shown]', 'data-shown'), String(N + 1), 'the whole list at once');
  const reads = await page.evaluate(() => window.__readsAtShown);
  assert.ok(!reads.includes('records.getAll') && !reads.includes('texts.getAll'), `no store read whole before the text showed: ${reads}`);
  const recordGets = reads.filter((r) => r === 'records.get').length;
  assert.ok(recordGets >= 1 && recordGets <= 3, `${recordGets} records read before the text showed`);
  assert.equal(await page.evaluate(() => window.__readingAtShown), String(N), 'every other document is still in storage');

  // The rest arrives in the background; then search finds any document's text, and the export
  // holds every document with the span added before the reload.
  await page.waitForSelector('[data-testid=doc-reading]', { state: 'detached', timeout: 60_000 });
  await page.fill('[data-testid=doc-search]', '编号5999结束');
  await page.waitForSelector('[data-testid=doc-shown][data-shown="1"]');
  await page.fill('[data-testid=doc-search]', '');
  await page.click('[data-testid=export-dataset]');
  await page.waitForSelector('[data-testid=export-preview]', { timeout: 60_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-download]')]);
  const lines = fs.readFileSync(await file.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, N + 1);
  const edited = lines.find((l) => l.meta.doc_id === open);
  // 第3000篇：𠀀😀郑州市召开会议: code point offsets, as Python slices them.
  assert.deepEqual(edited.spans.map((s) => `${s.label} ${s.text} ${s.start}`), ['LOC 郑州市 9', 'ORG 会议 14']);
  assert.deepEqual(page.errors, []);
});

test('a document opened before the background read reaches it is read at once; exports wait', async () => {
  const page = await openApp(env);
  // Over a megabyte: the import is stored as records (a smaller one stays a journal entry,
  // replayed whole at start-up).
  const N = 6000;
  await importCorpus(page, N);
  // The background read is refused by the browser from now on; opening still reads.
  await page.context().addInitScript(() => {
    const original = IDBObjectStore.prototype.getAllKeys;
    IDBObjectStore.prototype.getAllKeys = function (...args) {
      if (this.name === 'records') throw new DOMException('test: background reads refused', 'UnknownError');
      return original.apply(this, args);
    };
  });
  await page.reload();
  await page.waitForSelector('[data-testid=text-view]:has-text("第1篇")');
  await page.waitForSelector('[data-testid=message][data-kind=error]:has-text("read one by one when you open them")');
  assert.equal(await page.getAttribute('[data-testid=doc-reading]', 'data-left'), String(N));

  // Alt+↓ opens a document that is still in storage: it is read, shown and can be annotated.
  await page.keyboard.press('Alt+ArrowDown');
  await page.waitForSelector('[data-testid=text-view]:has-text("第2篇：𠀀😀郑州市")');
  await waitForSpanCount(page, 1);
  await label(page, '会议', 'o');
  await waitForSpanCount(page, 2);
  await waitForSaved(page);
  assert.equal(await page.getAttribute('[data-testid=doc-reading]', 'data-left'), String(N - 1));
  // A document far down the list, by name.
  await openByName(page, 'corpus.jsonl #s5999');
  await page.waitForSelector('[data-testid=text-view]:has-text("第5999篇")');

  // Exports and the project file wait for every document.
  await page.click('[data-testid=export-dataset]');
  await page.waitForSelector('[data-testid=export-error]:has-text("still being read")');
  await page.click('[data-testid=export-close]');
  await page.click('[data-testid=export-json]');
  await page.waitForSelector('[data-testid=message][data-kind=error]:has-text("still being read")');

  // Undo reaches the span added in the document read on opening.
  await page.keyboard.press('Control+z');
  await waitForSpanCount(page, 1);
  assert.deepEqual(page.errors, []);
});

test('an export of a corpus shows its progress, Cancel stops it, and it can be built again', async () => {
  const page = await openApp(env);
  const N = 30000;
  await importCorpus(page, N, '这一句让每篇文档更长一些，导出需要更多时间。');
  await page.click('[data-testid=export-dataset]');
  await page.waitForSelector('[data-testid=progress]');
  await page.click('[data-testid=progress-cancel]');
  await page.waitForSelector('[data-testid=export-cancelled]');
  assert.equal(await page.isDisabled('[data-testid=export-download]'), true);
  // The page answers while nothing is being built: the dialog closes and opens again.
  await page.click('[data-testid=export-restart]');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=progress]')?.value) > 0, null, { timeout: 60_000 });
  await page.waitForSelector('[data-testid=export-preview]', { timeout: 120_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-download]')]);
  const lines = fs.readFileSync(await file.path(), 'utf8').trim().split('\n');
  assert.equal(lines.length, N + 1);
  const last = JSON.parse(lines[N]);
  assert.ok(last.text.startsWith(`第${N}篇：𠀀😀郑州市`), last.text);
  // 第30000篇：𠀀😀 is 10 code points.
  assert.deepEqual(last.spans.map((s) => [s.start, s.end, s.label, s.text]), [[10, 13, 'LOC', '郑州市']]);
  assert.deepEqual(page.errors, []);
});
