// End to end: search in the text (`/`, Ctrl+F in the text), plain and regular expression, in
// the open document and in all, Enter / Shift+Enter through the hits, a long document scrolled
// to a hit outside its rendered window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, openApp, newDocument } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const count = (page) => page.getAttribute('[data-testid=search-count]', 'data-count').then(Number);
const waitForCount = (page, n) => page.waitForSelector(`[data-testid=search-count][data-count="${n}"]`);
const highlighted = (page, name) => page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, name);
const highlightedText = (page, name) => page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()), name);

test('`/` and Ctrl+F find in the article; Enter and Shift+Enter move; a pattern counts in code points', async () => {
  const page = await openApp(env);
  const text = await page.textContent('[data-testid=text-view]');
  const times = text.split('三送一强').length - 1;
  await page.click('[data-testid=text-view]', { position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'search-input');
  await page.keyboard.type('三送一强');
  await waitForCount(page, times);
  assert.equal(await highlighted(page, 'search-hit'), times);
  assert.deepEqual(new Set(await highlightedText(page, 'search-hit')), new Set(['三送一强']));
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('[data-testid=search-count]'), new RegExp(`^2 / ${times}$`));
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  assert.match(await page.textContent('[data-testid=search-count]'), new RegExp(`^${times} / ${times}$`));
  assert.deepEqual(await highlightedText(page, 'search-current'), ['三送一强']);
  // Escape goes back to the text; Ctrl+F there comes back to the field.
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'text-view');
  await page.keyboard.press('Control+f');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'search-input');

  // Dates by a regular expression.
  await page.check('[data-testid=search-regex]');
  await page.fill('[data-testid=search-input]', '\\d{1,2}月\\d{1,2}日');
  const dates = text.match(/\d{1,2}月\d{1,2}日/gu).length;
  await waitForCount(page, dates);
  assert.ok(dates > 0);
  await page.fill('[data-testid=search-input]', '(');
  await waitForCount(page, 0);
  assert.match(await page.textContent('[data-testid=search-count]'), /not a valid pattern/);
  await page.fill('[data-testid=search-input]', '');
  assert.equal(await highlighted(page, 'search-hit'), 0);
  assert.deepEqual(page.errors, []);
});

test('all documents: Enter opens the next document with a hit; 𠀀 and emoji counted as one', async () => {
  const page = await openApp(env);
  await newDocument(page, '𠀀三送一强😀，三送一强。');
  await page.waitForSelector('[data-testid=text-view]:has-text("三送一强😀")');
  const note = await page.getAttribute('[data-testid=text-view]', 'data-doc-id');
  await page.fill('[data-testid=search-input]', '三送一强');
  await waitForCount(page, 2);
  await page.selectOption('[data-testid=search-scope]', 'corpus');
  const all = await count(page);
  assert.ok(all > 2);
  // The note's hits come first in the list only if it is first; step until the view changes.
  const docs = new Set();
  for (let i = 0; i < all; i++) {
    await page.press('[data-testid=search-input]', 'Enter');
    docs.add(await page.getAttribute('[data-testid=text-view]', 'data-doc-id'));
  }
  assert.equal(docs.size, 2, 'Enter visited both documents');
  // In the note, the second hit starts at code point 7 (𠀀 and 😀 are one each).
  await page.click(`[data-testid=doc-item][data-doc-id="${note}"]`);
  await page.selectOption('[data-testid=search-scope]', 'document');
  await waitForCount(page, 2);
  const starts = await page.evaluate(() => [...CSS.highlights.get('search-hit')].map((r) => {
    const para = r.startContainer.parentElement.closest('[data-para]');
    const before = document.createRange();
    before.setStart(para, 0);
    before.setEnd(r.startContainer, r.startOffset);
    return Number(para.dataset.start) + Array.from(before.toString()).length;
  }));
  assert.deepEqual(starts, [1, 7]);
  assert.deepEqual(page.errors, []);
});

test('a long document scrolls to a hit outside the paragraphs it renders', async () => {
  const page = await openApp(env);
  const lines = Array.from({ length: 600 }, (_, i) => `第${i}段：郑州市召开会议，研究部署有关工作。`);
  lines[555] = '第555段：找到𠀀这个独一无二的词😀。';
  await newDocument(page, lines.join('\n'));
  await page.waitForSelector('[data-testid=text-view]:has-text("第0段")');
  assert.equal(await page.locator('[data-para]:has-text("独一无二")').count(), 0, 'not rendered yet');
  await page.fill('[data-testid=search-input]', '独一无二');
  await waitForCount(page, 1);
  await page.press('[data-testid=search-input]', 'Enter');
  await page.waitForSelector('[data-para]:has-text("独一无二")');
  await page.waitForFunction(() => {
    const para = [...document.querySelectorAll('[data-para]')].find((p) => p.textContent.includes('独一无二'));
    const view = document.querySelector('[data-testid=text-view]').getBoundingClientRect();
    const r = para.getBoundingClientRect();
    return r.top >= view.top && r.bottom <= view.bottom;
  });
  await page.waitForFunction(() => CSS.highlights.get('search-current')?.size === 1);
  assert.deepEqual(page.errors, []);
});
