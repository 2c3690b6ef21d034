// End to end: the bundled article annotated completely (tests/e2e/fixtures/article_gold.mjs, by
// the README's conventions) with the best use of the annotation-speed features, by real drags
// and keys, counting every input action: a sticky label per entity label (Escape, its key), a
// drag per distinct string, Shift+A where it occurs again; directives with a sticky DIRECTIVE
// armed by Shift+I, so each drag makes the directive and takes its proposed cue and issuer.
// Prints the counts; the targets are at most 1.0 action per span and 2 per directive record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, stop, openApp, waitForSpanCount, waitForSaved, download, dragSelect, spanCount, checkCodePointSlices } from './helpers.mjs';
import { ENTITIES, DIRECTIVES, goldEntities } from './fixtures/article_gold.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const ARTICLE = fs.readFileSync(path.resolve(here, '../../src/corpus/000_efef3a98b491eb4b.txt'), 'utf8');
const cp = (utf16) => Array.from(ARTICLE.slice(0, utf16)).length;

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

/** How many times `needle` occurs before UTF-16 index `at`, counted as `dragSelect` does. */
function occurrenceBefore(needle, at) {
  let n = 0;
  for (let i = ARTICLE.indexOf(needle); i >= 0 && i < at; i = ARTICLE.indexOf(needle, i + 1)) n += 1;
  return n;
}

/** Scrolls the paragraph holding code point `offset` to the middle of the view. */
async function scrollToOffset(page, offset) {
  await page.evaluate((offset) => {
    for (const para of document.querySelectorAll('[data-testid=text-view] [data-para]')) {
      if (Number(para.dataset.start) <= offset && offset < Number(para.dataset.end)) {
        para.scrollIntoView({ block: 'center' });
        return;
      }
    }
  }, offset);
}

test('the bundled article, annotated completely: actions per span and per directive record', { timeout: 600_000 }, async () => {
  const page = await openApp(env);
  const { placed, plan } = goldEntities(ARTICLE);
  const counts = { entity: 0, directive: 0 };
  const act = async (kind, fn) => { counts[kind] += 1; await fn(); };

  for (const [label, key, strings] of ENTITIES) {
    // A sticky label for the group: Escape (nothing selected), then its key.
    await act('entity', () => page.keyboard.press('Escape'));
    await act('entity', () => page.keyboard.press(key));
    for (const text of strings) {
      const { first, count } = plan.find((p) => p.text === text && p.label === label);
      const before = await spanCount(page);
      await scrollToOffset(page, cp(first));
      await act('entity', () => dragSelect(page, text, occurrenceBefore(text, first)));
      await waitForSpanCount(page, before + 1);
      if (count > 1) {
        await act('entity', () => page.keyboard.press('Shift+A'));
        await waitForSpanCount(page, before + count);
      }
    }
  }
  assert.equal(await spanCount(page), placed.length);

  // Directives: Shift+I arms DIRECTIVE so that each span takes its proposed record.
  await act('directive', () => page.keyboard.press('Escape'));
  await act('directive', () => page.keyboard.press('Shift+I'));
  for (const [text] of DIRECTIVES) {
    const before = await spanCount(page);
    const at = ARTICLE.indexOf(text);
    await scrollToOffset(page, cp(at));
    await act('directive', () => dragSelect(page, text, occurrenceBefore(text, at)));
    await waitForSpanCount(page, before + 1);
  }
  await page.keyboard.press('Escape');
  await waitForSaved(page);

  // What was made is exactly the gold.
  const project = JSON.parse((await download(page, '[data-testid=export-json]')).text);
  checkCodePointSlices(project);
  const doc = project.documents[0];
  const key = (s) => `${s.label}@${s.start}:${s.text}`;
  const entities = doc.spans.filter((s) => s.layer === 'entity').map(key).sort();
  assert.deepEqual(entities, placed.map((p) => key({ ...p, start: cp(p.start) })).sort());
  const directives = doc.spans.filter((s) => s.label === 'DIRECTIVE');
  assert.deepEqual(directives.map((d) => d.text).sort(), DIRECTIVES.map(([t]) => t).sort());
  for (const [text, cue, issuer] of DIRECTIVES) {
    const d = directives.find((s) => s.text === text);
    const targets = doc.relations.filter((r) => r.from === d.id && r.type === 'issued_by')
      .map((r) => doc.spans.find((s) => s.id === r.to).text);
    assert.deepEqual([d.attributes?.cue, targets], [cue, [issuer]], text);
  }

  const spans = placed.length + DIRECTIVES.length;
  const perSpan = (counts.entity + counts.directive) / spans;
  const perRecord = counts.directive / DIRECTIVES.length;
  console.log(`| annotate the bundled article completely: input actions per span (${counts.entity + counts.directive} for ${spans} spans) | ${perSpan.toFixed(2)} | actions | 1.0 |`);
  console.log(`| input actions per directive record (span, issuer, cue: ${counts.directive} for ${DIRECTIVES.length}) | ${perRecord.toFixed(2)} | actions | 2 |`);
  console.log(`| entity actions per entity span (${counts.entity} for ${placed.length}) | ${(counts.entity / placed.length).toFixed(2)} | actions | |`);
  assert.ok(perSpan <= 1.0, `${perSpan} actions per span`);
  assert.ok(perRecord <= 2, `${perRecord} actions per directive record`);
  assert.deepEqual(page.errors, []);
});
