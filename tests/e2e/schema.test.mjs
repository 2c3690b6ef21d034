// End to end: the schema editor renames, adds and deletes labels on an annotated document,
// asks before deleting annotations, and every change is one undo step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, stop, openApp, waitForSpanCount, label, download } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

async function openSchema(page) {
  await page.click('[data-testid=schema]');
  await page.waitForSelector('[data-testid=schema-editor]');
}

test('rename a label in use, then undo', async () => {
  const page = await openApp(env);
  await label(page, '徐立毅', 'p');
  await waitForSpanCount(page, 1);
  await openSchema(page);
  await page.fill('[data-testid=schema-label-PER] [data-testid=schema-label-name]', 'PERSON');
  await page.press('[data-testid=schema-label-PER] [data-testid=schema-label-name]', 'Tab');
  await page.waitForSelector('[data-testid=schema-summary]:has-text("1 span(s) renamed; removes nothing")');
  await page.click('[data-testid=schema-apply]');
  await page.waitForSelector('[data-testid=span][data-label=PERSON]');
  await page.waitForSelector('[data-testid=label-PERSON]');
  await page.keyboard.press('Control+z');
  await page.waitForSelector('[data-testid=span][data-label=PER]');
  await page.waitForSelector('[data-testid=label-PER]');
});

test('delete a label in use: the editor says how many spans go and asks first', async () => {
  const page = await openApp(env);
  await label(page, '徐立毅', 'p');
  await label(page, '张昕', 'p');
  await waitForSpanCount(page, 2);
  await openSchema(page);
  await page.click('[data-testid=schema-label-PER] [data-testid=schema-label-delete]');
  // PER leaves the relation rules too; holds_title, which started only at PER, goes with it.
  assert.equal(await page.locator('[data-testid=schema-relation-holds_title]').count(), 0);
  for (const id of ['schema-relation-issued_by-to-PER', 'schema-relation-addressed_to-to-PER']) {
    assert.equal(await page.locator(`[data-testid=${id}]`).count(), 0, 'the deleted label has no checkbox');
  }
  assert.equal(await page.locator('[data-testid=schema-problems]').count(), 0, 'deleting a label drops it from relation rules');
  await page.waitForSelector('[data-testid=schema-summary]:has-text("deletes 2 PER span(s)")');
  await page.click('[data-testid=schema-apply]');
  await page.waitForSelector('[data-testid=schema-confirm-text]:has-text("deletes 2 PER span(s)")');
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-span-count'), '2', 'nothing changed yet');
  await page.click('[data-testid=schema-apply]');
  await waitForSpanCount(page, 0);
  assert.equal(await page.locator('[data-testid=label-PER]').count(), 0);
  await page.keyboard.press('Control+z');
  await waitForSpanCount(page, 2);
});

test('add a label with its own hotkey and colour; export and import the schema', async () => {
  const page = await openApp(env);
  await openSchema(page);
  await page.click('[data-testid=schema-add-label-entity]');
  const row = page.locator('[data-testid=schema-label-LABEL1]');
  await row.locator('[data-testid=schema-label-name]').fill('EVENT');
  await row.locator('[data-testid=schema-label-name]').press('Tab');
  const event = page.locator('[data-testid=schema-label-EVENT]');
  await event.locator('[data-testid=schema-label-hotkey]').fill('e');
  await event.locator('[data-testid=schema-label-hotkey]').press('Tab');
  await event.locator('[data-testid=schema-label-color]').evaluate((el) => {
    el.value = '#123456';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const exported = await download(page, '[data-testid=schema-export]');
  const schema = JSON.parse(exported.text);
  assert.equal(schema.format, 'biaozhu-schema');
  const added = schema.schema.layers[1].labels.find((l) => l.name === 'EVENT');
  assert.deepEqual([added.hotkey, added.color], ['e', '#123456']);
  await page.click('[data-testid=schema-apply]');
  await page.waitForSelector('[data-testid=label-EVENT]');
  await label(page, '三送一强', 'e');
  await page.waitForSelector('[data-testid=span][data-label=EVENT]');
  // The colour reaches the span through the CSSOM custom property, not a style string.
  const color = await page.$eval('[data-testid=span][data-label=EVENT]',
    (el) => getComputedStyle(el).getPropertyValue('--ann-color').trim());
  assert.equal(color, '#123456');
  assert.doesNotMatch(await page.getAttribute('[data-testid=span][data-label=EVENT]', 'style'), /#/);

  // A broken schema file is refused with a message; a good one replaces the draft.
  await openSchema(page);
  const bad = path.join(os.tmpdir(), 'bad-schema.json');
  fs.writeFileSync(bad, '{"schema": {"layers": [{"name": "x", "allow_overlap": false, "labels": [{"name": "A", "zh": "", "en": "", "color": "#000000", "hotkey": "r"}]}]}}');
  await page.setInputFiles('[data-testid=schema-import]', bad);
  await page.waitForSelector('[data-testid=schema-import-error]:has-text("cannot use the hotkey")');
  const good = path.join(os.tmpdir(), 'good-schema.json');
  fs.writeFileSync(good, exported.text);
  await page.setInputFiles('[data-testid=schema-import]', good);
  await page.waitForSelector('[data-testid=schema-label-EVENT]');
  assert.deepEqual(page.errors, []);
});
