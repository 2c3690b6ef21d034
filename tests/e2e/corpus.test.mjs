// End to end: a corpus of 2,000 documents. The list puts only the rows in view into the DOM,
// shows the first imported document, searches names and texts, filters by status, and the
// keys move between documents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, stop, openApp, waitForSpanCount } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const N = 2000;

/** spaCy JSONL lines: 第 k 篇 with 𠀀 and emoji before the entity, named after their id. */
function corpusFile() {
  const lines = [];
  for (let k = 1; k <= N; k++) {
    const text = `第${k}篇：𠀀😀郑州市召开会议，编号${k}结束。`;
    lines.push(JSON.stringify({ text, spans: [{ start: 6, end: 9, label: 'LOC', text: '郑州市' }], meta: { id: `s${k}` } }));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-corpus-'));
  const file = path.join(dir, 'corpus.jsonl');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const shown = (page) => page.getAttribute('[data-testid=doc-shown]', 'data-shown').then(Number);
const openDoc = (page) => page.getAttribute('[data-testid=text-view]', 'data-doc-id');

test('a corpus of 2,000 documents: a light list, search, filter and the navigation keys', async () => {
  const page = await openApp(env);
  await page.setInputFiles('[data-testid=import-input]', corpusFile());
  await page.waitForSelector(`[data-testid=import-summary][data-docs="${N}"]`);
  await page.click('[data-testid=import-accept]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=doc-shown]')?.dataset.shown === String(n), N + 1);
  // The first new document is open, and its row is in view in the list.
  const first = await openDoc(page);
  assert.match(await page.textContent('[data-testid=text-view]'), /第1篇：𠀀😀郑州市/);
  await waitForSpanCount(page, 1);
  const row = page.locator(`[data-testid=doc-item][data-doc-id="${first}"]`);
  assert.equal(await row.getAttribute('aria-current'), 'true');
  assert.ok(await row.isVisible());
  // Only the rows near the visible part are in the DOM.
  const rows = await page.locator('[data-testid=doc-item]').count();
  assert.ok(rows < 60, `${rows} rows in the DOM for ${N + 1} documents`);

  // Alt+↓ opens the next one, Alt+↑ comes back.
  await page.keyboard.press('Alt+ArrowDown');
  await page.waitForSelector('[data-testid=text-view]:has-text("第2篇")');
  const second = await openDoc(page);
  await page.keyboard.press('Alt+ArrowUp');
  await page.waitForFunction((id) => document.querySelector('[data-testid=text-view]').dataset.docId === id, first);

  // Mark the second done; Alt+N skips it.
  await page.keyboard.press('Alt+ArrowDown');
  await page.waitForFunction((id) => document.querySelector('[data-testid=text-view]').dataset.docId === id, second);
  await page.selectOption('[data-testid=doc-status]', 'done');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+n');
  await page.waitForSelector('[data-testid=text-view]:has-text("第3篇")');

  // Search over the texts: 编号1234 is in one document only; clicking its row opens it.
  await page.fill('[data-testid=doc-search]', '编号1234结束');
  await page.waitForFunction(() => document.querySelector('[data-testid=doc-shown]').dataset.shown === '1');
  await page.click('[data-testid=doc-item]');
  await page.waitForSelector('[data-testid=text-view]:has-text("第1234篇")');
  // Words are ANDed; 𠀀 and emoji are searched like any character.
  await page.fill('[data-testid=doc-search]', '𠀀😀 第199篇');
  await page.waitForFunction(() => document.querySelector('[data-testid=doc-shown]').dataset.shown === '1');
  await page.fill('[data-testid=doc-search]', '');
  await page.waitForFunction((n) => document.querySelector('[data-testid=doc-shown]').dataset.shown === String(n), N + 1);

  // The status filter: one document is done.
  await page.selectOption('[data-testid=doc-filter]', 'done');
  assert.equal(await shown(page), 1);
  assert.equal(await page.getAttribute('[data-testid=doc-item]', 'data-doc-id'), second);
  await page.selectOption('[data-testid=doc-filter]', 'todo');
  assert.equal(await shown(page), N);
  await page.selectOption('[data-testid=doc-filter]', '');

  // Scrolled to the end, the last rows are drawn.
  await page.evaluate(() => { const l = document.querySelector('.doc-list__rows'); l.scrollTop = l.scrollHeight; });
  await page.waitForSelector(`[data-testid=doc-item]:has-text("corpus.jsonl #s${N}")`);
  assert.ok((await page.locator('[data-testid=doc-item]').count()) < 60);
  assert.deepEqual(page.errors, []);
});

test('a picked folder imports every file Import… reads, subfolders included, and says what it skipped', async () => {
  const page = await openApp(env);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-folder-'));
  fs.mkdirSync(path.join(dir, 'part2'));
  fs.writeFileSync(path.join(dir, '甲.txt'), '𠀀河新区😀建设。');
  fs.writeFileSync(path.join(dir, 'part2', '乙.txt'), '郑州市召开会议。');
  fs.writeFileSync(path.join(dir, 'notes.docx'), 'not a format biaozhu reads');
  fs.writeFileSync(path.join(dir, '.DS_Store'), 'hidden');
  await page.setInputFiles('[data-testid=import-folder]', dir);
  await page.waitForFunction(() => document.querySelector('[data-testid=doc-shown]')?.dataset.shown === '3');
  const names = await page.locator('[data-testid=doc-item]').evaluateAll((els) => els.map((e) => e.textContent));
  assert.ok(names.some((n) => n.includes('甲')) && names.some((n) => n.includes('乙')), names.join(' | '));
  const message = page.locator('[data-testid=message]');
  await message.waitFor();
  assert.match(await message.textContent(), /2 of the folder's 4 files were skipped/);
  assert.deepEqual(page.errors, []);
});

test('a CSV table imports one document per row, its text from the column chosen in the review', async () => {
  const page = await openApp(env);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-csv-'));
  const file = path.join(dir, 'news.csv');
  fs.writeFileSync(file, '\ufeffid,title,summary,text\r\n' +
    'n1,第一条,短,"郑州市召开会议, 强调𠀀😀建设"\r\n' +
    'n2,第二条,也短,"徐立毅指出：""要抓好""。\r\n第二行"\r\n');
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('[data-testid=import-summary][data-docs="2"]');
  assert.equal(await page.inputValue('[data-testid=import-text-column]'), '3', 'the column named text');
  await page.selectOption('[data-testid=import-text-column]', '2');
  await page.waitForSelector('[data-testid=import-summary][data-docs="2"]');
  await page.selectOption('[data-testid=import-text-column]', '3');
  await page.click('[data-testid=import-accept]');
  await page.waitForSelector('[data-testid=text-view]:has-text("郑州市召开会议, 强调𠀀😀建设")');
  assert.equal(await openDoc(page), 'n1');
  assert.ok(await page.isVisible('[data-testid=doc-item]:has-text("第一条")'));
  await page.keyboard.press('Alt+ArrowDown');
  await page.waitForFunction(() => document.querySelector('[data-testid=text-view]').textContent.includes('徐立毅指出："要抓好"。'));
  assert.equal(await openDoc(page), 'n2');
  assert.deepEqual(page.errors, []);
});

/** A BMES corpus of `n` sentences, one character and tag per line, CRLF, as MSRA ships. */
function bmesCorpus(n) {
  const lines = [];
  for (let k = 1; k <= n; k++) {
    for (const [ch, tag] of [['𠀀', 'B-PER'], ['立', 'M-PER'], ['毅', 'E-PER'], ['😀', 'O'], ['在', 'O'], ['郑', 'B-LOC'], ['州', 'E-LOC'], [String(k % 10), 'O']]) {
      lines.push(`${ch} ${tag}`);
    }
    lines.push('');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-bmes-'));
  const file = path.join(dir, 'big_train.txt');
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

test('a large corpus is read with a progress bar that moves, Cancel leaves the work alone, and a second try opens the review', async () => {
  const page = await openApp(env);
  const docsBefore = await shown(page);
  const n = 150000;
  const file = bmesCorpus(n);
  // In the page, as soon as the bar has shown two values: note them and press Cancel (a round
  // trip per look from the test could miss a read of a second or so).
  const watched = page.evaluate(() => new Promise((resolve) => {
    const values = [];
    const look = () => {
      const bar = document.querySelector('[data-testid=import-progress] [data-testid=progress]');
      const value = bar && Number(bar.getAttribute('value'));
      if (value > 0 && !values.includes(value)) values.push(value);
      if (values.length >= 2) {
        document.querySelector('[data-testid=import-progress] [data-testid=progress-cancel]').click();
        resolve(values);
      } else if (values.length === 0 && document.querySelector('[data-testid=import-dialog]')) {
        resolve(values);
      } else {
        requestAnimationFrame(look);
      }
    };
    requestAnimationFrame(look);
  }));
  await page.setInputFiles('[data-testid=import-input]', file);
  const values = await watched;
  assert.ok(values.length >= 2 && values[1] > values[0], `the bar moved through ${values.join(', ')}`);
  await page.waitForSelector('[data-testid=import-progress]', { state: 'detached' });
  await page.waitForSelector('[data-testid=message]:has-text("cancelled")');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid=import-dialog]').count(), 0, 'no review after Cancel');
  assert.equal(await shown(page), docsBefore);

  // Again, to the end: the review offers every sentence with its two spans, 𠀀立毅 and 郑州.
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector(`[data-testid=import-summary][data-docs="${n}"]`, { timeout: 60000 });
  assert.equal(await page.getAttribute('[data-testid=import-summary]', 'data-spans'), String(2 * n));
  await page.click('[data-testid=import-cancel]');
  await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
  assert.equal(await shown(page), docsBefore);
});
