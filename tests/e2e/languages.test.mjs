// End to end: one language at a time. The switch in the toolbar turns every string the
// interface shows (text, tooltips, accessible names, placeholders, messages) into Chinese or
// English, in the main view and in every dialog, and the choice is remembered; with no choice
// made, the browser's language decides. Labels' own names, the user's text and proper names
// (formats, keys) are left as they are.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, openApp, label, waitForSpanCount, wangsDirective } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await stop(env); });

/** Where the user's own text or the schema's names are shown: not the interface's words. */
const USER_TEXT = [
  '[data-testid=text-view]', '.doc-list__name', '.doc-status__name', '.span-list__item', '.span-details__text',
  '.relation-list__end', '.adjudication__context', '.adjudication__spans', '.export__preview', '[data-testid=export-file-name]',
  '.import__label', '.schema__check', '.agreement__differences', '[data-testid=agreement] td', '.export__crossing li',
  '.learn__scores td',
].join(', ');

/** Every string the page shows now: visible text, tooltips, accessible names, placeholders. */
function shownStrings(page) {
  return page.evaluate((userText) => {
    const strings = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const element = node.parentElement;
      if (!element || !node.data.trim() || element.closest(userText) || !element.checkVisibility()) continue;
      if (element.closest('option') && !element.closest('select')?.checkVisibility()) continue;
      strings.push(node.data.trim());
    }
    for (const element of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if (element.closest(userText) || !element.checkVisibility()) continue;
      // A document's row names the document.
      if (element.matches('.doc-list__open')) continue;
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value?.trim()) strings.push(value.trim());
      }
    }
    return strings;
  }, USER_TEXT);
}

/** Latin words allowed in the Chinese interface: proper names, formats, keys, units, and the
 * bundled schema's own names (labels, layers, relation types, attributes). */
const LATIN_ALLOWED = new Set(`JSON JSONL CSV TSV IndexedDB spaCy Prodigy doccano Label Studio brat txt tsv ann zip CoNLL
  Hugging Face labels W3C Web Annotation LD UTF BIO BIOES train dev test Ctrl Shift Alt Enter Esc spacy
  Escape Delete Backspace Tab MB GB KB TB English model_version suggestions biaozhu annotations predictions tokens
  ner_tags entities relations label id name title JavaScript Cohen's kappa Krippendorff alpha README F1 chars json
  issued_by addressed_to holds_title entity directive DIRECTIVE PER ORG LOC DATE TITLE POLICY LABEL TAB cue note jsonl`.split(/\s+/));

/** Chinese allowed in the English interface: the switch's own name for Chinese, the sentence
 * ends an export splits at, and the example date pattern for Chinese text. */
const CJK_ALLOWED = ['中文', '。！？；…', '月', '日'];

function foreignIn(lang, strings) {
  const found = new Set();
  for (const text of strings) {
    if (lang === 'zh-CN') {
      // Words of two letters or more; a file name's parts are words of their own.
      for (const word of text.match(/[A-Za-z][A-Za-z0-9_']*[A-Za-z0-9]/g) ?? []) {
        if (!LATIN_ALLOWED.has(word)) found.add(`${word} (in «${text.slice(0, 80)}»)`);
      }
    } else {
      // The user's text is quoted «like this» wherever the interface names it.
      let rest = text.replace(/«[^»]*»/g, '');
      for (const allowed of CJK_ALLOWED) rest = rest.split(allowed).join('');
      if (/[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011]/u.test(rest)) found.add(text.slice(0, 100));
    }
  }
  return [...found];
}

async function assertOneLanguage(page, lang, where) {
  const foreign = foreignIn(lang, await shownStrings(page));
  assert.deepEqual(foreign, [], `${where} (${lang}) shows words of the other language`);
}

async function walkDialog(page, lang, opener, dialog) {
  await page.click(`[data-testid=${opener}]`);
  await page.waitForSelector(`[data-testid=${dialog}]`);
  await page.waitForTimeout(200);
  await assertOneLanguage(page, lang, dialog);
  await page.keyboard.press('Escape');
  await page.waitForSelector(`[data-testid=${dialog}]`, { state: 'detached' });
}

test('every string is in the chosen language, in the main view, every dialog and the messages', async () => {
  const page = await openApp(env);
  // Two annotators' spans (for the agreement dialog), a directive with its issuer, a suggestion.
  await page.fill('[data-testid=user-name]', 'ann');
  await page.press('[data-testid=user-name]', 'Enter');
  await wangsDirective(page);
  await page.fill('[data-testid=user-name]', 'bob');
  await page.press('[data-testid=user-name]', 'Enter');
  await label(page, '三送一强', 'c');
  await waitForSpanCount(page, 3);
  await page.click('[data-testid=span][data-label=DIRECTIVE]');

  for (const lang of ['zh-CN', 'en']) {
    await page.selectOption('[data-testid=lang]', lang);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await page.waitForTimeout(200);
    await assertOneLanguage(page, lang, 'the main view with a directive selected');
    // Messages from the core: an overlap refused (bob's own span), Label all with nothing
    // selected.
    await label(page, '一强”活动', 'l');
    await page.waitForSelector('[data-testid=message][data-kind=error]');
    await assertOneLanguage(page, lang, 'a refused overlap');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+A');
    await page.waitForSelector('[data-testid=message]');
    await assertOneLanguage(page, lang, 'Label all with nothing selected');
    for (const [opener, dialog] of [['new-doc', 'new-doc-dialog'], ['export-dataset', 'export-dialog'], ['schema', 'schema-editor'],
      ['pre-annotate', 'pre-annotate-dialog'], ['agreement-open', 'agreement-dialog']]) {
      await walkDialog(page, lang, opener, dialog);
    }
    // What an export leaves out (doccano's label triples hold no relations), said in the
    // same language.
    await page.click('[data-testid=export-dataset]');
    await page.selectOption('[data-testid=export-format]', 'doccano');
    await page.waitForSelector('[data-testid=export-left-out]');
    await assertOneLanguage(page, lang, 'an export that leaves the relation out');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=export-dialog]', { state: 'detached' });
    await page.click('[data-testid=span][data-label=DIRECTIVE]');
  }
  assert.deepEqual(page.errors, []);
});

test('the language follows the browser until chosen, and the choice is remembered', async () => {
  for (const [locale, expected] of [['zh-CN', 'zh-CN'], ['zh-TW', 'zh-CN'], ['en-US', 'en'], ['de-DE', 'en']]) {
    const context = await env.browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(env.base);
    await page.waitForSelector('[data-testid=text-view][data-doc-id]');
    assert.equal(await page.inputValue('[data-testid=lang]'), expected, `browser language ${locale}`);
    assert.equal(await page.getAttribute('html', 'lang'), expected);
    if (locale === 'en-US') {
      await page.selectOption('[data-testid=lang]', 'zh-CN');
      await page.reload();
      await page.waitForSelector('[data-testid=text-view][data-doc-id]');
      assert.equal(await page.inputValue('[data-testid=lang]'), 'zh-CN', 'the choice was not remembered');
      assert.equal(await page.textContent('[data-testid=undo]'), '↶ 撤销');
    }
    await context.close();
  }
});
