// End to end: selecting by keyboard and mouse as fits Chinese (a caret moved by the arrows in
// code points, Shift+arrows and Shift+click extending, a double-click taking a word), and
// directive records in two actions (a sticky DIRECTIVE drag, then Enter takes the proposed cue
// and issuer; = copies the previous directive's).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, openApp, waitForSpanCount, waitForSaved, labelIn, label, download, newDocument, scrollTo, dragSelect, checkCodePointSlices } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

const caret = async (page) => {
  const el = await page.$('[data-testid=caret]');
  return { offset: Number(await el.getAttribute('data-offset')), anchor: Number(await el.getAttribute('data-anchor')) };
};
const spans = (page) => page.$$eval('[data-testid=span]', (els) =>
  els.map((e) => [Number(e.dataset.start), Number(e.dataset.end), e.dataset.label, e.textContent]));

test('arrows move a caret in code points; Shift+arrows and Shift+click select; a label key labels', async () => {
  const page = await openApp(env);
  await newDocument(page, '𠀀徐立毅😀说，要抓紧干。\n第二段😀文字');
  // A click in the text puts the caret there; Home takes it to the paragraph's start.
  await page.click('[data-testid=text-view] [data-para] >> nth=0');
  await page.keyboard.press('Home');
  assert.equal((await caret(page)).offset, 0);
  assert.ok(await page.isVisible('[data-testid=caret]'));
  // Past 𠀀 (one code point, two UTF-16 units), then three more with Shift.
  await page.keyboard.press('ArrowRight');
  assert.equal((await caret(page)).offset, 1);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  assert.deepEqual(await caret(page), { offset: 4, anchor: 1 });
  assert.match(await page.textContent('[data-testid=caret-status]'), /«徐立毅» 1–4/);
  // The selection shows as the page's own.
  assert.equal(await page.evaluate(() => String(getSelection())), '徐立毅');
  await page.keyboard.press('p');
  await waitForSpanCount(page, 1);
  assert.deepEqual(await spans(page), [[1, 4, 'PER', '徐立毅']]);
  // On from the span's end: past 😀 说 ，to 要, then Shift+End to the paragraph's end.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  assert.equal((await caret(page)).offset, 7);
  await page.keyboard.press('Shift+End');
  assert.deepEqual(await caret(page), { offset: 12, anchor: 7 });
  await page.keyboard.press('i');
  await waitForSpanCount(page, 2);
  assert.deepEqual((await spans(page))[1], [7, 12, 'DIRECTIVE', '要抓紧干。']);
  await page.keyboard.press('Control+z');
  await waitForSpanCount(page, 1);
  // ↓ goes to the next paragraph (the line break is not drawn); Shift+click extends to a point.
  await page.keyboard.press('ArrowDown');
  const down = (await caret(page)).offset;
  assert.ok(down >= 13 && down <= 19, `caret at ${down}`);
  await page.keyboard.press('Home');
  assert.equal((await caret(page)).offset, 13);
  const box = await page.evaluate(() => {
    const para = document.querySelectorAll('[data-testid=text-view] [data-para]')[1];
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    walker.nextNode();
    const range = document.createRange();
    const text = walker.currentNode;
    const at = text.data.indexOf('段');
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    const r = range.getBoundingClientRect();
    return { x: r.right - 2, y: r.top + r.height / 2 };
  });
  await page.keyboard.down('Shift');
  await page.mouse.click(box.x, box.y);
  await page.keyboard.up('Shift');
  assert.deepEqual(await caret(page), { offset: 16, anchor: 13 });
  await page.keyboard.press('l');
  await waitForSpanCount(page, 2);
  assert.deepEqual((await spans(page))[1], [13, 16, 'LOC', '第二段']);
  await waitForSaved(page);
  const project = JSON.parse((await download(page, '[data-testid=export-json]')).text);
  checkCodePointSlices(project);
  assert.deepEqual(page.errors, []);
});

