// End to end: suggestions learned from the user's own annotations. Spans are confirmed by drag
// and key in a few documents of a small generated corpus, the documents marked done, the model
// trained in the worker (Alt+L), and its suggestions appear in another document, where keys
// accept them; after a reload the stored model suggests in a fresh worker. A bigger annotated
// corpus shows the progress, Cancel, and the estimated F1 per label. Text with 𠀀 and 😀, so
// code points and UTF-16 differ.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, stop, openApp, label, waitForSpanCount, waitForSaved } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const PEOPLE = ['徐立毅', '王新伟', '张𠀀明', '李娜', '周洁', '赵敏😀'];
const PLACES = ['郑州', '航空港区', '中牟县', '金水区', '登封', '新郑'];
const cp = (s) => Array.from(s).length;

/** Sentence k: a person and a place among filler, and where they are in code points. */
function sentence(k) {
  const person = PEOPLE[k % PEOPLE.length];
  const place = PLACES[(Math.floor(k / PEOPLE.length) + k) % PLACES.length];
  const lead = ['昨日，', '', '上午，'][k % 3];
  const text = `${lead}${person}在${place}调研，强调要抓好复工复产。`;
  const p0 = cp(lead);
  const l0 = p0 + cp(person) + 1;
  return { text, person, place, per: [p0, p0 + cp(person)], loc: [l0, l0 + cp(place)] };
}

function file(name, contents) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-learn-'));
  const target = path.join(dir, name);
  fs.writeFileSync(target, contents);
  return target;
}

async function importFile(page, target, docs) {
  await page.setInputFiles('[data-testid=import-input]', target);
  await page.waitForSelector(`[data-testid=import-summary][data-docs="${docs}"]`);
  await page.click('[data-testid=import-accept]');
  await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
}

/** Opens the document whose text starts with `text`. */
async function openByText(page, text) {
  const ids = await page.$$eval('[data-testid=doc-item]', (els) => els.map((e) => e.dataset.docId));
  for (const id of ids) {
    await page.click(`[data-testid=doc-item][data-doc-id="${id}"]`);
    await page.waitForSelector(`[data-testid=text-view][data-doc-id="${id}"]`);
    if ((await page.textContent('[data-testid=text-view]')).includes(text)) return id;
  }
  throw new Error(`no document holds «${text}»`);
}

const modelSuggestions = (page) => page.$$eval('[data-testid=suggestion][data-source=model]', (els) =>
  els.map((e) => [Number(e.dataset.start), Number(e.dataset.end), e.dataset.label]));

