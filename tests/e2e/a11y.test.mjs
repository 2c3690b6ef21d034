// End to end: accessibility. axe-core (from npm) finds no critical or serious violation on the
// main view, with spans, a relation and suggestions drawn, nor in any dialog; every dialog
// takes the focus, keeps Tab inside, closes on Escape and gives the focus back; each span has
// an accessible name; messages and the save state are in live regions; label names are
// written in the text (not told by colour alone) and that choice is remembered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { start, stop, openApp, label, waitForSpanCount, waitForSaved, wangsDirective } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

/** Runs axe on the page as it is and fails on any critical or serious violation. */
async function assertAccessible(page, where) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `${where}: axe found violations`);
}

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);
const focusInDialog = (page) => page.evaluate(() => Boolean(document.activeElement?.closest('[role=dialog]')));

/** Opens a dialog with `opener`, checks it holds the focus and passes axe, closes it with
 * Escape and checks the focus went back to the opener. */
async function checkDialog(page, opener, dialog) {
  await page.click(`[data-testid=${opener}]`);
  await page.waitForSelector(`[data-testid=${dialog}][role=dialog][aria-modal=true]`);
  await page.waitForFunction(() => Boolean(document.activeElement?.closest('[role=dialog]')));
  await assertAccessible(page, dialog);
  // Keys in a dialog stay there: a label key does not label anything behind it.
  const spans = await page.getAttribute('[data-testid=status]', 'data-span-count');
  await page.keyboard.press('Tab');
  assert.ok(await focusInDialog(page), `${dialog}: Tab left the dialog`);
  await page.keyboard.press('Escape');
  await page.waitForSelector(`[data-testid=${dialog}]`, { state: 'detached' });
  assert.equal(await focusedTestId(page), opener, `${dialog}: the focus did not go back to ${opener}`);
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-span-count'), spans);
}

test('no critical or serious axe violation on the main view and in every dialog; dialogs keep and return the focus', async () => {
  const page = await openApp(env);
  await wangsDirective(page);
  await page.waitForSelector('[data-testid=relation-arc]');
  await page.waitForSelector('[data-testid=relation-arc-label]');

  // Suggestions from a pattern, through the pre-annotation dialog.
  await page.click('[data-testid=pre-annotate]');
  await page.waitForSelector('[data-testid=pre-annotate-dialog]');
  assert.ok(await focusInDialog(page), 'the pre-annotation dialog did not take the focus');
  await assertAccessible(page, 'pre-annotate dialog');
  await page.fill('[data-testid=pre-annotate-patterns]', '\\d{1,2}月\\d{1,2}日\tDATE');
  await page.click('[data-testid=pre-annotate-run]');
  await page.waitForSelector('[data-testid=suggestion]');
  await page.click('[data-testid=span][data-label=PER]');
  await assertAccessible(page, 'main view with spans, a relation and suggestions');

  await checkDialog(page, 'new-doc', 'new-doc-dialog');
  await checkDialog(page, 'export-dataset', 'export-dialog');
  await checkDialog(page, 'schema', 'schema-editor');
  await checkDialog(page, 'pre-annotate', 'pre-annotate-dialog');

  // Agreement: two names, one span each.
  for (const [name, needle] of [['ann', '三送一强'], ['bob', '航空港区']]) {
    await page.fill('[data-testid=user-name]', name);
    await page.press('[data-testid=user-name]', 'Enter');
    await label(page, needle, name === 'ann' ? 'c' : 'l');
  }
  await waitForSpanCount(page, 4);
  await page.waitForSelector('[data-testid=agreement-open]:not([disabled])');
  await checkDialog(page, 'agreement-open', 'agreement-dialog');

  // The import dialog (a label the schema lacks makes it ask) closes on Escape too: the import
  // is cancelled and nothing changes.
  const doccano = JSON.stringify({ text: '𠀀😀 郑州市', label: [[3, 6, 'CITY']] });
  await page.setInputFiles('[data-testid=import-input]', { name: 'cities.jsonl', mimeType: 'application/json', buffer: Buffer.from(doccano) });
  await page.waitForSelector('[data-testid=import-dialog][role=dialog]');
  await page.waitForFunction(() => Boolean(document.activeElement?.closest('[role=dialog]')));
  await assertAccessible(page, 'import dialog');
  const docs = await page.locator('[data-testid=doc-item]').count();
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
  assert.equal(await page.locator('[data-testid=doc-item]').count(), docs);
  assert.deepEqual(page.errors, []);
});

