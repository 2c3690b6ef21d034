// End to end: bad input at every door (Import…, ?doc=), in the release build. Each refusal is
// a message naming what and where, the open project stays as it was, and nothing user-supplied
// reaches CSS or the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { start, stop, openApp, waitForSpanCount, dragSelect, scrollTo, fixtures } from './helpers.mjs';

let env;
/** A second server on another port, standing for another origin; it counts what it is asked. */
let elsewhere;
const hits = [];
before(async () => {
  env = await start();
  elsewhere = http.createServer((req, res) => { hits.push(req.url); res.writeHead(200, { 'access-control-allow-origin': '*' }); res.end('远方的文本'); });
  await new Promise((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
});
after(async () => { elsewhere.close(); await stop(env); });
const otherOrigin = () => `127.0.0.1:${elsewhere.address().port}`;

function tmpFile(name, contents) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biaozhu-hardening-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, contents);
  return file;
}

async function errorMessage(page, pattern) {
  const message = page.locator('[data-testid=message][data-kind=error]');
  await message.waitFor();
  assert.match(await message.textContent(), pattern);
}

const docIds = (page) => page.locator('[data-testid=doc-item]').evaluateAll((els) => els.map((e) => e.dataset.docId));

test('offsets that fit two units are asked about, with a preview of each reading', async () => {
  const page = await openApp(env);
  // UTF-16 offsets with two emoji before 李强, no offset_unit (what doccano's own interface
  // writes): read as code points they give «在北», which fits just as well.
  const text = '2024年3月5日😀😀，国务院总理李强在北京强调：要加快推进𠀀河新区建设。';
  const row = { text, label: [[19, 21, 'PER'], [22, 24, 'LOC']] };
  await page.setInputFiles('[data-testid=import-input]', tmpFile('ui.jsonl', JSON.stringify(row) + '\n'));
  const units = page.locator('[data-testid=import-units]');
  await units.waitFor();
  assert.match(await units.textContent(), /UTF-16 code units[\s\S]*«李强»/);
  assert.match(await units.textContent(), /code points[\s\S]*«在北»/);
  assert.equal(await page.isDisabled('[data-testid=import-accept]'), true, 'no import until a reading is chosen');
  await page.check('[data-testid=import-unit-utf16]');
  await page.waitForSelector('[data-testid=import-accept]:not([disabled])');
  await page.click('[data-testid=import-accept]');
  await waitForSpanCount(page, 2);
  const spans = await page.locator('[data-testid=span]').evaluateAll((els) => els.map((e) => e.textContent));
  assert.deepEqual(spans, ['李强', '北京']);
  assert.deepEqual(page.errors, []);
});