test('spans confirmed by hand teach a model in the worker; its suggestions appear elsewhere and keys accept them', async () => {
  const page = await openApp(env);
  const lines = [];
  for (let k = 0; k < 10; k++) lines.push(JSON.stringify({ text: sentence(k).text, label: [] }));
  await importFile(page, file('plain.jsonl', lines.join('\n') + '\n'), 10);
  // Six documents confirmed by hand: drag over the name, press its key; mark each done.
  for (let k = 0; k < 6; k++) {
    const s = sentence(k);
    await openByText(page, s.text);
    await label(page, s.person, 'p');
    await waitForSpanCount(page, 1);
    await label(page, s.place, 'l');
    await waitForSpanCount(page, 2);
    await page.selectOption('[data-testid=doc-status]', 'done');
  }
  // The worker's wasm is not loaded before learning is first used.
  const learnerLoaded = () => page.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('biaozhu-learner')));
  assert.equal(await learnerLoaded(), false);
  await page.click('[data-testid=text-view]');
  await page.keyboard.press('Alt+L');
  await page.waitForSelector('[data-testid=learn-model][data-trained="6"][data-kept=saved]', { timeout: 60000 });
  assert.equal(await learnerLoaded(), true);
  // One held-out document (a tenth of six, at least one) gives the estimate; the model in use
  // then learns from all six.
  await page.waitForSelector('[data-testid=learn-scores] tr[data-label=PER]');
  // Another document: the model suggests its person and place as it opens.
  const seven = sentence(6);
  const sevenId = await openByText(page, seven.text);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=suggestion][data-source=model]').length >= 2);
  const shown = await modelSuggestions(page);
  assert.deepEqual(shown.find((s) => s[2] === 'PER'), [...seven.per, 'PER']);
  assert.deepEqual(shown.find((s) => s[2] === 'LOC'), [...seven.loc, 'LOC']);
  // . goes to the first suggestion, Enter accepts it: a span, one undo step.
  await page.click('[data-testid=text-view]');
  await page.keyboard.press('.');
  await page.waitForSelector('[data-testid=review-current]:has-text("model")');
  await page.keyboard.press('Enter');
  await waitForSpanCount(page, 1);
  await page.waitForSelector('[data-testid=review-current]:has-text("LOC · model")');
  await page.keyboard.press('Enter');
  // The queue goes on into the next document with suggestions; this one now has both spans.
  await page.waitForFunction((id) => document.querySelector('[data-testid=text-view]').dataset.docId !== id, sevenId);
  await openByText(page, seven.text);
  await waitForSpanCount(page, 2);
  assert.deepEqual(await modelSuggestions(page), []);
  await waitForSaved(page);

  // After a reload the stored model suggests in a new worker (read from IndexedDB).
  await page.reload();
  await page.waitForSelector('[data-testid=learn-model][data-trained="6"][data-kept=saved]');
  const nine = sentence(8); // 张𠀀明: 𠀀 is one code point, two UTF-16 units
  await openByText(page, nine.text);
  await page.waitForFunction(() => document.querySelector('[data-testid=suggestion][data-source=model][data-label=PER]'));
  assert.deepEqual((await modelSuggestions(page)).find((s) => s[2] === 'PER'), [...nine.per, 'PER']);
  // The threshold slider: the open document keeps only the suggestions at least that sure.
  // On the bundled article, which the model is less sure of.
  await page.click('[data-testid=doc-item] >> nth=0');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=suggestion][data-source=model]').length > 10);
  const scores = () => page.$$eval('[data-testid=suggestion][data-source=model]', (els) => els.map((e) => Number(e.dataset.score)));
  const before = await scores();
  assert.ok(before.every((s) => s >= 0.5), 'the default threshold is one half');
  const cut = Math.min(1, Math.ceil((Math.min(...before) + 0.001) / 0.05) * 0.05);
  await page.$eval('[data-testid=learn-threshold]', (input, cut) => {
    input.value = String(cut);
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, cut);
  // (A long document draws only the paragraphs near the view: the ones drawn are checked.)
  await page.waitForFunction((cut) => {
    const shown = [...document.querySelectorAll('[data-testid=suggestion][data-source=model]')];
    return shown.length > 0 && shown.every((e) => Number(e.dataset.score) >= cut - 1e-9);
  }, cut);
  // Retrain when documents are marked done: one more done document, and the model follows.
  await page.check('[data-testid=learn-auto]');
  const ten = sentence(9);
  await openByText(page, ten.text);
  await label(page, ten.person, 'p');
  await waitForSpanCount(page, 1);
  await page.selectOption('[data-testid=doc-status]', 'done');
  await page.waitForSelector('[data-testid=learn-model][data-trained="7"][data-kept=saved]', { timeout: 60000 });
  assert.deepEqual(page.errors, []);
});

/** `n` annotated sentences as a BMES file (CRLF), as MSRA ships. */
function bmes(n) {
  const lines = [];
  for (let k = 0; k < n; k++) {
    const s = sentence(k);
    const chars = Array.from(s.text);
    chars.forEach((ch, i) => {
      let tag = 'O';
      for (const [label, [a, b]] of [['PER', s.per], ['LOC', s.loc]]) {
        if (i >= a && i < b) tag = `${b - a === 1 ? 'S' : i === a ? 'B' : i === b - 1 ? 'E' : 'M'}-${label}`;
      }
      lines.push(`${ch} ${tag}`);
    });
    lines.push('');
  }
  return lines.join('\r\n') + '\r\n';
}

test('an imported annotated corpus trains with progress; Cancel stops it; the estimate is shown per label', async () => {
  const page = await openApp(env);
  await importFile(page, file('train.txt', bmes(4000)), 4000);
  await page.check('[data-testid=learn-all-docs]');
  await page.click('[data-testid=learn-train]');
  // The progress shows a training pass, then Cancel stops it and no model is made.
  await page.waitForSelector('[data-testid=learn-progress]:has-text("pass")', { timeout: 60000 });
  await page.click('[data-testid=learn-cancel]');
  await page.waitForSelector('[data-testid=learn-progress]', { state: 'detached' });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await page.$('[data-testid=learn-model][data-trained]'), null);
  // Again, to the end: a tenth of the documents held out for the estimate, then (a small set)
  // the model in use trained on all of them, the bundled article among them.
  await page.click('[data-testid=learn-train]');
  await page.waitForSelector('[data-testid=learn-progress]:has-text("every done document")', { timeout: 120000 });
  await page.waitForSelector('[data-testid=learn-model][data-trained]', { timeout: 120000 });
  const trained = Number(await page.getAttribute('[data-testid=learn-model]', 'data-trained'));
  assert.equal(trained, 4001);
  assert.match(await page.textContent('[data-testid=learn-scores] caption'), /400 held-out/);
  for (const label of ['PER', 'LOC']) {
    const f1 = Number(await page.textContent(`[data-testid=learn-scores] tr[data-label=${label}] [data-testid=learn-f1]`));
    assert.ok(f1 > 0.9, `${label} F1 ${f1}`);
  }
  assert.deepEqual(page.errors, []);
});
