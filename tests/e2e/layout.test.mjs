// End to end: a readable layout. At 1024×768, in both languages, the text keeps at least 60 % of
// the height; at 1920×1080 it uses the width. Relation arcs never cross a character, and their
// labels never cover each other; relation rows stay one line; a message about a very long span
// stays one line until "more" is pressed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, openApp, label, waitForSpanCount, issuedByFirstPerson } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

/** Three directives issued by 徐立毅, on different lines, and the entities around them. */
async function annotate(page) {
  const steps = [['徐立毅', 'p'], ['各级各部门要确立以企业为中心的服务理念', 'i'], ['产业是城市发展的基础', 'i'],
    ['要抓好政策宣传与兑现工作', 'i'], ['航空港区', 'l']];
  for (const [i, [needle, key]] of steps.entries()) {
    await label(page, needle, key);
    await waitForSpanCount(page, i + 1);
  }
  await issuedByFirstPerson(page, ['各级各部门要确立', '产业是城市发展的基础', '要抓好政策宣传与兑现工作']);
  await page.waitForSelector('[data-testid=relation-arc-label][data-count="3"]');
}

/** Arc stretches sampled every 2 px that fall inside a glyph box of the text, and labels that
 * overlap one another; both in page coordinates. */
function arcProblems(page) {
  return page.evaluate(() => {
    const view = document.querySelector('[data-testid=text-view]');
    const glyphs = [];
    for (const para of view.querySelectorAll('[data-para]')) {
      const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(walker.currentNode);
        for (const r of range.getClientRects()) glyphs.push(r);
      }
    }
    const inside = (x, y) => glyphs.some((r) => x > r.left + 1 && x < r.right - 1 && y > r.top + 1 && y < r.bottom - 1);
    const crossings = [];
    for (const path of view.querySelectorAll('[data-testid=relation-arc] path')) {
      const length = path.getTotalLength();
      const matrix = path.getScreenCTM();
      // The last few pixels reach down onto the target span's top edge: that is the arrow.
      for (let at = 4; at < length - 4; at += 2) {
        const p = path.getPointAtLength(at).matrixTransform(matrix);
        if (inside(p.x, p.y)) { crossings.push([Math.round(p.x), Math.round(p.y)]); break; }
      }
    }
    const labels = [...view.querySelectorAll('[data-testid=relation-arc-label]')].map((l) => l.getBoundingClientRect());
    let overlaps = 0;
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps += 1;
    }));
    return { crossings, overlaps, arcs: view.querySelectorAll('[data-testid=relation-arc]').length };
  });
}

test('at 1024×768 the text keeps 60 % of the height in both languages; arcs stay off the text', async () => {
  const page = await openApp(env);
  await page.setViewportSize({ width: 1024, height: 768 });
  await annotate(page);
  for (const lang of ['zh-CN', 'en']) {
    await page.selectOption('[data-testid=lang]', lang);
    await page.waitForTimeout(300);
    const share = await page.evaluate(() => document.querySelector('[data-testid=text-view]').getBoundingClientRect().height / innerHeight);
    assert.ok(share >= 0.6, `${lang}: the text gets ${(share * 100).toFixed(0)} % of the height`);
    const toolbar = await page.evaluate(() => document.querySelector('.toolbar').getBoundingClientRect().height);
    assert.ok(toolbar < 50, `${lang}: the toolbar wraps (${toolbar} px)`);
    // The title of a long document name does not wrap either.
    const status = await page.evaluate(() => document.querySelector('.doc-status').getBoundingClientRect().height);
    assert.ok(status < 50, `${lang}: the document line wraps (${status} px)`);
  }
  await page.locator('[data-testid=span][data-label=PER]').first().scrollIntoViewIfNeeded();
  const arcs = await arcProblems(page);
  assert.equal(arcs.arcs, 3);
  assert.deepEqual(arcs.crossings, [], 'an arc crosses a character');
  assert.equal(arcs.overlaps, 0, 'arc labels overlap');
  // Relation rows stay one line however long their ends.
  const rows = await page.evaluate(() => [...document.querySelectorAll('[data-testid=relation-item]')].map((r) => r.getBoundingClientRect().height));
  assert.equal(rows.length, 3);
  assert.ok(rows.every((h) => h < 36), `relation rows wrap: ${rows}`);
  assert.deepEqual(page.errors, []);
});

test('a refusal quoting a 2,900-character span stays one line until "more"; at 1920×1080 the text uses the width', async () => {
  const page = await openApp(env);
  const long = '长'.repeat(2900);
  await page.click('[data-testid=new-doc]');
  await page.fill('[data-testid=new-doc-text]', `开头${long}结尾`);
  await page.click('[data-testid=new-doc-create]');
  await page.waitForSelector('[data-testid=text-view]:has-text("结尾")');
  // The whole long run as a directive, then a directive inside it: refused, quoting it.
  await page.evaluate(() => {
    const para = document.querySelector('[data-para]');
    const node = para.firstChild;
    const range = document.createRange();
    range.setStart(node, 2);
    range.setEnd(node, node.data.length - 2);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.keyboard.press('i');
  await waitForSpanCount(page, 1);
  await label(page, '结尾', 'i');
  await page.evaluate(() => {
    const node = document.querySelector('[data-testid=span]').firstChild;
    const range = document.createRange();
    range.setStart(node, 10);
    range.setEnd(node, 20);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.keyboard.press('i');
  const message = page.locator('[data-testid=message][data-kind=error]');
  await message.waitFor();
  const oneLine = await page.evaluate(() => document.querySelector('[data-testid=status]').getBoundingClientRect().height);
  assert.ok(oneLine < 45, `the status bar grew to ${oneLine} px`);
  const share = await page.evaluate(() => document.querySelector('[data-testid=text-view]').getBoundingClientRect().height / innerHeight);
  assert.ok(share >= 0.6, `the text gets ${(share * 100).toFixed(0)} %`);
  await page.click('[data-testid=message-more]');
  const open = await page.evaluate(() => document.querySelector('[data-testid=status]').getBoundingClientRect().height);
  assert.ok(open > oneLine, 'more shows the rest');
  // The span panel shows the long span's text in a few lines of its own.
  await page.locator('[data-testid=span-list-item]').first().click();
  const details = await page.evaluate(() => document.querySelector('[data-testid=span-details]').getBoundingClientRect().height);
  assert.ok(details < 400, `the span panel is ${details} px tall`);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(300);
  const widths = await page.evaluate(() => ({
    view: document.querySelector('[data-testid=text-view]').getBoundingClientRect().width,
    para: document.querySelector('[data-para]').getBoundingClientRect().width,
  }));
  assert.ok(widths.view >= 1200 && widths.para >= 900, JSON.stringify(widths));
  assert.deepEqual(page.errors, []);
});
