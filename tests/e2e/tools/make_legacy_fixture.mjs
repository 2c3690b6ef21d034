// Makes fixtures/legacy-localstorage.json: what the version before IndexedDB (commit c116886)
// kept in localStorage after a short session, for the migration test. Run once against that
// build (`git worktree add /tmp/legacy c116886 && (cd /tmp/legacy && trunk build --release)`):
//
//   DIST=/tmp/legacy/dist node tests/e2e/tools/make_legacy_fixture.mjs
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../server.mjs';
import { launchOptions } from '../browser.mjs';
import { label, download, waitForSpanCount } from '../helpers.mjs';
import { fingerprint } from '../crash.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const { server, base } = await startServer({ dist: process.env.DIST, fixtures: path.join(here, '../fixtures') });
const browser = await chromium.launch(launchOptions());
const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
const page = await context.newPage();
await page.goto(base);
await page.waitForSelector('[data-testid=text-view][data-doc-id]');
await label(page, '徐立毅', 'p');
await waitForSpanCount(page, 1);
// A second document with 𠀀 and emoji, labelled; one edit undone (so the history has a redo).
await page.click('[data-testid=new-doc]');
await page.fill('[data-testid=new-doc-text]', '𠀀河新区😀建设，李强👩‍💻在郑州强调：要加快推进。');
await page.fill('[data-testid=new-doc-name]', '迁移 𠀀');
await page.click('[data-testid=new-doc-create]');
await page.waitForSelector('[data-testid=status][data-span-count="0"]');
await label(page, '𠀀河新区', 'l');
await label(page, '李强', 'p');
await label(page, '郑州', 'l');
await waitForSpanCount(page, 3);
await page.keyboard.press('Control+z');
await waitForSpanCount(page, 2);
await page.selectOption('[data-testid=doc-status]', 'in_progress');
await page.waitForSelector('[data-testid=save-status][data-state=saved]');
const storage = await page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k.startsWith('biaozhu.')).map((k) => [k, localStorage.getItem(k)])));
const expected = { open: await fingerprint(page), export: JSON.parse((await download(page, '[data-testid=export-json]')).text) };
fs.writeFileSync(path.join(here, '../fixtures/legacy-localstorage.json'), JSON.stringify({ storage, expected }, null, 1) + '\n');
console.log(Object.keys(storage), expected.open);
await browser.close();
server.close();