test('a label colour carrying CSS is refused at import and never requested', async () => {
  const page = await openApp(env);
  const project = {
    format: 'biaozhu-project', version: 1, offset_unit: 'codepoint',
    schema: { layers: [{ name: 'entity', allow_overlap: false, labels: [
      { name: 'PER', zh: '人名', en: 'Person', color: `red;background:url(http://${otherOrigin()}/leak-color)`, hotkey: 'p' }] }] },
    documents: [{ id: 'd', name: 'd', text: '李强在北京', spans: [{ id: 1, start: 0, end: 2, label: 'PER' }] }],
  };
  const before = await docIds(page);
  await page.setInputFiles('[data-testid=import-input]', tmpFile('leak.json', JSON.stringify(project)));
  await errorMessage(page, /colour "red;background:url\(.*\)" is not #rgb or #rrggbb/);
  assert.deepEqual(await docIds(page), before, 'the open project is untouched');
  await page.reload();
  await page.waitForSelector('[data-testid=text-view][data-doc-id]');
  assert.deepEqual(hits.filter((h) => h.includes('leak')), []);
});

test('?doc= opens only files of the app\'s own origin', async () => {
  for (const address of [`//${otherOrigin()}/remote.txt`, `http://${otherOrigin()}/remote.txt`]) {
    const page = await openApp(env, `?doc=${encodeURIComponent(address)}`);
    await errorMessage(page, /was not opened: it (names another host|is an absolute address)/);
    assert.equal(await page.locator('[data-testid=doc-item]').count(), 1, 'only the bundled article');
  }
  assert.deepEqual(hits.filter((h) => h.includes('remote')), [], 'the other origin was never asked');
});

test('a ?doc= file over the size limit is refused while it streams in', async () => {
  // 65 MB, served without Content-Length (streamed), so the limit is checked on the body.
  const big = path.join(fixtures, 'generated-too-big.txt');
  const line = '郑州市委书记徐立毅强调要做好疫情防控工作。\n';
  const fd = fs.openSync(big, 'w');
  const chunk = line.repeat(Math.ceil((1 << 20) / Buffer.byteLength(line)));
  for (let written = 0; written < 65 * (1 << 20); written += Buffer.byteLength(chunk)) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  try {
    const page = await openApp(env, '?doc=fixtures/generated-too-big.txt');
    await errorMessage(page, /generated-too-big\.txt is 6[45]\.\d MB; files over 64 MB are not opened/);
    assert.equal(await page.locator('[data-testid=doc-item]').count(), 1);
  } finally {
    fs.rmSync(big);
  }
});

/** A zip of one deflated entry, written by hand (no zip tool on the machine is assumed). */
function deflatedZip(name, contents) {
  const data = zlib.deflateRawSync(contents, { level: 9 });
  const nameBytes = Buffer.from(name);
  const crc = zlib.crc32 ? zlib.crc32(contents) : 0;
  const header = (central) => {
    const b = Buffer.alloc(central ? 46 : 30);
    let o = 0;
    b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, o); o += 4;
    if (central) { b.writeUInt16LE(20, o); o += 2; }
    b.writeUInt16LE(20, o); o += 2; b.writeUInt16LE(0, o); o += 2; b.writeUInt16LE(8, o); o += 2;
    b.writeUInt32LE(0, o); o += 4; b.writeUInt32LE(crc >>> 0, o); o += 4;
    b.writeUInt32LE(data.length, o); o += 4; b.writeUInt32LE(contents.length, o); o += 4;
    b.writeUInt16LE(nameBytes.length, o); o += 2; b.writeUInt16LE(0, o); o += 2;
    if (central) { o += 8; b.writeUInt32LE(0, o); o += 4; }
    return b;
  };
  const local = Buffer.concat([header(false), nameBytes, data]);
  const central = Buffer.concat([header(true), nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12); end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, central, end]);
}

test('a zip bomb is refused while it inflates, naming the file and the limit', async () => {
  const page = await openApp(env);
  const zip = deflatedZip('bomb.conll', Buffer.alloc(70 * (1 << 20), 'a'));
  assert.ok(zip.length < 1 << 20, `the zip is small (${zip.length} bytes)`);
  await page.setInputFiles('[data-testid=import-input]', tmpFile('bomb.zip', zip));
  await errorMessage(page, /bomb\.zip inflates to more than 64 MB/);
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 1);
  assert.deepEqual(page.errors, []);
});

test('after Import… the keys work at once: Ctrl+Z undoes the import without a click', async () => {
  const page = await openApp(env);
  await page.setInputFiles('[data-testid=import-input]', tmpFile('added.txt', '新的文档𠀀😀'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 2);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.testid), 'text-view');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 1);
});

test('a sticky label\'s key disarms it after it made a span', async () => {
  const page = await openApp(env);
  await page.keyboard.press('p');
  await page.waitForSelector('[data-testid=label-PER][aria-pressed=true]');
  await scrollTo(page, '徐立毅');
  await dragSelect(page, '徐立毅'); // the selection alone makes the span
  await waitForSpanCount(page, 1);
  await page.keyboard.press('p');
  await page.waitForSelector('[data-testid=label-PER][aria-pressed=false]');
  await waitForSpanCount(page, 1);
});

test('a CoNLL sentence of a million characters imports and is drawn in windowed blocks', async () => {
  const page = await openApp(env);
  const chars = '国务院总理李强在北京强调要加快推进河新区建设确保高质量发展';
  const lines = [];
  for (let i = 0; i < 1_000_000; i++) {
    if (i % 50 === 0) { lines.push('李\tB-PER', '强\tE-PER'); i += 1; } else lines.push(`${chars[i % chars.length]}\tO`);
  }
  const file = tmpFile('one-sentence.conll', lines.join('\r\n') + '\r\n');
  const started = Date.now();
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 60_000 });
  await page.click('[data-testid=import-accept]');
  await page.waitForSelector('[data-testid=text-view][data-doc-id]:not([data-doc-id=zzrb-2020-03-11]) [data-testid=span]', { timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const window = await page.getAttribute('[data-testid=text-view]', 'data-window');
  const [first, last] = window.split('-').map(Number);
  assert.ok(last - first < 100, `only blocks near the viewport are in the DOM (${window})`);
  console.log(`# one 1M-character CoNLL sentence: file picked to spans painted in ${seconds.toFixed(1)} s`);
  assert.deepEqual(page.errors, []);
});
