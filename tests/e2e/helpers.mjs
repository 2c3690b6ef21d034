// Shared steps for the end-to-end tests: start the server and browser, select text with the
// mouse as a person would, read downloads.
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';
import { startServer } from './server.mjs';
import { launchOptions } from './browser.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
export const fixtures = path.join(here, 'fixtures');

export async function start() {
  const dist = path.resolve(here, '../../dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run trunk build --release first');
  const { server, base } = await startServer({ dist, fixtures });
  const browser = await chromium.launch(launchOptions());
  return { server, base, browser };
}

export async function stop({ server, browser }) {
  await browser.close();
  server.close();
}

/** A fresh page (own storage) with the app loaded; `query` is appended to the app URL. */
export async function openApp(env, query = '') {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.errors = errors;
  await page.goto(env.base + query);
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  return page;
}

export async function spanCount(page) {
  return Number(await page.getAttribute('[data-testid=status]', 'data-span-count'));
}

/** Waits until the status bar shows `n` spans. */
export async function waitForSpanCount(page, n) {
  await page.waitForSelector(`[data-testid=status][data-span-count="${n}"]`);
}

/**
 * Drags the mouse over the `occurrence`-th appearance of `needle` in the text view, from the
 * left edge of its first character to the right edge of its last, like a person selecting it.
 */
export async function dragSelect(page, needle, occurrence = 0, context = null) {
  const points = await page.evaluate(({ needle, occurrence, context }) => {
    const view = document.querySelector('[data-testid=text-view]');
    for (const para of view.querySelectorAll('[data-para]')) {
      // Text nodes of the paragraph with their UTF-16 start within it.
      const nodes = [];
      let total = '';
      const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) { nodes.push({ node: walker.currentNode, at: total.length }); total += walker.currentNode.data; }
      let from = -1;
      if (context) {
        // The needle inside the first appearance of a longer, unique context.
        const at = total.indexOf(context);
        from = at < 0 ? -1 : at + context.indexOf(needle);
      } else {
        for (let i = 0; i <= occurrence; i++) {
          from = total.indexOf(needle, from + 1);
          if (from < 0) break;
        }
      }
      if (from < 0) { occurrence -= total.split(needle).length - 1; continue; }
      const locate = (unit) => {
        const hit = nodes.filter((n) => n.at <= unit).pop();
        return [hit.node, unit - hit.at];
      };
      const rectOf = (unit, len) => {
        const range = document.createRange();
        const [n1, o1] = locate(unit);
        range.setStart(n1, o1);
        const [n2, o2] = locate(unit + len - 1);
        range.setEnd(n2, o2 + len);
        const rects = range.getClientRects();
        return rects[rects.length - 1];
      };
      const firstLen = needle.codePointAt(0) > 0xffff ? 2 : 1;
      const lastLen = needle.codePointAt(needle.length - 1) >= 0xdc00 && needle.codePointAt(needle.length - 1) <= 0xdfff ? 2 : 1;
      const a = rectOf(from, firstLen);
      const b = rectOf(from + needle.length - lastLen, lastLen);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    return null;
  }, { needle, occurrence, context });
  if (!points) throw new Error(`«${needle}» is not in the text view`);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

/** Scrolls `needle` into view first, so that mouse coordinates hit it. */
export async function scrollTo(page, needle) {
  await page.evaluate((needle) => {
    const view = document.querySelector('[data-testid=text-view]');
    for (const para of view.querySelectorAll('[data-para]')) {
      if (para.textContent.includes(needle)) { para.scrollIntoView({ block: 'center' }); return; }
    }
  }, needle);
}

/** Selects `needle` where it appears inside `context` and presses `key`. */
export async function labelIn(page, context, needle, key) {
  await scrollTo(page, context);
  await dragSelect(page, needle, 0, context);
  await page.keyboard.press(key);
}

/** Selects `needle` with the mouse and presses `key`. */
export async function label(page, needle, key, occurrence = 0) {
  await scrollTo(page, needle);
  await dragSelect(page, needle, occurrence);
  await page.keyboard.press(key);
}

/** Clicks `selector`, waits for the download it starts, and returns the file's text. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

/** The spans of a document in an exported project, checked like Python's text[start:end]. */
export function checkCodePointSlices(project) {
  for (const doc of project.documents) {
    const chars = Array.from(doc.text); // one entry per code point, like a Python str
    for (const span of doc.spans) {
      const slice = chars.slice(span.start, span.end).join('');
      if (slice !== span.text) throw new Error(`span ${span.id} ${span.start}-${span.end}: «${span.text}» but text[start:end] is «${slice}»`);
    }
  }
}

/**
 * Waits until everything done so far is stored: after the page has had two frames to act on the
 * last event, the saved indicator must speak for the session's revision as it is then.
 */
export async function waitForSaved(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const revision = await page.getAttribute('[data-testid=save-status]', 'data-revision');
  await page.waitForSelector(`[data-testid=save-status][data-state=saved][data-revision="${revision}"]`);
}

/** Adds a document of pasted `text` with New document, and waits until it is open. */
export async function newDocument(page, text) {
  const before = await page.getAttribute('[data-testid=text-view]', 'data-doc-id');
  await page.click('[data-testid=new-doc]');
  await page.fill('[data-testid=new-doc-text]', text);
  await page.click('[data-testid=new-doc-create]');
  await page.waitForFunction((before) => {
    const id = document.querySelector('[data-testid=text-view]')?.dataset.docId;
    return id && id !== before;
  }, before);
}

/** 王新伟 (PER) and the directive he issued (…“牛鼻子”), related by issued_by: R, a click, 1. */
export async function wangsDirective(page) {
  await labelIn(page, '市长王新伟强调', '王新伟', 'p');
  await waitForSpanCount(page, 1);
  await label(page, '各级各部门要牢牢抓住重点项目建设这个“牛鼻子”', 'i');
  await waitForSpanCount(page, 2);
  await page.keyboard.press('r');
  await page.click('[data-testid=span][data-label=PER]');
  await page.waitForSelector('[data-testid=relation-picker]');
  await page.keyboard.press('1');
  await page.waitForSelector('[data-testid=relation-item]');
}

/** Each directive (found by its text in the span list) issued by the first PER span: select it,
 * R, click the person; the type is asked only the first time (then it is the default). */
export async function issuedByFirstPerson(page, clauses) {
  for (const clause of clauses) {
    await page.locator('[data-testid=span-list-item]', { hasText: clause }).click();
    await page.keyboard.press('r');
    await page.locator('[data-testid=span][data-label=PER]').first().click();
    const picker = await page.waitForSelector('[data-testid=relation-picker]', { timeout: 1000 }).catch(() => null);
    if (picker) await page.keyboard.press('1');
  }
}
