// End to end on a long document (the article 12 times: over 200 paragraphs, so windowed):
// only paragraphs near the view are in the DOM, a span far down gets the right code points,
// and a reload replays the autosave journal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, stop, openApp, waitForSpanCount, waitForSaved, fixtures } from './helpers.mjs';

const article = fs.readFileSync(path.join(fixtures, '..', '..', '..', 'src', 'corpus', '000_efef3a98b491eb4b.txt'), 'utf8');
// An astral character and an emoji near the top shift every later UTF-16 offset.
const text = '𠀀😀 开头\n' + Array.from({ length: 12 }, (_, i) => `第${i + 1}遍\n${article}`).join('\n');
const file = path.join(fixtures, 'long-generated.txt');

let env;
before(async () => {
  fs.writeFileSync(file, text);
  env = await start();
});
after(async () => {
  await stop(env);
  fs.rmSync(file, { force: true });
});

test('a long document is windowed, and a span far down gets its code point offsets', async () => {
  const page = await openApp(env, '?doc=fixtures/long-generated.txt');
  await page.waitForSelector('[data-testid=text-view]:has-text("第1遍")');
  const paragraphs = text.split('\n').filter((l) => l.length > 0).length;
  assert.ok(paragraphs > 200, `${paragraphs} paragraphs`);
  const rendered = await page.locator('[data-para]').count();
  assert.ok(rendered < paragraphs / 2, `only ${rendered} of ${paragraphs} paragraphs are in the DOM`);

  // Scroll to the end: the last copy's paragraphs come into the DOM.
  await page.evaluate(() => {
    const view = document.querySelector('[data-testid=text-view]');
    view.scrollTop = view.scrollHeight;
  });
  const lastLine = text.split('\n').filter((l) => l.length > 0).pop();
  await page.waitForFunction((line) => document.querySelector('[data-testid=text-view]').textContent.includes(line), lastLine);
  // The window now reaches the end; select the last 陈宏伟 (in the last paragraph) in it through the DOM selection API
  // (no scrolling, so the window stays put); the app maps the live selection when the key comes.
  await page.waitForFunction((count) => {
    const [, last] = document.querySelector('[data-testid=text-view]').dataset.window.split('-').map(Number);
    return last === count;
  }, paragraphs);
  const target = await page.evaluate(() => {
    const paras = [...document.querySelectorAll('[data-para]')].filter((p) => p.textContent.includes('陈宏伟'));
    const p = paras[paras.length - 1];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let node = null;
    while (walker.nextNode()) if (walker.currentNode.data.includes('陈宏伟')) node = walker.currentNode;
    const at = node.data.lastIndexOf('陈宏伟');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 3);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    const before = document.createRange();
    before.setStart(p, 0);
    before.setEnd(node, at);
    return { start: Number(p.dataset.start) + Array.from(before.toString()).length };
  });
  await page.keyboard.press('p');
  await waitForSpanCount(page, 1);
  assert.equal(await page.getAttribute('[data-testid=span][data-label=PER]', 'data-start'), String(target.start));
  // Counted in code points of the whole text, like Python: after 𠀀 and 😀 at the top.
  assert.equal(Array.from(text).slice(target.start, target.start + 3).join(''), '陈宏伟');
  assert.ok(target.start > Array.from(text).length / 2, 'far down the document');

  // The autosave journal brings it back after a reload, and undo still works.
  await waitForSaved(page);
  await page.reload();
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  await waitForSpanCount(page, 1);
  await page.keyboard.press('Control+z');
  await waitForSpanCount(page, 0);
  assert.deepEqual(page.errors, []);
});
