// End to end: label all occurrences (Shift+A and the Label all button), in the open document
// and in every document, as one undo step, saved and exported with code-point offsets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, openApp, waitForSpanCount, waitForSaved, label, download, checkCodePointSlices, newDocument } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const message = (page) => page.textContent('[data-testid=message]');

test('Shift+A labels every 三送一强 of the article; one Ctrl+Z takes them all back', async () => {
  const page = await openApp(env);
  const article = await page.textContent('[data-testid=text-view]');
  const times = article.split('三送一强').length - 1;
  assert.ok(times > 2, `the article has ${times} occurrences`);
  // A real drag and the label key; the new span is selected, so Shift+A is the next key.
  await label(page, '三送一强', 'c');
  await waitForSpanCount(page, 1);
  await page.keyboard.press('Shift+A');
  await waitForSpanCount(page, times);
  assert.match(await message(page), new RegExp(`labelled ${times - 1} more «三送一强» as POLICY`));
  const spans = await page.$$eval('[data-testid=span][data-label=POLICY]', (els) => els.map((e) => e.textContent));
  assert.ok(spans.length > 0 && spans.every((t) => t === '三送一强'), spans.join('|'));
  await page.keyboard.press('Control+z');
  await waitForSpanCount(page, 1);
  await page.keyboard.press('Control+Shift+z');
  await waitForSpanCount(page, times);
  await waitForSaved(page);
  await page.reload();
  await waitForSpanCount(page, times);
  const project = JSON.parse((await download(page, '[data-testid=export-json]')).text);
  checkCodePointSlices(project);
  assert.equal(project.documents[0].spans.filter((s) => s.label === 'POLICY').length, times);
  assert.deepEqual(page.errors, []);
});

test('the button over all documents: 𠀀 and emoji, and a span in the way is skipped', async () => {
  const page = await openApp(env);
  await newDocument(page, '𠀀航空港区😀郑州航空港区管委会，航空港区。');
  await page.waitForSelector('[data-testid=text-view]:has-text("郑州航空港区管委会")');
  // An organisation around the second occurrence: the same layer, so Label all leaves it.
  await label(page, '郑州航空港区管委会', 'o');
  await waitForSpanCount(page, 1);
  await label(page, '航空港区', 'l');
  await waitForSpanCount(page, 2);
  await page.selectOption('[data-testid=label-all-scope]', 'corpus');
  await page.click('[data-testid=label-all]');
  await waitForSpanCount(page, 3);
  assert.match(await message(page), /labelled \d+ more «航空港区» as LOC in 2 document\(s\); 1 skipped/);
  const starts = await page.$$eval('[data-testid=span][data-label=LOC]', (els) => els.map((e) => e.dataset.start));
  assert.deepEqual(starts, ['1', '16']);
  // The article gained every one of its 航空港区 too.
  const project = JSON.parse((await download(page, '[data-testid=export-json]')).text);
  checkCodePointSlices(project);
  const article = project.documents.find((d) => d.text.includes('三送一强'));
  const times = article.text.split('航空港区').length - 1;
  assert.equal(article.spans.filter((s) => s.label === 'LOC' && s.text === '航空港区').length, times);
  // One step: undo leaves only what was labelled by hand.
  await page.keyboard.press('Control+z');
  await waitForSpanCount(page, 2);
  assert.deepEqual(page.errors, []);
});
