// Makes docs/screenshot.png for the README: the bundled article with a few spans.
// Run after a release build: node tests/e2e/screenshot.mjs
import path from 'node:path';
import { start, stop, openApp, label, waitForSpanCount, scrollTo } from './helpers.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const env = await start();
const page = await openApp(env);
const steps = [
  ['三送一强', 'c'], ['市四大班子', 'o'], ['3月10日', 'd'], ['市委书记', 't'], ['徐立毅', 'p'], ['航空港区', 'l'],
  ['各级各部门要确立以企业为中心的服务理念', 'i'], ['各级各部门', 'o'],
];
for (const [i, [needle, key]] of steps.entries()) {
  await label(page, needle, key);
  await waitForSpanCount(page, i + 1);
}
// 徐立毅 issued the directive (他指出 …), introduced by 指出.
// The directive holds an ORG, so it is picked from the span list rather than by a click in the text.
const directive = page.locator('[data-testid=span-list-item]', { hasText: '各级各部门要确立' });
await directive.click();
await page.keyboard.press('r');
await page.locator('[data-testid=span][data-label=PER]').click();
await page.keyboard.press('1');
await directive.click();
await page.selectOption('[data-testid=attr-cue]', '指出');
await page.locator('[data-testid=span][data-label=PER]').click();
await scrollTo(page, '本报讯');
await page.screenshot({ path: path.resolve(here, '../../docs/screenshot.png') });
await stop(env);