test('Tab and Shift+Tab go round inside a dialog', async () => {
  const page = await openApp(env);
  await page.click('[data-testid=new-doc]');
  await page.waitForSelector('[data-testid=new-doc-dialog]');
  assert.equal(await focusedTestId(page), 'new-doc-name', 'the first field takes the focus');
  // Shift+Tab from the first goes to the last, Tab from the last back to the first.
  await page.keyboard.press('Shift+Tab');
  const last = await page.evaluate(() => document.activeElement.textContent);
  assert.ok(await focusInDialog(page));
  assert.match(last, /Cancel/);
  await page.keyboard.press('Tab');
  assert.equal(await focusedTestId(page), 'new-doc-name');
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    assert.ok(await focusInDialog(page), `Tab ${i + 1} left the dialog`);
  }
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=new-doc-dialog]', { state: 'detached' });
  assert.equal(await focusedTestId(page), 'new-doc');
});

test('spans are named for screen readers, messages and the save state are live, labels are written out', async () => {
  const page = await openApp(env);
  // A document whose offsets need code points: 𠀀 and 😀 are two UTF-16 units each.
  await page.click('[data-testid=new-doc]');
  await page.fill('[data-testid=new-doc-text]', '𠀀😀徐立毅在郑州。');
  await page.click('[data-testid=new-doc-create]');
  await page.waitForSelector('[data-testid=text-view][data-doc-id]:has-text("徐立毅在郑州")');
  await label(page, '徐立毅', 'p');
  await waitForSpanCount(page, 1);
  assert.equal(await page.getAttribute('[data-testid=span]', 'aria-label'), 'PER 徐立毅 2–5');
  assert.equal(await page.getAttribute('[data-testid=span]', 'role'), 'group');

  // The save state is a status region; messages land in a live region that is always there.
  assert.equal(await page.getAttribute('[data-testid=save-status]', 'role'), 'status');
  assert.equal(await page.getAttribute('[data-testid=live]', 'aria-live'), 'polite');
  await label(page, '立毅在', 'l');
  const message = page.locator('[data-testid=live] [data-testid=message]');
  await message.waitFor();
  assert.equal(await message.getAttribute('data-kind'), 'error');

  // Label names are written before each span's text, as generated content only: the text
  // itself (and so every offset) is unchanged.
  const before = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-testid=span]'), '::before').content);
  assert.match(await before(), /PER/);
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid=span]').textContent), '徐立毅');
  await page.click('[data-testid=label-tags]');
  assert.equal(await before(), 'none');
  await waitForSaved(page);
  await page.reload();
  await page.waitForSelector('[data-testid=span]');
  assert.equal(await before(), 'none', 'the choice was not remembered');
  assert.equal(await page.isChecked('[data-testid=label-tags]'), false);
  assert.deepEqual(page.errors, []);
});

test('the import progress dialog passes axe, holds the focus, and Escape cancels the import', async () => {
  const page = await openApp(env);
  const docsBefore = await page.locator('[data-testid=doc-item]').count();
  // A BMES corpus big enough that reading it takes seconds: 𠀀 and 😀 in every sentence.
  const lines = [];
  for (let k = 1; k <= 150000; k++) {
    for (const [ch, tag] of [['𠀀', 'B-PER'], ['立', 'M-PER'], ['毅', 'E-PER'], ['😀', 'O'], ['郑', 'B-LOC'], ['州', 'E-LOC']]) {
      lines.push(`${ch} ${tag}`);
    }
    lines.push('');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-a11y-'));
  const file = path.join(dir, 'big_train.txt');
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('[data-testid=import-progress][role=dialog][aria-modal=true]');
  await page.waitForFunction(() => Boolean(document.activeElement?.closest('[data-testid=import-progress]')));
  await assertAccessible(page, 'import progress dialog');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=import-progress]', { state: 'detached' });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid=import-dialog]').count(), 0, 'no review after Escape');
  assert.equal(await page.locator('[data-testid=doc-item]').count(), docsBefore);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(page.errors, []);
});
