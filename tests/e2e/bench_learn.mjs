// Learning benchmark (issue 12), in the release build in headless Chromium: the MSRA NER
// training set (a random 1,000 sentences, then all 50,289) imported, trained on in the worker
// from the Train click to the model shown, with the longest frame of the page meanwhile; the
// held-out F1 the panel shows and the model's size; then suggestions for 1,500-character
// documents of the MSRA test set, from the click to the suggestions drawn. Prints table rows.
//
//   node tests/e2e/bench_learn.mjs PATH/TO/msra_train.txt PATH/TO/msra_test.txt [SIZES]
//
// SIZES is a comma-separated list (default 1000,all). The F1 on the MSRA test set itself is
// the learning curve's (.ci/learning-curve): the same code, natively and in V8.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { launchOptions } from './browser.mjs';
import { newDocument, waitForSaved } from './helpers.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const [trainFile, testFile, sizesArg = '1000,all'] = process.argv.slice(2);
const row = (name, value, unit, target) => {
  const verdict = target === undefined || Number.isNaN(value) ? '' : value <= target ? 'meets' : 'MISSES';
  const v = Number.isNaN(value) ? '—' : value.toFixed(value < 10 ? 3 : 1);
  return `| ${name} | ${v} | ${unit} | ${target ?? ''} | ${verdict} |`;
};

/** The sentences of a BMES file, each as its lines. */
const sentences = (text) => text.split(/\r?\n\r?\n/).map((s) => s.trim()).filter(Boolean);
/** `n` of them picked at random (a fixed seed), in file order. */
function sample(all, n) {
  if (n >= all.length) return all;
  let seed = 12345;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const picked = new Set();
  while (picked.size < n) picked.add(Math.floor(rand() * all.length));
  return [...picked].sort((a, b) => a - b).map((i) => all[i]);
}
const textOf = (sentence) => sentence.split(/\r?\n/).map((l) => l.split(' ')[0]).join('');

const train = sentences(fs.readFileSync(trainFile, 'utf8'));
const test = sentences(fs.readFileSync(testFile, 'utf8')).map(textOf);
const { server, base } = await startServer({ dist: path.resolve(here, '../../dist'), fixtures: here });
const browser = await chromium.launch(launchOptions());
const lines = ['| learning figure (MSRA NER, browser worker) | value | unit | target | |', '|---|---|---|---|---|'];
try {
  for (const size of sizesArg.split(',')) {
    const picked = size === 'all' ? train : sample(train, Number(size));
    const n = picked.length;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-learn-bench-')), `msra_train_${n}.txt`);
    fs.writeFileSync(file, picked.join('\r\n\r\n') + '\r\n\r\n');
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForSelector('[data-testid=text-view][data-doc-id]');
    await page.setInputFiles('[data-testid=import-input]', file);
    await page.waitForSelector('[data-testid=import-accept]', { timeout: 600_000 });
    await page.click('[data-testid=import-accept]');
    await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
    await page.check('[data-testid=learn-all-docs]');
    await page.uncheck('[data-testid=learn-on-open]');
    await waitForSaved(page);
    // From the click to the frame that shows the model; the longest frame of the page meanwhile.
    const trained = await page.evaluate(async () => {
      let longest = 0, last = performance.now(), done = false;
      const frames = (async () => {
        while (!done) {
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          longest = Math.max(longest, now - last);
          last = now;
        }
      })();
      const t0 = performance.now();
      document.querySelector('[data-testid=learn-train]').click();
      while (!document.querySelector('[data-testid=learn-model][data-trained]')) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => requestAnimationFrame(r));
      const seconds = (performance.now() - t0) / 1000;
      done = true;
      await frames;
      const model = document.querySelector('[data-testid=learn-model]').dataset;
      return { seconds, longest, f1: Number(model.f1), bytes: Number(model.bytes), trained: Number(model.trained) };
    }, null);
    const target = size === 'all' ? 300 : n <= 1000 ? 10 : undefined;
    lines.push(row(`train on ${n} sentences (${trained.trained} after the held-out tenth), click to model shown`, trained.seconds, 's', target));
    lines.push(row(`  longest frame of the page while training (${n})`, trained.longest, 'ms', 50));
    lines.push(row(`  F1 on the held-out tenth (${n}), as the panel shows it`, trained.f1, ''));
    lines.push(row(`  model size (${n})`, trained.bytes / 1e6, 'MB', 20));
    // Suggestions on 1,500-character documents of the test set: click to suggestions drawn.
    const times = [];
    let next = 0;
    for (let d = 0; d < 5; d++) {
      let text = '';
      while (Array.from(text).length < 1500) text += test[next++ % test.length];
      text = Array.from(text).slice(0, 1500).join('');
      await newDocument(page, text);
      times.push(await page.evaluate(async () => {
        const count = () => document.querySelector('[data-testid=suggestion-count]').dataset.count;
        const before = count();
        const t0 = performance.now();
        document.querySelector('[data-testid=learn-suggest-doc]').click();
        while (count() === before) await new Promise((r) => setTimeout(r, 1));
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - t0;
      }));
    }
    times.sort((a, b) => a - b);
    lines.push(row(`  suggestions for a 1,500-character document, click to drawn, median of 5 (${n})`, times[2], 'ms', 50));
    lines.push(row(`  the same, slowest of 5 (${n})`, times[4], 'ms', 50));
    await context.close();
    console.log(lines.join('\n'));
    lines.length = 2;
  }
} finally {
  await browser.close();
  server.close();
}
