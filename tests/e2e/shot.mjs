// Takes a screenshot of the built app: `node tests/e2e/shot.mjs out.png [url-suffix]`.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { startServer } from './server.mjs';
import { launchOptions } from './browser.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const { server, base } = await startServer({ dist: path.resolve(here, '../../dist'), fixtures: path.join(here, 'fixtures') });
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(base + (process.argv[3] || ''));
await page.waitForSelector('[data-testid=text-view]');
await page.waitForTimeout(300);
await page.screenshot({ path: process.argv[2] || 'shot.png' });
await browser.close();
server.close();
