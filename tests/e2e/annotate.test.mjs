// End to end on the release build, served from a sub-path, in headless Chromium: a person
// selects text with the mouse, presses keys, reloads, exports, imports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  start, stop, openApp, spanCount, waitForSpanCount, label, dragSelect, scrollTo, download,
  checkCodePointSlices, waitForSaved, fixtures,
} from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const DIRECTIVE = '各级各部门要确立以企业为中心的服务理念';

test('tag a person and a directive, reload, undo, export, import a broken file', async () => {
  const page = await openApp(env);
  assert.equal(await spanCount(page), 0);
  assert.equal(await page.getAttribute('[data-testid=save-status]', 'data-state'), 'saved');

  await label(page, '徐立毅', 'p');
  await waitForSpanCount(page, 1);
  await label(page, DIRECTIVE, 'i');
  await waitForSpanCount(page, 2);
  const per = page.locator('[data-testid=span][data-label=PER]');
  assert.equal(await per.textContent(), '徐立毅');
  const directive = page.locator('[data-testid=span][data-label=DIRECTIVE]');
  assert.equal(await directive.textContent(), DIRECTIVE);
  await waitForSaved(page);

  // Everything survives a reload, including which document is open.
  await page.reload();
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  await waitForSpanCount(page, 2);
  assert.equal(await page.locator('[data-testid=span][data-label=PER]').textContent(), '徐立毅');
  assert.equal(await page.locator('[data-testid=span][data-label=DIRECTIVE]').textContent(), DIRECTIVE);

  // Undo the directive with Ctrl+Z, bring it back with Ctrl+Shift+Z, undo again with the button.
  await page.keyboard.press('Control+z');
  await waitForSpanCount(page, 1);
  await page.keyboard.press('Control+Shift+z');
  await waitForSpanCount(page, 2);
  await page.click('[data-testid=undo]');
  await waitForSpanCount(page, 1);
  await page.keyboard.press('Control+y');
  await waitForSpanCount(page, 2);

  // The export holds both spans; each span's text is text[start:end] in code points.
  const exported = await download(page, '[data-testid=export-json]');
  assert.match(exported.name, /\.json$/);
  const project = JSON.parse(exported.text);
  assert.equal(project.offset_unit, 'codepoint');
  checkCodePointSlices(project);
  const spans = project.documents[0].spans;
  assert.deepEqual(spans.map((s) => [s.label, s.text]).sort(), [['DIRECTIVE', DIRECTIVE], ['PER', '徐立毅']]);
  assert.equal(spans.find((s) => s.label === 'PER').layer, 'entity');

  // A broken file is refused with a message naming the problem; the work stays.
  const broken = path.join(os.tmpdir(), 'biaozhu-broken.json');
  const bad = JSON.parse(exported.text);
  bad.documents[0].spans[0].start += 1;
  fs.writeFileSync(broken, JSON.stringify(bad));
  await page.setInputFiles('[data-testid=import-input]', broken);
  const message = page.locator('[data-testid=message][data-kind=error]');
  await message.waitFor();
  const text = await message.textContent();
  assert.match(text, /biaozhu-broken\.json was not imported, nothing changed/);
  assert.match(text, new RegExp(`document "${project.documents[0].id}": span ${bad.documents[0].spans[0].id} at ${bad.documents[0].spans[0].start}`));
  assert.equal(await spanCount(page), 2);

  fs.writeFileSync(broken, '{"format": "biaozhu-project", "version": 1,');
  await page.setInputFiles('[data-testid=import-input]', broken);
  await page.waitForSelector('[data-testid=message][data-kind=error]:has-text("not valid JSON")');
  assert.equal(await spanCount(page), 2);
  assert.deepEqual(page.errors, []);
});

test('astral characters and emoji: offsets in the export are code points', async () => {
  const page = await openApp(env, '?doc=fixtures/astral.txt');
  await page.waitForSelector('[data-testid=text-view]:has-text("𠀀河新区")');
  // The bundled article stays; the text file is added and opened.
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 2);
  await label(page, '𠀀河新区', 'l');
  await waitForSpanCount(page, 1);
  await label(page, '确保高质量发展', 'i');
  await waitForSpanCount(page, 2);
  await label(page, '徐立毅', 'p');
  await waitForSpanCount(page, 3);
  const loc = page.locator('[data-testid=span][data-label=LOC]');
  assert.equal(await loc.getAttribute('data-start'), '28');
  assert.equal(await loc.getAttribute('data-end'), '32');
  const dir = page.locator('[data-testid=span][data-label=DIRECTIVE]');
  assert.equal(await dir.getAttribute('data-start'), '36');
  assert.equal(await dir.getAttribute('data-end'), '43');
  // After CRLF (2 code points) and a ZWJ emoji sequence (3 code points).
  const per = page.locator('[data-testid=span][data-label=PER]');
  assert.equal(await per.getAttribute('data-start'), '53');

  const exported = JSON.parse((await download(page, '[data-testid=export-json]')).text);
  checkCodePointSlices(exported);
  const doc = exported.documents.find((d) => d.text.includes('𠀀'));
  assert.deepEqual(doc.spans.map((s) => [s.start, s.end, s.text]),
    [[28, 32, '𠀀河新区'], [36, 43, '确保高质量发展'], [53, 56, '徐立毅']]);

  // Reloading with the same ?doc= does not add the file twice.
  await waitForSaved(page);
  await page.reload();
  await page.waitForSelector('[data-testid=text-view]:has-text("𠀀河新区")');
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 2);
  await waitForSpanCount(page, 3);
});

