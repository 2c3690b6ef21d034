// The crash trial shared by the crash test and the benchmark: scripted edits in a real Chromium
// with a persistent profile, the browser process group SIGKILLed at random points (some right
// after an edit, before its save could finish), relaunched on the same profile, and the project
// checked against every state that was shown as Saved.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launchOptions } from './browser.mjs';

/** A small deterministic generator, so that a failing run can be repeated (`CRASH_SEED`). */
export function rng(seed) {
  let x = BigInt(seed) || 1n;
  const mask = (1n << 64n) - 1n;
  return (n) => {
    x ^= (x << 13n) & mask; x ^= x >> 7n; x ^= (x << 17n) & mask;
    return Number(x % BigInt(n));
  };
}

/** Starts Chromium on `profile` with a DevTools port and connects to it. */
async function launch(profile) {
  const port = path.join(profile, 'DevToolsActivePort');
  fs.rmSync(port, { force: true });
  const { executablePath, args } = launchOptions();
  const child = spawn(executablePath, [...args, '--headless=new', `--user-data-dir=${profile}`,
    '--remote-debugging-port=0', '--window-size=1400,900', 'about:blank'], { detached: true, stdio: 'ignore' });
  // The file appears before Chromium has written it: wait for the port number in it.
  const written = () => fs.existsSync(port) && /^\d+\n/.test(fs.readFileSync(port, 'utf8'));
  for (let i = 0; i < 300 && !written(); i++) await new Promise((r) => setTimeout(r, 50));
  try {
    const [number] = fs.readFileSync(port, 'utf8').trim().split('\n');
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${number}`, { timeout: 15000 });
    return { child, browser };
  } catch (error) {
    // A browser left running would keep the test process alive for ever.
    await kill(child);
    throw error;
  }
}

/** SIGKILL to the whole process group: the browser, its renderers and its GPU process. */
function kill(child) {
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', resolve);
  });
}

/** The project as the page shows it: spans, relations and the document status. */
export function fingerprint(page) {
  return page.evaluate(() => {
    const spans = [...document.querySelectorAll('[data-testid=span]')]
      .map((s) => `${s.dataset.spanId}:${s.dataset.label}:${s.dataset.start}-${s.dataset.end}`).sort();
    const relations = [...document.querySelectorAll('[data-testid=relation-item]')]
      .map((r) => `${r.dataset.type}:${r.dataset.from}>${r.dataset.to}`).sort();
    // The status as the app rendered it (the select's own value moves before the app acts).
    const status = document.querySelector('[data-testid=doc-item][data-doc-id="' +
      document.querySelector('[data-testid=text-view]').dataset.docId + '"] [data-testid=doc-item-status]')?.textContent;
    return JSON.stringify({ spans, relations, status });
  });
}

/** Drags over 2–4 characters of unlabelled text at a random place on screen; false if none. */
async function dragRandom(page, pick) {
  const points = await page.evaluate((seed) => {
    const view = document.querySelector('[data-testid=text-view]');
    const box = view.getBoundingClientRect();
    const nodes = [];
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const n = walker.currentNode;
      if (n.parentElement.closest('[data-testid=span],[data-testid=span-continued]') || n.data.length < 8) continue;
      const r = n.parentElement.getBoundingClientRect();
      if (r.top > box.top + 20 && r.bottom < box.bottom - 20) nodes.push(n);
    }
    if (!nodes.length) return null;
    const node = nodes[seed % nodes.length];
    const chars = [...node.data];
    const len = 2 + (seed % 3);
    let at = (seed >> 3) % (chars.length - len);
    const unit = (cp) => chars.slice(0, cp).join('').length;
    const rect = (cp) => {
      const range = document.createRange();
      range.setStart(node, unit(cp));
      range.setEnd(node, unit(cp + 1));
      return range.getBoundingClientRect();
    };
    const a = rect(at), b = rect(at + len - 1);
    if (!a.width || !b.width || Math.abs(a.top - b.top) > 2) return null;
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, pick(1 << 20));
  if (!points) return false;
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 3 });
  await page.mouse.up();
  return true;
}

async function clickRandomSpan(page, pick, label) {
  const spans = page.locator(label ? `[data-testid=span][data-label=${label}]` : '[data-testid=span]');
  const n = await spans.count();
  if (!n) return false;
  const span = spans.nth(pick(n));
  await span.scrollIntoViewIfNeeded();
  // On its first character (the label name written before it is not the span's text).
  const at = await span.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    if (!walker.nextNode()) return null;
    const range = document.createRange();
    range.setStart(walker.currentNode, 0);
    range.setEnd(walker.currentNode, Math.min(1, walker.currentNode.length));
    const rect = range.getClientRects()[0];
    return rect && { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  if (!at) return false;
  await page.mouse.click(at.x, at.y);
  return true;
}

const LABEL_KEYS = ['p', 'o', 'l', 'd', 't', 'c', 'i'];

/** One edit of a random kind, made with the mouse and keys; false when none could be made. */
async function randomEdit(page, pick) {
  const kind = pick(100);
  if (kind < 40) {
    await page.evaluate(() => { const v = document.querySelector('[data-testid=text-view]'); v.scrollTop = Math.random() * (v.scrollHeight - v.clientHeight); });
    if (!(await dragRandom(page, pick))) return false;
    await page.keyboard.press(LABEL_KEYS[pick(LABEL_KEYS.length)]);
    return 'add';
  } else if (kind < 52) {
    if (!(await clickRandomSpan(page, pick))) return false;
    await page.keyboard.press(LABEL_KEYS[pick(6)]);
    return 'relabel';
  } else if (kind < 62) {
    if (!(await clickRandomSpan(page, pick))) return false;
    await page.keyboard.press('Delete');
    return 'delete';
  } else if (kind < 74) {
    await page.keyboard.press('Control+z');
    return 'undo';
  } else if (kind < 82) {
    await page.keyboard.press('Control+Shift+z');
    return 'redo';
  } else if (kind < 92) {
    // A relation: a directive issued by a person (R, click the target, the type's number).
    if (!(await clickRandomSpan(page, pick, 'DIRECTIVE'))) return false;
    if (!(await page.locator('[data-testid=span][data-label=PER]').count())) return false;
    await page.keyboard.press('r');
    await clickRandomSpan(page, pick, 'PER');
    await page.keyboard.press('1');
    await page.keyboard.press('Escape');
    return 'relation';
  }
  const status = ['todo', 'in_progress', 'done'][pick(3)];
  await page.selectOption('[data-testid=doc-status]', status);
  return 'status';
}

/**
 * Runs the trial; resolves to counts and the problems found (empty when nothing was lost).
 * `edits` changes are attempted in all; the browser is killed about every `edits / kills` of them.
 */
export async function crashTrial({ base, edits = 200, kills = 12, seed = 1, log = () => {} }) {
  const pick = rng(seed);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-crash-'));
  const problems = [];
  let made = 0, savedShown = 0, lost = 0, killed = 0, afterEditKills = 0;
  // The states shown as Saved since the last launch (the first is the state loaded), and the
  // states of edits made after the last of them.
  let savedSeq = [];
  let sinceSaved = [];
  const savedLatencies = [];
  let events = [];
  /** How many edits shown as Saved the reloaded state `now` lacks (0 when it is allowed). */
  const check = (now, when) => {
    if (!savedSeq.length || now === savedSeq[savedSeq.length - 1] || sinceSaved.includes(now)) return 0;
    const at = savedSeq.lastIndexOf(now);
    const missing = at >= 0 ? savedSeq.length - 1 - at : savedSeq.length - 1 || 1;
    problems.push(`${when}: the reloaded project lacks ${missing} edit(s) that were shown as Saved ` +
      `(edits since launch: ${events.join(' ')}; reloaded ${now}; last saved ${savedSeq[savedSeq.length - 1]})`);
    return missing;
  };
  // The browser running now: killed in `finally` if the trial fails half way.
  let running = null;
  try {
    while (made < edits) {
      const { child, browser } = await launch(profile);
      running = child;
      const context = browser.contexts()[0];
      const page = context.pages()[0] || (await context.newPage());
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(base);
      await page.waitForSelector('[data-testid=text-view][data-doc-id]');
      await page.waitForSelector('[data-testid=save-status][data-state=saved]');
      const now = await fingerprint(page);
      lost += check(now, `after kill ${killed}`);
      const message = await page.locator('[data-testid=message][data-kind=error]').count();
      if (message) problems.push(`after kill ${killed}: ${await page.textContent('[data-testid=message]')}`);
      savedSeq = [now];
      sinceSaved = [];
      events = [];
      const budget = Math.min(edits - made, Math.max(1, Math.round(edits / kills) + pick(9) - 4));
      for (let i = 0; i < budget; i++) {
        const revision = () => page.getAttribute('[data-testid=save-status]', 'data-revision');
        const before = await revision();
        const t0 = Date.now();
        const kind = await randomEdit(page, pick);
        if (!kind) continue;
        // The edit is made once the session's revision moves (a refused edit leaves it).
        let now = before;
        for (let w = 0; w < 40 && now === before; w++) {
          await new Promise((r) => setTimeout(r, 5));
          now = await revision();
        }
        if (now === before) continue;
        const after = await fingerprint(page);
        made++;
        events.push(kind);
        const lastOne = i === budget - 1;
        // Some kills come right after an edit, before its save can have finished.
        if (lastOne && pick(3) === 0) {
          sinceSaved.push(after);
          afterEditKills++;
          break;
        }
        try {
          await page.waitForSelector(`[data-testid=save-status][data-state=saved][data-revision="${now}"]`, { timeout: 5000 });
          savedLatencies.push(Date.now() - t0);
          if ((await fingerprint(page)) === after) {
            savedShown++;
            savedSeq.push(after);
            sinceSaved = [];
          } else sinceSaved.push(after);
        } catch {
          sinceSaved.push(after);
          problems.push(`edit ${made} was never shown as saved`);
        }
      }
      if (errors.length) problems.push(...errors);
      await kill(child);
      killed++;
      log(`kill ${killed}: ${made} edits so far, ${savedShown} shown saved`);
    }
    // The last relaunch: everything shown as Saved must be there.
    const { child, browser } = await launch(profile);
    running = child;
    const context = browser.contexts()[0];
    const page = context.pages()[0] || (await context.newPage());
    await page.goto(base);
    await page.waitForSelector('[data-testid=text-view][data-doc-id]');
    lost += check(await fingerprint(page), 'after the last kill');
    await kill(child);
  } finally {
    if (running) await kill(running);
    // The killed browser's processes may still be closing files in the profile for a moment
    // (SIGKILL is not waited for): retry, and a profile left behind in /tmp fails nothing.
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    } catch (error) {
      log(`the profile ${profile} was left behind: ${error.message}`);
    }
  }
  return { made, savedShown, killed, afterEditKills, lost, problems, savedLatencies };
}
