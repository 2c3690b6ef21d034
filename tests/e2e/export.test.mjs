// End to end: the export dialog on text with 𠀀, emoji, CRLF and a directive holding an entity.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, stop, openApp, waitForSpanCount, label, download } from './helpers.mjs';

let env;
let page;
before(async () => {
  env = await start();
  page = await openApp(env, '?doc=fixtures/astral.txt');
  await page.waitForSelector('[data-testid=text-view]:has-text("𠀀河新区")');
  const steps = [['𠀀河新区', 'l'], ['要加快推进𠀀河新区建设', 'i'], ['确保高质量发展', 'i'], ['徐立毅', 'p'], ['外防输入', 'c']];
  for (const [i, [needle, key]] of steps.entries()) {
    await label(page, needle, key);
    await waitForSpanCount(page, i + 1);
  }
  await page.click('[data-testid=export-dataset]');
  await page.waitForSelector('[data-testid=export-dialog]');
  await page.selectOption('[data-testid=export-docs]', 'open');
});
after(async () => { await stop(env); });

const cp = (text, start, end) => Array.from(text).slice(start, end).join('');

async function choose(format) {
  await page.selectOption('[data-testid=export-format]', format);
  await page.waitForSelector('[data-testid=export-preview]');
}

/** Unzips with Python's zipfile (no unzip tool is assumed) into {name: text}. */
function unzip(file) {
  const script = 'import json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

async function downloadFile() {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-download]')]);
  const target = path.join(os.tmpdir(), `biaozhu-${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  return { name: file.suggestedFilename(), path: target };
}

test('spaCy JSONL: preview, counts, code-point spans with aligned tokens', async () => {
  await choose('spacy');
  assert.match(await page.textContent('[data-testid=export-preview]'), /"text":"2024年3月5日/);
  assert.match(await page.textContent('[data-testid=export-counts]'), /DIRECTIVE: 2/);
  const file = await downloadFile();
  assert.equal(file.name, 'biaozhu-spacy.jsonl');
  const line = JSON.parse(fs.readFileSync(file.path, 'utf8').trim());
  for (const span of line.spans) {
    assert.equal(cp(line.text, span.start, span.end), span.text);
    assert.equal(line.tokens[span.token_start].start, span.start);
    assert.equal(line.tokens[span.token_end].end, span.end);
  }
  assert.deepEqual(line.spans.map((s) => [s.start, s.end]), [[23, 34], [28, 32], [36, 43], [53, 56], [63, 67]]);
});

test('doccano UTF-16 variant shifts offsets after astral characters only', async () => {
  await choose('doccano-utf16');
  const line = JSON.parse(fs.readFileSync((await downloadFile()).path, 'utf8').trim());
  const units = (s, e) => line.text.slice(s, e); // JS strings index UTF-16 units
  for (const [start, end] of line.label) assert.ok(units(start, end).length > 0);
  assert.deepEqual(line.label.map(([s, e]) => units(s, e)), ['要加快推进𠀀河新区建设', '𠀀河新区', '确保高质量发展', '徐立毅', '外防输入']);
  assert.deepEqual(line.label[2].slice(0, 2), [38, 45]);
});

test('brat zip holds .txt, .ann and the configs', async () => {
  await choose('brat');
  const file = await downloadFile();
  assert.match(file.name, /\.zip$/);
  const files = unzip(file.path);
  const ann = Object.entries(files).find(([n]) => n.endsWith('.ann'))[1];
  const txt = Object.entries(files).find(([n]) => n.endsWith('.txt'))[1];
  assert.ok(files['annotation.conf'].includes('DIRECTIVE'));
  for (const line of ann.trim().split('\n')) {
    const [, spec, quoted] = line.split('\t');
    const [, start, end] = spec.split(' ');
    assert.equal(cp(txt, Number(start), Number(end)), quoted);
  }
});

test('CoNLL: the entity layer by default; overlapping labels block the download', async () => {
  await choose('conll');
  assert.equal(await page.isChecked('[data-testid=export-label-DIRECTIVE]'), false);
  await page.selectOption('[data-testid=export-scheme]', 'bioes');
  const text = fs.readFileSync((await downloadFile()).path, 'utf8');
  assert.match(text, /𠀀\tB-LOC\n河\tI-LOC\n新\tI-LOC\n区\tE-LOC\n/);
  await page.check('[data-testid=export-label-DIRECTIVE]');
  const error = await page.textContent('[data-testid=export-error]');
  assert.match(error, /overlaps LOC span \d+ «𠀀河新区»/);
  assert.equal(await page.isDisabled('[data-testid=export-download]'), true);
  await page.uncheck('[data-testid=export-label-DIRECTIVE]');
});

test('sentences with a train/dev/test split come as a zip of three files', async () => {
  await choose('huggingface');
  await page.selectOption('[data-testid=export-granularity]', 'sentence');
  await page.check('[data-testid=export-split]');
  await page.fill('[data-testid=export-split-seed]', '7');
  await page.press('[data-testid=export-split-seed]', 'Enter');
  const files = unzip((await downloadFile()).path);
  assert.deepEqual(Object.keys(files).sort(), ['dev.jsonl', 'labels.json', 'test.jsonl', 'train.jsonl']);
  const rows = ['train.jsonl', 'dev.jsonl', 'test.jsonl'].flatMap((n) => files[n].trim().split('\n').filter(Boolean)).map(JSON.parse);
  assert.equal(rows.length, 2, 'two sentences in the document');
  const names = JSON.parse(files['labels.json']);
  const tagged = rows.flatMap((r) => r.tokens.map((t, i) => [t, names[r.ner_tags[i]]]));
  assert.ok(tagged.some(([t, tag]) => t === '𠀀' && tag === 'B-LOC'));
  await page.uncheck('[data-testid=export-split]');
  await page.selectOption('[data-testid=export-granularity]', 'document');
});

test('Label Studio predictions, W3C and doccano entities download and match their text', async () => {
  await choose('label-studio');
  await page.selectOption('[data-testid=export-ls-kind]', 'predictions');
  const files = unzip((await downloadFile()).path);
  const tasks = JSON.parse(files['biaozhu-label-studio.json']);
  for (const r of tasks[0].predictions[0].result) assert.equal(cp(tasks[0].data.text, r.value.start, r.value.end), r.value.text);
  assert.match(files['label-studio-config.xml'], /<Labels name="label" toName="text">/);

  await choose('w3c');
  const w3c = JSON.parse(fs.readFileSync((await downloadFile()).path, 'utf8'));
  const source = w3c['biaozhu:sources'][0];
  for (const item of w3c.first.items) {
    const [pos, quote] = item.target.selector;
    assert.equal(cp(source.text, pos.start, pos.end), quote.exact);
    assert.match(item.id, /^urn:uuid:/);
  }

  await choose('doccano-entities');
  const line = JSON.parse(fs.readFileSync((await downloadFile()).path, 'utf8').trim());
  assert.deepEqual(line.entities.map((e) => cp(line.text, e.start_offset, e.end_offset)),
    ['要加快推进𠀀河新区建设', '𠀀河新区', '确保高质量发展', '徐立毅', '外防输入']);
  assert.deepEqual(page.errors, []);
});

test('only documents marked done: the status select, the progress and the export option', async () => {
  await page.click('[data-testid=export-close]');
  assert.equal(await page.getAttribute('[data-testid=done-count]', 'data-done'), '0');
  await page.selectOption('[data-testid=doc-status]', 'done');
  await page.waitForSelector('[data-testid=done-count][data-done="1"][data-total="2"]');
  assert.match(await page.textContent('[data-testid=doc-item] >> nth=1'), /Done/);
  await page.click('[data-testid=export-dataset]');
  await page.selectOption('[data-testid=export-docs]', 'done');
  await choose('doccano');
  const rows = fs.readFileSync((await downloadFile()).path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 1);
  assert.match(rows[0].text, /𠀀河新区/);
  await page.selectOption('[data-testid=export-docs]', 'all');
  await choose('doccano');
  assert.match(await page.textContent('[data-testid=export-dialog]'), /2 record\(s\)/);
});
