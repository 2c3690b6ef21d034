// End to end: a directive record built in the browser — the directive, who issued it, its cue —
// survives a reload and comes out in the export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, stop, openApp, waitForSpanCount, waitForSaved, label, labelIn, download } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const CLAUSE = '各级各部门要牢牢抓住重点项目建设这个“牛鼻子”';

test("王新伟's directive: issued_by → 王新伟, cue 强调, reload, export", async () => {
  const page = await openApp(env);
  await labelIn(page, '市长王新伟强调', '王新伟', 'p');
  await waitForSpanCount(page, 1);
  await label(page, CLAUSE, 'i');
  await waitForSpanCount(page, 2);
  // The new directive is selected: R, then click the person, then choose issued_by (key 1).
  await page.keyboard.press('r');
  await page.waitForSelector('[data-testid=start-link][disabled]');
  await page.click('[data-testid=span][data-label=PER]');
  await page.waitForSelector('[data-testid=relation-picker]');
  await page.keyboard.press('1');
  await page.waitForSelector('[data-testid=relation-item][data-type=issued_by]');
  await page.waitForSelector('[data-testid=relation-arc]');
  // The cue, by keyboard: A focuses the attribute panel.
  await page.click('[data-testid=span][data-label=DIRECTIVE]');
  await page.keyboard.press('a');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'attr-cue');
  await page.selectOption('[data-testid=attr-cue]', '强调');
  await page.fill('[data-testid=attr-note]', '第三篇报道');
  await page.press('[data-testid=attr-note]', 'Enter');
  await page.fill('[data-testid=doc-annotator]', '张三');
  await page.press('[data-testid=doc-annotator]', 'Enter');
  await page.click('[data-testid=text-view]', { position: { x: 5, y: 5 } });
  await waitForSaved(page);

  await page.reload();
  await page.waitForSelector('[data-testid=relation-item][data-type=issued_by]');
  await page.click('[data-testid=span][data-label=DIRECTIVE]');
  assert.equal(await page.inputValue('[data-testid=attr-cue]'), '强调');
  assert.equal(await page.inputValue('[data-testid=attr-note]'), '第三篇报道');

  const project = JSON.parse((await download(page, '[data-testid=export-json]')).text);
  const doc = project.documents[0];
  const per = doc.spans.find((s) => s.label === 'PER');
  const directive = doc.spans.find((s) => s.label === 'DIRECTIVE');
  assert.equal(per.text, '王新伟');
  assert.equal(directive.text, CLAUSE);
  assert.deepEqual(directive.attributes, { cue: '强调', note: '第三篇报道' });
  assert.equal(doc.annotator, '张三');
  assert.deepEqual(doc.relations.map((r) => [r.type, r.from, r.to]), [['issued_by', directive.id, per.id]]);

  // The dataset exports carry it where the format can, and say so where it cannot.
  await page.click('[data-testid=export-dataset]');
  await page.selectOption('[data-testid=export-format]', 'spacy');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-download]')]);
  const line = JSON.parse(fs.readFileSync(await file.path(), 'utf8').trim());
  const rel = line.relations[0];
  assert.equal(rel.label, 'issued_by');
  assert.equal(line.tokens[rel.head].end, directive.end);
  assert.equal(line.tokens[rel.child].end, per.end);
  assert.equal(line.spans.find((s) => s.label === 'DIRECTIVE').attributes.cue, '强调');
  await page.selectOption('[data-testid=export-format]', 'doccano');
  assert.match(await page.textContent('[data-testid=export-left-out]'), /cannot hold relations: 1 relation\(s\) are left out/);
  await page.click('[data-testid=export-close]');

  // Deleting the person removes the relation; one undo brings both back.
  await page.click('[data-testid=span][data-label=PER]');
  await page.keyboard.press('Delete');
  await waitForSpanCount(page, 1);
  assert.equal(await page.locator('[data-testid=relation-item]').count(), 0);
  await page.keyboard.press('Control+z');
  await page.waitForSelector('[data-testid=relation-item][data-type=issued_by]');
  assert.deepEqual(page.errors, []);
});

test('a relation type that does not fit is refused with the options', async () => {
  const page = await openApp(env);
  await label(page, '徐立毅', 'p');
  await waitForSpanCount(page, 1);
  await label(page, '航空港区', 'l');
  await waitForSpanCount(page, 2);
  await page.click('[data-testid=span][data-label=PER]');
  await page.click('[data-testid=start-link]');
  await page.click('[data-testid=span][data-label=LOC]');
  const message = await page.textContent('[data-testid=message][data-kind=error]');
  assert.match(message, /no relation type goes from PER to LOC; from PER: holds_title → TITLE/);
  assert.equal(await page.locator('[data-testid=relation-item]').count(), 0);
});

test('the relation by keyboard: ] and [ walk the spans, R, ], Enter, 1', async () => {
  const page = await openApp(env);
  await label(page, '徐立毅', 'p');
  await label(page, '各级各部门要确立以企业为中心的服务理念', 'i');
  await waitForSpanCount(page, 2);
  await page.keyboard.press('Escape');
  await page.keyboard.press(']');
  await page.waitForSelector('[data-testid=span][data-label=PER].ann--selected');
  await page.keyboard.press(']');
  await page.waitForSelector('[data-testid=span][data-label=DIRECTIVE].ann--selected');
  await page.keyboard.press('r');
  await page.keyboard.press(']');
  await page.waitForSelector('[data-testid=span][data-label=PER].ann--candidate');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=relation-picker]');
  await page.keyboard.press('1');
  await page.waitForSelector('[data-testid=relation-item][data-type=issued_by]');
  // The cue by keyboard too: A, then choose with the arrow keys.
  await page.keyboard.press('a');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  assert.equal(await page.inputValue('[data-testid=attr-cue]'), '强调');
});

test('the second directive of the same person takes the type picked for the first without asking', async () => {
  const page = await openApp(env);
  await label(page, '徐立毅', 'p');
  await label(page, '要抓好政策宣传与兑现工作', 'i');
  await waitForSpanCount(page, 2);
  await page.keyboard.press('r');
  await page.click('[data-testid=span][data-label=PER]');
  await page.waitForSelector('[data-testid=relation-picker]');
  await page.keyboard.press('1');
  await page.waitForSelector('[data-testid=relation-item][data-type=issued_by]');
  // The second: R and the click make the record, with no picker.
  await label(page, '要加快“新基建”布局', 'i');
  await waitForSpanCount(page, 3);
  await page.keyboard.press('r');
  await page.click('[data-testid=span][data-label=PER]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=relation-item][data-type=issued_by]').length === 2);
  assert.equal(await page.locator('[data-testid=relation-picker]').count(), 0);
  assert.match(await page.textContent('[data-testid=message]'), /chosen last for DIRECTIVE → PER/);
  assert.deepEqual(page.errors, []);
});