test('a double-click selects a word (Intl.Segmenter), not one character', async () => {
  const page = await openApp(env);
  const text = '𠀀😀中华人民共和国成立了。';
  await newDocument(page, text);
  const point = await page.evaluate(() => {
    const para = document.querySelector('[data-testid=text-view] [data-para]');
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    walker.nextNode();
    const node = walker.currentNode;
    const at = node.data.indexOf('共');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const r = range.getBoundingClientRect();
    // What the browser's segmenter calls the word there, in code points.
    const seg = new Intl.Segmenter('zh', { granularity: 'word' }).segment(node.data).containing(at);
    const start = Array.from(node.data.slice(0, seg.index)).length;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, word: seg.segment, start };
  });
  assert.ok(Array.from(point.word).length > 1, `the segmenter's word: ${point.word}`);
  await page.mouse.dblclick(point.x, point.y);
  await page.waitForFunction((word) => String(getSelection()) === word, point.word);
  await page.keyboard.press('o');
  await waitForSpanCount(page, 1);
  const [[start, end, labelName, shown]] = await spans(page);
  assert.deepEqual([start, end, labelName, shown], [point.start, point.start + Array.from(point.word).length, 'ORG', point.word]);
  assert.deepEqual(page.errors, []);
});

test('directive records: a sticky DIRECTIVE drag and Enter; = for the same issuer and cue', async () => {
  const page = await openApp(env);
  let actions = 0;
  const act = async (fn) => { actions += 1; await fn(); };
  // The person first (a drag and p).
  await labelIn(page, '徐立毅强调', '徐立毅', 'p');
  await waitForSpanCount(page, 1);
  await page.keyboard.press('Escape');
  // Arm DIRECTIVE once (one key for every directive that follows).
  await page.keyboard.press('i');
  await page.waitForSelector('[data-testid=palette] .palette__label--sticky, [data-testid=palette] [aria-pressed=true]').catch(() => {});
  const clauses = ['产业是城市发展的基础', '要抓好政策宣传与兑现工作'];
  actions = 0;
  for (const [k, clause] of clauses.entries()) {
    await scrollTo(page, clause);
    await act(() => dragSelect(page, clause));
    await waitForSpanCount(page, 2 + k);
    await page.waitForSelector('[data-testid=record-proposal][data-cue="强调"][data-issuer="徐立毅"]');
    await act(() => page.keyboard.press('Enter'));
    await page.waitForSelector('[data-testid=record-proposal]:not([data-cue])');
  }
  assert.equal(actions / clauses.length, 2, 'two actions per directive record');
  // A directive at the start of a paragraph, no cue before it: nothing is proposed; = copies
  // the previous directive's record.
  await page.keyboard.press('i'); // disarms the sticky label (the new span is selected)
  await page.keyboard.press('Escape');
  const third = '全市上下要以习近平总书记关于统筹推进疫情防控和经济社会发展重要讲话精神为指引';
  await label(page, third, 'i');
  await waitForSpanCount(page, 4);
  await page.waitForSelector('[data-testid=record-proposal]:not([data-cue]):not([data-issuer])');
  await page.keyboard.press('=');
  await page.waitForSelector('[data-testid=relation-item][data-type=issued_by] >> nth=2');
  await waitForSaved(page);
  const project = JSON.parse((await download(page, '[data-testid=export-json]')).text);
  const doc = project.documents[0];
  const person = doc.spans.find((s) => s.label === 'PER');
  const directives = doc.spans.filter((s) => s.label === 'DIRECTIVE');
  assert.deepEqual(directives.map((d) => d.text), [...clauses, third]);
  for (const d of directives) {
    assert.equal(d.attributes?.cue, '强调', d.text);
    assert.deepEqual(doc.relations.filter((r) => r.from === d.id).map((r) => [r.type, r.to]), [['issued_by', person.id]], d.text);
  }
  // One Ctrl+Z takes back the copied record as a whole; the directive stays.
  await page.keyboard.press('Control+z');
  await page.waitForSelector('[data-testid=relation-item][data-type=issued_by] >> nth=2', { state: 'detached' });
  await waitForSpanCount(page, 4);
  assert.deepEqual(page.errors, []);
});
