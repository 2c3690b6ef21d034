// End to end: dataset files from other tools come in through Import…, are reviewed, and land as
// new documents with every span where its text is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, stop, openApp, waitForSpanCount } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const TEXT = '2024年3月5日，国务院总理李强在北京强调：要加快推进𠀀河新区建设😀，确保高质量发展。';

function tmpFile(name, contents) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-import-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, contents);
  return file;
}

async function spansOfOpenDoc(page) {
  return page.locator('[data-testid=span]').evaluateAll((els) => els.map((e) => [e.dataset.label, e.textContent, Number(e.dataset.start)]));
}

test('a doccano file with UTF-16 offsets is detected, repaired and mapped', async () => {
  const page = await openApp(env);
  // As doccano's own interface writes them: 确保高质量发展 at 38–45 instead of 36–43; PERSON is not our label.
  const row = { id: 7, text: TEXT, label: [[15, 17, 'PERSON'], [30, 35, 'LOC'], [38, 45, 'DIRECTIVE']] };
  await page.setInputFiles('[data-testid=import-input]', tmpFile('doccano.jsonl', JSON.stringify(row) + '\n'));
  const summary = page.locator('[data-testid=import-summary]');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('data-moved'), '2');
  assert.match(await page.textContent('[data-testid=import-notes]'), /UTF-16/);
  // PERSON is preselected as PER.
  assert.equal(await page.inputValue('[data-testid=import-map-PERSON]'), 'PER');
  await page.click('[data-testid=import-accept]');
  await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
  await waitForSpanCount(page, 3);
  const spans = await spansOfOpenDoc(page);
  assert.deepEqual(spans.map(([l, t]) => [l, t]).sort(), [['DIRECTIVE', '确保高质量发展'], ['LOC', '河新区建设'], ['PER', '李强']]);
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 2);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 1);
});

test('a brat .txt + .ann pair imports; a span that cannot be placed is listed', async () => {
  const page = await openApp(env);
  const txt = tmpFile('news.txt', TEXT);
  const ann = path.join(path.dirname(txt), 'news.ann');
  fs.writeFileSync(ann, 'T1\tPER 15 17\t李强\nT2\tLOC 28 32\t𠀀河新区\nT3\tORG 0 3\t不存在\n');
  await page.setInputFiles('[data-testid=import-input]', [txt, ann]);
  await page.waitForSelector('[data-testid=import-summary][data-spans="2"]');
  assert.match(await page.textContent('[data-testid=import-problems]'), /ORG span at 0–3 says «不存在»/);
  await page.click('[data-testid=import-accept]');
  await waitForSpanCount(page, 2);
  const spans = await spansOfOpenDoc(page);
  assert.deepEqual(spans, [['PER', '李强', 15], ['LOC', '𠀀河新区', 28]]);
  assert.match(await page.textContent('[data-testid=message]'), /could not be placed/);
});

test('a spaCy export of the app comes back in as a new document; Cancel changes nothing', async () => {
  const page = await openApp(env);
  const line = { text: TEXT, spans: [{ start: 23, end: 34, label: 'DIRECTIVE', text: '要加快推进𠀀河新区建设' }, { start: 28, end: 32, label: 'LOC', text: '𠀀河新区' }], meta: { id: 'x-1', doc_id: 'x-1', doc_name: '样例' } };
  const file = tmpFile('sample.jsonl', JSON.stringify(line) + '\n');
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.click('[data-testid=import-cancel]');
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 1);
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.click('[data-testid=import-accept]');
  await waitForSpanCount(page, 2);
  assert.equal(await page.getAttribute('[data-testid=text-view]', 'data-doc-id'), 'x-1');
  assert.equal(await page.locator('[data-testid=span][data-label=DIRECTIVE] [data-testid=span][data-label=LOC]').textContent(), '𠀀河新区');
  assert.deepEqual(page.errors, []);
});

test('a tagged corpus shipped as .txt (MSRA style) is offered as a corpus, or kept as text', async () => {
  const msra = '中 B-NT\r\n国 M-NT\r\n银 M-NT\r\n行 E-NT\r\n在 O\r\n北 B-NS\r\n京 E-NS\r\n\r\n李 B-NR\r\n强 E-NR\r\n说 O\r\n\r\n';
  const file = tmpFile('msra_test.txt', msra);
  const page = await openApp(env);
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('[data-testid=import-as-text-note]');
  assert.equal(await page.getAttribute('[data-testid=import-summary]', 'data-docs'), '2');
  // The MSRA labels come preselected as ours.
  assert.deepEqual(
    await Promise.all(['NR', 'NS', 'NT'].map((l) => page.inputValue(`[data-testid=import-map-${l}]`))),
    ['PER', 'LOC', 'ORG'],
  );
  await page.click('[data-testid=import-accept]');
  await waitForSpanCount(page, 2);
  assert.deepEqual((await spansOfOpenDoc(page)).map(([l, t]) => [l, t]), [['ORG', '中国银行'], ['LOC', '北京']]);
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 3);

  const again = await openApp(env);
  await again.setInputFiles('[data-testid=import-input]', file);
  await again.click('[data-testid=import-as-text]');
  await again.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
  await again.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 2);
  assert.match(await again.textContent('[data-testid=text-view]'), /中 B-NT/);
  assert.deepEqual(again.errors, []);
});
