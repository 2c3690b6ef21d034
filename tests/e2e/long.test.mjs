// End to end on a long document (the article 12 times: over 200 paragraphs, so windowed):
// only paragraphs near the view are in the DOM, a span far down gets the right code points,
// and a reload replays the autosave journal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, stop, openApp, waitForSpanCount, dragSelect, fixtures } from './helpers.mjs';

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
  // The last paragraph in the DOM that names 徐立毅, brought to the middle of the view.
  await page.evaluate(() => {
    const paras = [...document.querySelectorAll('[data-para]')].filter((p) => p.textContent.includes('徐立毅'));
    paras[paras.length - 1].scrollIntoView({ block: 'center' });
  });
  await page.waitForTimeout(300);
  const target = await page.evaluate(() => {
    const paras = [...document.querySelectorAll('[data-para]')];
    const hits = paras.filter((p) => p.textContent.includes('徐立毅'));
    const p = hits[hits.length - 1];
    const before = paras.slice(0, paras.indexOf(p)).reduce((n, q) => n + q.textContent.split('徐立毅').length - 1, 0);
    const inPara = p.textContent.split('徐立毅').length - 2; // the last one in that paragraph
    const at = p.textContent.lastIndexOf('徐立毅');
    return { occurrence: before + inPara, start: Number(p.dataset.start) + Array.from(p.textContent.slice(0, at)).length };
  });
  await dragSelect(page, '徐立毅', target.occurrence);
  await page.keyboard.press('p');
  await waitForSpanCount(page, 1);
  assert.equal(await page.getAttribute('[data-testid=span][data-label=PER]', 'data-start'), String(target.start));
  // Counted in code points of the whole text, like Python: after 𠀀 and 😀 at the top.
  assert.equal(Array.from(text).slice(target.start, target.start + 3).join(''), '徐立毅');
  assert.ok(target.start > Array.from(text).length / 2, 'far down the document');

  // The autosave journal brings it back after a reload, and undo still works.
  await page.waitForSelector('[data-testid=save-status][data-state=saved]');
  await page.reload();
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  await waitForSpanCount(page, 1);
  await page.keyboard.press('Control+z');
  await waitForSpanCount(page, 0);
  assert.deepEqual(page.errors, []);
});
