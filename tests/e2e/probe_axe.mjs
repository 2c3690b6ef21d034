import fs from 'node:fs';
import { createRequire } from 'node:module';
import { start, stop, openApp, label, waitForSpanCount } from './helpers.mjs';
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const env = await start();
const page = await openApp(env);
await page.addScriptTag({ content: axeSource });
async function report(name) {
  const r = await page.evaluate(async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.impact} ${v.id} x${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' | ' + n.failureSummary.replace(/\n/g, ' ').slice(0, 160)).join(' ;; ')}`));
  console.log(`--- ${name}\n${r.join('\n')}`);
}
await label(page, '徐立毅', 'p'); await waitForSpanCount(page, 1);
await label(page, '三送一强', 'c'); await waitForSpanCount(page, 2);
await report('main');
for (const [open, name] of [['new-doc', 'new'], ['export-dataset', 'export'], ['schema', 'schema'], ['pre-annotate', 'pre']]) {
  await page.click(`[data-testid=${open}]`);
  await page.waitForTimeout(300);
  await report(name);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(200);
  const still = await page.locator('[role=dialog], dialog, .dialog').count();
  console.log('dialogs after escape', still);
  if (still) await page.reload(), await page.waitForSelector('[data-testid=text-view][data-doc-id]'), await page.addScriptTag({ content: axeSource });
}
await stop(env);
