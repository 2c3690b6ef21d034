// End to end: pre-annotation (a dictionary file and a pattern) fills the suggestion layer,
// the review queue is walked by keys (each decision one undo step), suggestions are saved,
// exported only on request (Label Studio predictions, the project file's own field), and the
// stats panel counts the decisions. Text with 𠀀 and 😀, so code points and UTF-16 differ.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, stop, openApp, waitForSpanCount, waitForSaved, download, newDocument } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const TEXT = '𠀀航空港区😀3月10日，郑州航空港区管委会与航空港区。3月12日徐立毅到郑州。';
const cp = (s) => Array.from(s).length;
const at = (needle, nth = 0) => {
  let from = -1;
  for (let i = 0; i <= nth; i++) from = TEXT.indexOf(needle, from + 1);
  return cp(TEXT.slice(0, from));
};

/** The Label Studio export (a zip of tasks and config) as {name: text}, read by Python's zipfile. */
async function labelStudioFiles(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-download]')]);
  const target = path.join(os.tmpdir(), `biaozhu-${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  const script = 'import json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, target], { encoding: 'utf8' }));
}

const count = async (page) => Number(await page.getAttribute('[data-testid=suggestion-count]', 'data-count'));
const waitForCount = (page, n) => page.waitForSelector(`[data-testid=suggestion-count][data-count="${n}"]`);
const current = (page) => page.textContent('[data-testid=review-current]');
const suggestions = (page) => page.$$eval('[data-testid=suggestion]', (els) =>
  els.map((e) => [Number(e.dataset.start), Number(e.dataset.end), e.dataset.label, e.dataset.source]));

async function preAnnotate(page, { dictionary, patterns, scope = 'document' }) {
  await page.click('[data-testid=pre-annotate]');
  if (dictionary) {
    await page.setInputFiles('[data-testid=pre-annotate-dictionary]', {
      name: 'terms.tsv', mimeType: 'text/plain', buffer: Buffer.from(dictionary, 'utf8'),
    });
    await page.waitForSelector('[data-testid=pre-annotate-dictionary-name]');
  }
  if (patterns) await page.fill('[data-testid=pre-annotate-patterns]', patterns);
  await page.selectOption('[data-testid=pre-annotate-scope]', scope);
  await page.click('[data-testid=pre-annotate-run]');
}

test('a dictionary and a pattern suggest spans; keys accept, relabel, reject and accept all alike', async () => {
  const page = await openApp(env);
  await newDocument(page, TEXT);
  // Longest match wins: 郑州航空港区管委会 over 航空港区 inside it, and over 郑州.
  await preAnnotate(page, {
    dictionary: '\ufeff航空港区\tLOC\r\n郑州航空港区管委会\tORG\r\n郑州\tLOC\r\n徐立毅\tPER\r\n',
    patterns: '\\d{1,2}月\\d{1,2}日\tDATE',
  });
  await page.waitForSelector('[data-testid=pre-annotate-dialog]', { state: 'detached' });
  await waitForCount(page, 7);
  const shown = await suggestions(page);
  assert.deepEqual(shown, [
    [at('航空港区'), at('航空港区') + 4, 'LOC', 'dictionary'],
    [at('3月10日'), at('3月10日') + 5, 'DATE', 'pattern'],
    [at('郑州航空港区管委会'), at('郑州航空港区管委会') + 9, 'ORG', 'dictionary'],
    [at('航空港区', 2), at('航空港区', 2) + 4, 'LOC', 'dictionary'],
    [at('3月12日'), at('3月12日') + 5, 'DATE', 'pattern'],
    [at('徐立毅'), at('徐立毅') + 3, 'PER', 'dictionary'],
    [at('郑州', 1), at('郑州', 1) + 2, 'LOC', 'dictionary'],
  ]);
  assert.equal(await page.getAttribute('[data-testid=suggestion][data-label=LOC]', 'data-start'), '1');
  // Suggestions are not spans.
  await waitForSpanCount(page, 0);
  // The review starts at the first suggestion: Enter accepts it, and the next is under review.
  assert.match(await current(page), /«航空港区» LOC/);
  await page.keyboard.press('Enter');
  await waitForSpanCount(page, 1);
  await waitForCount(page, 6);
  assert.match(await current(page), /«3月10日» DATE/);
  // Backspace rejects.
  await page.keyboard.press('Backspace');
  await waitForCount(page, 5);
  assert.match(await current(page), /«郑州航空港区管委会» ORG/);
  // A label key accepts with that label; . skips one.
  await page.keyboard.press('l');
  await waitForSpanCount(page, 2);
  assert.equal(await page.getAttribute(`[data-testid=span][data-start="${at('郑州航空港区管委会')}"]`, 'data-label'), 'LOC');
  assert.match(await current(page), /«航空港区» LOC/);
  await page.keyboard.press('.');
  assert.match(await current(page), /«3月12日» DATE/);
  await page.keyboard.press(',');
  assert.match(await current(page), /«航空港区» LOC/);
  // One Ctrl+Z undoes one decision: the relabelled acceptance comes back as a suggestion.
  await page.keyboard.press('Control+z');
  await waitForSpanCount(page, 1);
  await waitForCount(page, 5);
  const stats = await page.$eval('[data-testid=stats]', (e) => ({ ...e.dataset }));
  assert.equal(stats.accepted, '2');
  assert.equal(stats.rejected, '1');
  assert.equal(stats.confirmed, '2');
  assert.match(await page.textContent('[data-testid=stats-median]'), /^\d+\.\d$/);
  // Saved with the project, and back after a reload.
  await waitForSaved(page);
  await page.reload();
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  await waitForCount(page, 5);
  await waitForSpanCount(page, 1);
  // The project file keeps them apart; the Label Studio export has them only when asked.
  const project = JSON.parse((await download(page, '[data-testid=export-json]')).text);
  const doc = project.documents.find((d) => d.text === TEXT);
  assert.deepEqual(doc.spans.map((s) => [s.start, s.end, s.label]), [[1, 5, 'LOC']]);
  assert.equal(doc.suggestions.length, 5);
  for (const s of doc.suggestions) {
    assert.ok(Array.from(TEXT).slice(s.start, s.end).join('').length > 0);
  }
  assert.deepEqual(doc.suggestions.find((s) => s.label === 'PER'), { start: at('徐立毅'), end: at('徐立毅') + 3, label: 'PER', source: 'dictionary' });
  await page.click('[data-testid=export-dataset]');
  await page.selectOption('[data-testid=export-docs]', 'open');
  await page.selectOption('[data-testid=export-format]', 'label-studio');
  await page.waitForSelector('[data-testid=export-preview]');
  // Not asked for: no prediction of the suggestions.
  let tasks = JSON.parse((await labelStudioFiles(page))['biaozhu-label-studio.json']);
  assert.equal(tasks[0].predictions, undefined);
  await page.check('[data-testid=export-suggestions]');
  tasks = JSON.parse((await labelStudioFiles(page))['biaozhu-label-studio.json']);
  const task = tasks[0];
  assert.equal(task.data.text, TEXT);
  assert.equal(task.annotations[0].result.filter((r) => r.type === 'labels').length, 1);
  const predicted = task.predictions.find((p) => p.model_version === 'biaozhu-suggestions').result;
  assert.equal(predicted.length, 5);
  for (const r of predicted) {
    assert.equal(Array.from(TEXT).slice(r.value.start, r.value.end).join(''), r.value.text);
  }
  await page.keyboard.press('Escape');
  assert.deepEqual(page.errors, []);
});

test('accept all alike over every document, one undo step; the confirmed strings as a dictionary', async () => {
  const page = await openApp(env);
  await newDocument(page, '𠀀三送一强😀，三送一强。');
  await newDocument(page, '三送一强和三送一强');
  await preAnnotate(page, { dictionary: '三送一强\tPOLICY\n', scope: 'corpus' });
  await page.waitForSelector('[data-testid=pre-annotate-dialog]', { state: 'detached' });
  // The article has its own 三送一强 too.
  const total = await count(page);
  assert.ok(total >= 4, `${total} suggestions`);
  await page.waitForSelector('[data-testid=review-current]');
  await page.selectOption('[data-testid=review-scope]', 'corpus');
  await page.focus('[data-testid=text-view]');
  await page.keyboard.press('Shift+Enter');
  await waitForCount(page, 0);
  assert.match(await page.textContent('[data-testid=message]'), /accepted \d+ suggestion\(s\) «三送一强» as POLICY/);
  await page.keyboard.press('Control+z');
  await waitForCount(page, total);
  await page.keyboard.press('Control+Shift+z');
  await waitForCount(page, 0);
  // The strings confirmed so far, as a dictionary, over a new document.
  await newDocument(page, '😀又见三送一强。');
  await page.click('[data-testid=pre-annotate]');
  await page.check('[data-testid=pre-annotate-confirmed]');
  await page.click('[data-testid=pre-annotate-run]');
  await waitForCount(page, 1);
  assert.deepEqual(await suggestions(page), [[3, 7, 'POLICY', 'project']]);
  // A pattern that does not compile is named with its line; nothing changes.
  await page.click('[data-testid=pre-annotate]');
  await page.fill('[data-testid=pre-annotate-patterns]', '\\d+日\tDATE\n(unclosed\tDATE');
  await page.click('[data-testid=pre-annotate-run]');
  assert.match(await page.textContent('[data-testid=pre-annotate-error]'), /patterns, line 2: the pattern does not compile/);
  await page.fill('[data-testid=pre-annotate-patterns]', '三送\tNOPE');
  await page.click('[data-testid=pre-annotate-run]');
  assert.match(await page.textContent('[data-testid=pre-annotate-error]'), /patterns, line 1: label "NOPE" is not in the schema/);
  await waitForCount(page, 1);
  assert.deepEqual(page.errors, []);
});
