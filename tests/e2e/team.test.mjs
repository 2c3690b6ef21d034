// End to end: a team. Two annotators, each in their own browser profile, set their names and
// annotate the bundled article by drag and key with known differences, and export their
// projects. A third merges both files, reads the agreement table (the figures computed by hand
// below), downloads it as CSV, adjudicates the disagreements by keys, and exports the gold
// layer as a dataset, whose offsets are checked against the text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, stop, openApp, label, waitForSpanCount, waitForSaved } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const cp = (text, start, end) => Array.from(text).slice(start, end).join('');

async function save(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-team-')), file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

async function setName(page, name) {
  await page.fill('[data-testid=user-name]', name);
  await page.press('[data-testid=user-name]', 'Enter');
  await page.click('[data-testid=text-view]');
}

/** One annotator's project file: their name, then each (text, key) labelled by drag and key. */
async function annotate(name, spans, file) {
  const page = await openApp(env);
  await setName(page, name);
  for (const [i, [text, key]] of spans.entries()) {
    await label(page, text, key);
    await waitForSpanCount(page, i + 1);
  }
  await waitForSaved(page);
  // The name is kept in this browser: it is there after a reload.
  await page.reload();
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  assert.equal(await page.inputValue('[data-testid=user-name]'), name);
  const saved = await save(page, '[data-testid=export-json]');
  const named = path.join(path.dirname(saved), file);
  fs.renameSync(saved, named);
  const project = JSON.parse(fs.readFileSync(named, 'utf8'));
  assert.ok(project.documents[0].spans.every((s) => s.annotator === name));
  await page.context().close();
  return { path: named, text: project.documents[0].text };
}

test('two annotators merged, their agreement measured, the disagreements adjudicated by keys, the gold exported', async () => {
  // Same people, one place drawn shorter by bob, a date only alice saw, a title only bob saw.
  const alice = await annotate('alice', [['张昕', 'p'], ['徐立毅', 'p'], ['航空港区', 'l'], ['3月10日', 'd']], 'alice.json');
  const bob = await annotate('bob', [['张昕', 'p'], ['徐立毅', 'p'], ['航空港', 'l'], ['市委书记', 't']], 'bob.json');

  const page = await openApp(env);
  await setName(page, 'carol');
  await page.setInputFiles('[data-testid=merge-input]', [alice.path, bob.path]);
  await page.waitForSelector('[data-testid=team][data-annotators="2"]');
  await waitForSpanCount(page, 8);
  assert.match(await page.textContent('[data-testid=status]'), /merged alice\.json \(alice\)/);

  // Only bob's work, then everyone's.
  await page.selectOption('[data-testid=view-annotator]', 'bob');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=text-view] [data-span-id]').length
    && [...document.querySelectorAll('[data-testid=text-view] [data-label]')].every((e) => e.dataset.label !== 'DATE'));
  await page.selectOption('[data-testid=view-annotator]', '');

  await page.click('[data-testid=agreement-open]');
  await page.waitForSelector('[data-testid=agreement]');
  const rows = await page.$$eval('[data-testid=agreement-row]', (els) => els.map((e) => ({ ...e.dataset })));
  const row = (label) => rows.find((r) => r.a === 'alice' && r.b === 'bob' && r.label === label);
  const near = (value, expected) => assert.ok(Math.abs(Number(value) - expected) < 1e-6, `${value} is not ${expected}`);
  // Exact: 张昕 and 徐立毅 of 4 + 4 spans. Overlap: 3 of 4 on each side (航空港 meets 航空港区).
  near(row('ALL').f1Exact, 2 * 2 / 8);
  near(row('ALL').f1Overlap, 0.75);
  near(row('PER').f1Exact, 1);
  near(row('LOC').f1Exact, 0);
  near(row('LOC').f1Overlap, 1);
  near(row('DATE').f1Overlap, 0);
  near(row('PER').alphaU, 1);
  // κ over the (character, layer) pairs of both layers: 2N items, 10 differ (区, 3月10日, 市委书记).
  const n = Array.from(alice.text).length;
  const items = 2 * n;
  const po = (items - 10) / items;
  const pe = ((items - 14) * (items - 12) + 2 * 2 + 3 * 3 + 1 * 1 + 3 * 2) / (items * items);
  near(row('ALL').kappa, (po - pe) / (1 - pe));
  const csv = fs.readFileSync(await save(page, '[data-testid=agreement-csv]'), 'utf8');
  assert.match(csv, /^annotator_a,annotator_b,label,documents,/);
  assert.match(csv, /\r\nalice,bob,ALL,1,4,4,0\.5000,0\.7500,/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=agreement-dialog]', { state: 'detached' });

  // Adjudicate: three disagreements in reading order, each decided by one key.
  await page.click('[data-testid=adjudicate-start]');
  await page.waitForSelector('[data-testid=adjudication][data-count="3"]');
  const current = async () => page.$eval('[data-testid=disagreement] mark', (e) => e.textContent);
  assert.equal(await current(), '3月10日');
  await page.keyboard.press('1'); // alice's DATE
  await page.waitForSelector('[data-testid=adjudication][data-count="2"]');
  assert.equal(await current(), '市委书记');
  await page.keyboard.press('2'); // bob's TITLE
  await page.waitForSelector('[data-testid=adjudication][data-count="1"]');
  assert.equal(await current(), '航空港区');
  await page.keyboard.press('1'); // alice's 航空港区
  await page.waitForSelector('[data-testid=adjudication-done]');
  // The text shows the gold layer: the three decided and the two agreed spans.
  await waitForSpanCount(page, 5);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=adjudication]', { state: 'detached' });
  await waitForSpanCount(page, 13);
  await waitForSaved(page);

  // Each annotator can see where gold differs from their work: bob drew 航空港 and missed the date.
  await page.click('[data-testid=agreement-open]');
  await page.waitForSelector('[data-testid=agreement-row][data-a=bob][data-b=gold][data-label=ALL]');
  await page.selectOption('[data-testid=gold-diff-annotator]', 'bob');
  await page.waitForSelector('[data-testid=gold-difference]');
  const differences = await page.$$eval('[data-testid=gold-difference]', (els) =>
    els.map((e) => `${e.dataset.side} ${e.dataset.label} ${e.dataset.start}-${e.dataset.end}`));
  const at = (needle) => Array.from(alice.text.slice(0, alice.text.indexOf(needle))).length;
  const place = (needle) => `${at(needle)}-${at(needle) + Array.from(needle).length}`;
  assert.deepEqual(differences.sort(), [
    `annotator LOC ${place('航空港')}`, `gold DATE ${place('3月10日')}`, `gold LOC ${place('航空港区')}`,
  ].sort());
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=agreement-dialog]', { state: 'detached' });

  // The gold layer, exported as a dataset (gold is the default once there is one).
  await page.click('[data-testid=export-dataset]');
  await page.waitForSelector('[data-testid=export-dialog]');
  assert.equal(await page.inputValue('[data-testid=export-annotator]'), 'gold');
  await page.selectOption('[data-testid=export-format]', 'doccano');
  await page.waitForSelector('[data-testid=export-preview]');
  const line = JSON.parse(fs.readFileSync(await save(page, '[data-testid=export-download]'), 'utf8').trim());
  const gold = line.label.map(([s, e, l]) => [cp(line.text, s, e), l]).sort();
  assert.deepEqual(gold, [['3月10日', 'DATE'], ['张昕', 'PER'], ['市委书记', 'TITLE'], ['徐立毅', 'PER'], ['航空港区', 'LOC']].sort());
  assert.deepEqual(page.errors, []);
});