test('a directive holds entities, both visible; overlapping entities are refused', async () => {
  const page = await openApp(env);
  const clause = '要抓好政策宣传与兑现工作,把中央、省、市出台的一系列政策落实到位';
  await label(page, clause, 'i');
  await waitForSpanCount(page, 1);
  await label(page, '中央', 'o');
  await waitForSpanCount(page, 2);
  // The ORG element sits inside the DIRECTIVE element.
  const nested = page.locator('[data-testid=span][data-label=DIRECTIVE] [data-testid=span][data-label=ORG]');
  assert.equal(await nested.textContent(), '中央');
  assert.match(await nested.getAttribute('title'), /ORG/);

  // An entity overlapping 中央 is refused, naming it.
  await label(page, '把中', 'l');
  await page.waitForSelector('[data-testid=message][data-kind=error]:has-text("«中央»")');
  assert.equal(await spanCount(page), 2);
});

test('click a span to select it, relabel with a hotkey, delete it, Escape clears', async () => {
  const page = await openApp(env);
  await label(page, '航空港区', 'o');
  await waitForSpanCount(page, 1);
  await page.keyboard.press('Escape');
  const span = page.locator('[data-testid=span]').first();
  await span.click();
  await page.waitForSelector('[data-testid=span].ann--selected');
  await page.keyboard.press('l');
  await page.waitForSelector('[data-testid=span][data-label=LOC]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=span].ann--selected', { state: 'detached' });
  await span.click();
  await page.keyboard.press('Delete');
  await waitForSpanCount(page, 0);
  await page.keyboard.press('Control+z');
  await waitForSpanCount(page, 1);
  assert.equal(await page.getAttribute('[data-testid=span]', 'data-label'), 'LOC');
});

test('sticky label: each selection becomes a span at once', async () => {
  const page = await openApp(env);
  await page.click('[data-testid=label-DATE]');
  assert.equal(await page.getAttribute('[data-testid=label-DATE]', 'aria-pressed'), 'true');
  await scrollTo(page, '3月10日');
  await dragSelect(page, '3月10日');
  await waitForSpanCount(page, 1);
  await dragSelect(page, '连日来');
  await waitForSpanCount(page, 2);
  await page.keyboard.press('Escape');
  assert.equal(await page.getAttribute('[data-testid=label-DATE]', 'aria-pressed'), 'false');
  const labels = await page.locator('[data-testid=span]').evaluateAll((els) => els.map((e) => e.dataset.label));
  assert.deepEqual(labels, ['DATE', 'DATE']);
});

test('selection then palette click; the span list groups, counts and jumps', async () => {
  const page = await openApp(env);
  await scrollTo(page, '郑州合晶硅材料有限公司');
  await dragSelect(page, '郑州合晶硅材料有限公司');
  await page.click('[data-testid=label-ORG]');
  await waitForSpanCount(page, 1);
  await label(page, '外防输入', 'c');
  await waitForSpanCount(page, 2);
  assert.equal(await page.textContent('[data-testid=count-ORG]'), '1');
  assert.equal(await page.textContent('[data-testid=count-POLICY]'), '1');
  assert.equal(await page.textContent('[data-testid=count-PER]'), '0');
  await page.evaluate(() => document.querySelector('[data-testid=text-view]').scrollTo(0, 1e6));
  await page.click('[data-testid=span-list] [data-testid=span-list-item] >> text=郑州合晶硅材料有限公司');
  await page.waitForSelector('[data-testid=span].ann--selected.ann--flash');
  // The text scrolls (smoothly) until the span is in view.
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid=span][data-label=ORG]').getBoundingClientRect();
    const view = document.querySelector('[data-testid=text-view]').getBoundingClientRect();
    return r.top >= view.top && r.bottom <= view.bottom;
  });
});

test('new document from pasted text, switch documents, drag and drop a project', async () => {
  const page = await openApp(env);
  await page.click('[data-testid=new-doc]');
  await page.fill('[data-testid=new-doc-text]', '\uFEFF李强😀在北京\r\n强调：要发展。');
  await page.click('[data-testid=new-doc-create]');
  await page.waitForSelector('[data-testid=text-view]:has-text("李强😀在北京")');
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 2);
  await label(page, '北京', 'l');
  await waitForSpanCount(page, 1);
  assert.equal(await page.getAttribute('[data-testid=span]', 'data-start'), '4');

  // Switch back to the article and forth; then reload: the open document is remembered.
  await page.click('[data-testid=doc-item] >> nth=0');
  await waitForSpanCount(page, 0);
  await page.click('[data-testid=doc-item] >> nth=1');
  await waitForSpanCount(page, 1);
  await waitForSaved(page);
  await page.reload();
  await page.waitForSelector('[data-testid=text-view]:has-text("李强😀在北京")');

  // Drop a project file on the page: it replaces the project; Ctrl+Z brings the old one back.
  const exported = (await download(page, '[data-testid=export-json]')).text;
  const other = JSON.parse(exported);
  other.documents = [other.documents[1]];
  other.documents[0].id = 'dropped';
  const dataTransfer = await page.evaluateHandle((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(other));
  await page.dispatchEvent('[data-testid=text-view]', 'drop', { dataTransfer });
  await page.waitForSelector('[data-testid=message][data-kind=info]:has-text("dropped.json")');
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 1);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 2);
});

test('a text file that is not UTF-8 is refused with its name', async () => {
  const page = await openApp(env);
  const gbk = path.join(os.tmpdir(), 'gbk.txt');
  fs.writeFileSync(gbk, Buffer.from([0xc4, 0xe3, 0xba, 0xc3]));
  await page.setInputFiles('[data-testid=import-input]', gbk);
  await page.waitForSelector('[data-testid=message][data-kind=error]:has-text("gbk.txt was not opened")');
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 1);
});
