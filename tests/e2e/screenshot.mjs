// Makes the README's screenshots: the bundled article with entities, three directives of
// 徐立毅 (their issued_by arcs bundled under one label) and a cue, at 1024×768, 1400×900 and
// 1920×1080, in Chinese and in English. Run after a release build, with a CJK font installed
// (the test setup installs fonts-wqy-microhei): node tests/e2e/screenshot.mjs
import path from 'node:path';
import { start, stop, openApp, label, waitForSpanCount, scrollTo, issuedByFirstPerson } from './helpers.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
// Each size in one of the two languages, so that the README shows both.
const SIZES = [[1024, 768, 'zh-CN'], [1400, 900, 'en'], [1920, 1080, 'zh-CN']];

const env = await start();
const page = await openApp(env);
const steps = [
  ['三送一强', 'c'], ['市四大班子', 'o'], ['3月10日', 'd'], ['市委书记', 't'], ['徐立毅', 'p'], ['航空港区', 'l'],
  ['各级各部门要确立以企业为中心的服务理念', 'i'], ['各级各部门', 'o'],
  ['产业是城市发展的基础', 'i'], ['要抓好政策宣传与兑现工作', 'i'],
];
for (const [i, [needle, key]] of steps.entries()) {
  await label(page, needle, key);
  await waitForSpanCount(page, i + 1);
}
// Each directive was issued by 徐立毅.
await issuedByFirstPerson(page, ['各级各部门要确立', '产业是城市发展的基础', '要抓好政策宣传与兑现工作']);
await page.waitForSelector('[data-testid=relation-arc-label][data-count="3"]');
const directive = page.locator('[data-testid=span-list-item]', { hasText: '各级各部门要确立' });
await directive.click();
await page.selectOption('[data-testid=attr-cue]', '指出');
await page.locator('[data-testid=span][data-label=PER]').first().click();
await scrollTo(page, '本报讯');
for (const [width, height, lang] of SIZES) {
  await page.selectOption('[data-testid=lang]', lang);
  await page.setViewportSize({ width, height });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.resolve(here, `../../docs/screenshot-${width}.png`) });
}
await stop(env);
