// End to end: offline and installable. The service worker is installed on the first visit; with
// the server stopped and the browser offline, a reload opens the app from its cache and work
// is saved as usual. A new version (a changed sw.js) is installed beside the running one, the
// update bar offers it, and Reload brings it in. The learning worker is not fetched at install.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { launchOptions } from './browser.mjs';
import { download, fixtures, label, waitForSpanCount, waitForSaved } from './helpers.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
let browser;
before(async () => { browser = await chromium.launch(launchOptions()); });
after(async () => { await browser.close(); });

/** A copy of the build that the test may change, served on its own port. */
async function serveCopy() {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-offline-'));
  fs.cpSync(path.resolve(here, '../../dist'), dist, { recursive: true });
  const { server, base } = await startServer({ dist, fixtures });
  return { dist, server, base };
}

/** Opens the app and waits until the service worker controls the page. */
async function openControlled(context, base) {
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return Boolean(registration?.active && navigator.serviceWorker.controller);
  }, null, { timeout: 60_000 });
  return page;
}

test('the app opens with the server gone and the browser offline, and saves work there', async (t) => {
  const { dist, server, base } = await serveCopy();
  t.after(() => { server.close(); server.closeAllConnections?.(); });
  // The build's list names the app's wasm (else the offline copy could not start).
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const wasm = fs.readdirSync(dist).find((f) => /^biaozhu-[0-9a-f]+_bg\.wasm$/.test(f));
  assert.ok(wasm && sw.includes(`"${wasm}"`), `sw.js lists the app's wasm ${wasm}`);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await openControlled(context, base);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  assert.equal(manifest.start_url, './');
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
  // Nothing of the learning worker was fetched to install the offline copy.
  const cached = await page.evaluate(async () => {
    const names = [];
    for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) names.push(r.url);
    return names;
  });
  assert.ok(cached.some((u) => u.endsWith(`/${wasm}`)), `the app wasm is cached: ${cached.join(' ')}`);
  assert.ok(!cached.some((u) => u.includes('biaozhu-learner')), 'the learner is not fetched at install');

  server.close();
  server.closeAllConnections?.();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  await label(page, '徐立毅', 'p');
  await waitForSpanCount(page, 1);
  await waitForSaved(page);
  await page.reload();
  await waitForSpanCount(page, 1);
  // A dataset imports offline too: the reading worker was cached at install.
  assert.ok(cached.some((u) => u.includes('biaozhu-reader')), 'the dataset reader is cached at install');
  await page.setInputFiles('[data-testid=import-input]', {
    name: 'corpus.conll',
    mimeType: 'text/plain',
    buffer: Buffer.from('𠀀\tB-PER\n强\tI-PER\n😀\tO\n\n郑\tB-LOC\n州\tI-LOC\n'),
  });
  await page.waitForSelector('[data-testid=import-summary][data-spans="2"]', { timeout: 60_000 });
  await page.click('[data-testid=import-accept]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 3);
  // And a dataset exports offline: the export worker was cached at install too.
  assert.ok(cached.some((u) => u.includes('biaozhu-exporter')), 'the export worker is cached at install');
  await page.click('[data-testid=export-dataset]');
  await page.selectOption('[data-testid=export-format]', 'doccano');
  await page.waitForSelector('[data-testid=export-preview]', { timeout: 60_000 });
  const exported = await download(page, '[data-testid=export-download]');
  const lines = exported.text.trim().split('\n').map((line) => JSON.parse(line));
  const person = lines.flatMap((l) => l.label.map(([s, e, tag]) => [Array.from(l.text).slice(s, e).join(''), tag]));
  assert.ok(person.some(([text, tag]) => text === '𠀀强' && tag === 'PER'), JSON.stringify(person));
  await context.close();
});

test('a new version is offered by the update bar and Reload brings it in', async (t) => {
  const { dist, server, base } = await serveCopy();
  t.after(() => { server.close(); server.closeAllConnections?.(); });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await openControlled(context, base);
  const versionOf = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('biaozhu-')));
  const before = await versionOf();
  assert.equal(before.length, 1);
  // Deploy "a new version": the same files under another version.
  const sw = path.join(dist, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '[^']*'/, "const VERSION = 'next'"));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForSelector('[data-testid=update-prompt]', { timeout: 60_000 });
  await Promise.all([
    page.waitForEvent('load'),
    page.click('[data-testid=update-reload]'),
  ]);
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  await page.waitForFunction(async () => (await caches.keys()).includes('biaozhu-next'));
  assert.deepEqual(await versionOf(), ['biaozhu-next']);
  assert.equal(await page.$('[data-testid=update-prompt]'), null);
  await context.close();
});
