// Real-browser tests of the ser4j upload page: playwright-core driving the system Chromium against a running server.
// Usage: SER4J_URL=http://127.0.0.1:8080 node --test --test-concurrency=1 page.test.mjs   (or ./run.sh)
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const SHOTS = path.join(HERE, 'screenshots');
const BASE = (process.env.SER4J_URL || '').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const RESULT_TIMEOUT = 60_000;

if (!BASE) throw new Error('set SER4J_URL to the server under test, e.g. http://127.0.0.1:8080');
fs.mkdirSync(SHOTS, { recursive: true });

let browser;
let model;

/** A fresh page; records requests leaving the server's origin and page errors, both failures. */
async function open(t, viewport = { width: 1280, height: 900 }, contextOptions = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const foreign = [];
  const errors = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(BASE + '/') && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  t.after(async () => {
    await context.close();
  });
  await page.goto(BASE + '/');
  await page.waitForFunction(() => !document.getElementById('model-info').textContent.startsWith('Loading'));
  return {
    page,
    /** Asserts nothing left the origin and no script failed, ignoring the expected HTTP error answers. */
    clean() {
      assert.deepEqual(foreign, [], 'requests to other origins');
      assert.deepEqual(errors.filter((e) => !/status of (4\d\d|503)/.test(e)), [], 'page errors');
    },
  };
}

/** Chooses a file through the page's (hidden) file input, as the browse dialog would. */
async function choose(page, file) {
  await page.setInputFiles('#file-input', file);
}

/** Drops a file on the drop zone, as a drag from the desktop would (a DataTransfer made in the page). */
async function drop(page, file) {
  const buffer = fs.readFileSync(file);
  await page.evaluate(([name, b64]) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], name));
    const zone = document.getElementById('drop-zone');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  }, [path.basename(file), buffer.toString('base64')]);
}

async function waitForResult(page, name) {
  await page.waitForFunction((n) => {
    const title = document.getElementById('result-title');
    return !document.getElementById('result').hidden && title.textContent === n
      && document.querySelector('#steps li[data-step="done"]').classList.contains('done');
  }, name, { timeout: RESULT_TIMEOUT });
}

async function alertText(page) {
  await page.waitForSelector('#alert:not([hidden])', { timeout: RESULT_TIMEOUT });
  return page.textContent('#alert');
}

/** Whether a canvas is laid out and has some pixel drawn. */
async function canvasDrawn(page, id, share = 1 / 20) {
  return page.evaluate(([cid, part]) => {
    const c = document.getElementById(cid);
    if (!c || c.clientWidth < 100 || c.clientHeight < 50 || c.parentElement.hidden) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let drawn = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) drawn++;
    return drawn > c.width * c.height * part;
  }, [id, share]);
}

async function checkResult(page, format, sparse = false) {
  const emotion = (await page.textContent('#emotion')).trim();
  assert.ok(model.labels.includes(emotion), `emotion "${emotion}" is one of ${model.labels}`);
  assert.match(await page.textContent('#confidence'), /^\d{1,3}\.\d%$/);
  const bars = await page.$$eval('#bars rect.bar', (rs) => rs.map((r) => ({
    emotion: r.dataset.emotion, p: Number(r.dataset.probability), width: r.getBBox().width, fill: r.getAttribute('fill'),
  })));
  assert.equal(bars.length, model.labels.length);
  assert.equal(bars.length, 7, 'the bundled model has 7 emotions');
  assert.deepEqual(bars.map((b) => b.emotion).sort(), [...model.labels].sort());
  assert.ok(Math.abs(bars.reduce((s, b) => s + b.p, 0) - 1) < 0.01, 'probabilities sum to 1');
  assert.ok(new Set(bars.map((b) => b.fill)).size === 7, 'one colour per emotion');
  const widest = bars.reduce((a, b) => (b.p > a.p ? b : a));
  assert.equal(widest.emotion, emotion, 'the longest bar is the emotion shown');
  const alt = await page.textContent('#bars svg title');
  assert.match(alt, new RegExp(`${emotion} \\d+\\.\\d%`), 'bar chart has a text alternative');
  const metadata = await page.textContent('#metadata');
  assert.match(metadata, new RegExp(`Format${format}`), `metadata names the format: ${metadata}`);
  assert.match(metadata, /Sample rate[\d,.]+ Hz/);
  // A beep or a short word leaves most of the waveform flat: then a midline, ticks and a few peaks are enough.
  assert.ok(await canvasDrawn(page, 'waveform', sparse ? 1 / 200 : 1 / 20), 'waveform drawn');
  assert.ok(await canvasDrawn(page, 'mel'), 'mel spectrogram drawn');
  assert.match(await page.getAttribute('#mel', 'aria-label'), /mel bands/);
  const src = await page.getAttribute('#player', 'src');
  assert.match(src || '', /^blob:/, 'the player plays the file from an object URL');
}

/** A 16-bit PCM mono WAV of ~seconds: speech.wav again and again, with silence between, so VAD sees regions. */
function longWav(seconds) {
  const src = fs.readFileSync(path.join(ROOT, 'examples', 'speech.wav'));
  let o = 12;
  let rate = 0;
  let data = null;
  while (o + 8 <= src.length) {
    const id = src.toString('ascii', o, o + 4);
    const n = src.readUInt32LE(o + 4);
    if (id === 'fmt ') {
      assert.equal(src.readUInt16LE(o + 8), 1, 'speech.wav is PCM');
      assert.equal(src.readUInt16LE(o + 10), 1, 'speech.wav is mono');
      assert.equal(src.readUInt16LE(o + 22), 16, 'speech.wav is 16-bit');
      rate = src.readUInt32LE(o + 12);
    }
    if (id === 'data') data = src.subarray(o + 8, o + 8 + n);
    o += 8 + n + (n & 1);
  }
  const silence = Buffer.alloc(Math.round(rate * 2.5) * 2);
  const parts = [];
  let total = 0;
  while (total < seconds * rate * 2) {
    parts.push(data, silence);
    total += data.length + silence.length;
  }
  const pcm = Buffer.concat(parts);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(36 + pcm.length, 4);
  head.write('WAVEfmt ', 8, 'ascii');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(1, 22);
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28);
  head.writeUInt16LE(2, 32);
  head.writeUInt16LE(16, 34);
  head.write('data', 36, 'ascii');
  head.writeUInt32LE(pcm.length, 40);
  return { buffer: Buffer.concat([head, pcm]), seconds: pcm.length / 2 / rate };
}

before(async () => {
  const res = await fetch(BASE + '/api/v1/model');
  assert.equal(res.status, 200, 'GET /api/v1/model');
  model = await res.json();
  assert.ok(Array.isArray(model.labels) && model.labels.length > 0, 'model lists its labels');
  assert.ok(model.limits && model.limits.max_upload_bytes > 0, 'model lists the upload limits');
  assert.ok(fs.existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  });
});

after(async () => {
  await browser?.close();
});

describe('the upload page', () => {
  test('shows the limits and formats from the model description, and loads nothing from elsewhere', async (t) => {
    const { page, clean } = await open(t);
    const limits = await page.textContent('#limits-text');
    for (const f of model.limits.formats) assert.ok(limits.includes(f), `"${limits}" lists ${f}`);
    assert.match(limits, /up to \d+ MB/);
    const html = await (await fetch(BASE + '/')).text();
    const js = await (await fetch(BASE + '/app.js')).text();
    const css = await (await fetch(BASE + '/app.css')).text();
    for (const [name, text] of [['index.html', html], ['app.js', js], ['app.css', css]]) {
      const urls = (text.match(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"')]*/gi) || [])
        .filter((u) => u !== '//www.w3.org/2000/svg' && !u.endsWith('www.w3.org/2000/svg'));
      assert.deepEqual(urls, [], `${name} names no external URL`);
    }
    clean();
  });

  test('Tab reaches the upload control and shows where the focus is', async (t) => {
    const { page, clean } = await open(t);
    let focused = '';
    for (let i = 0; i < 6 && focused !== 'drop-zone'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    }
    assert.equal(focused, 'drop-zone');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    // Enter on the control opens the file chooser.
    // Generous: under a loaded CI machine the chooser has been seen to take over 5 s.
    const chooser = page.waitForEvent('filechooser', { timeout: 30000 });
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(path.join(ROOT, 'examples', 'speech.wav'));
    await waitForResult(page, 'speech.wav');
    clean();
  });

  test('a WAV (browsed), an MP3 (dropped) and a long recording give results, kept in the session list', async (t) => {
    const { page, clean } = await open(t);
    await choose(page, path.join(ROOT, 'examples', 'speech.wav'));
    await waitForResult(page, 'speech.wav');
    await checkResult(page, 'WAV');
    const emotion = await page.textContent('#emotion');
    assert.match(await page.textContent('#announce'), new RegExp(`^Done\\. speech\\.wav: ${emotion}, confidence`),
      'the result is announced to screen readers');
    assert.ok(await page.isHidden('#timeline-figure'), 'a short clip has no timeline');
    assert.ok(await page.isHidden('#alert'));

    await drop(page, path.join(ROOT, 'examples', 'speech.mp3'));
    await waitForResult(page, 'speech.mp3');
    assert.ok(!(await page.$eval('#drop-zone', (z) => z.classList.contains('dragover'))), 'drop highlight cleared');
    await checkResult(page, 'MP3');

    const long = longWav(20);
    await choose(page, { name: 'long.wav', mimeType: 'audio/wav', buffer: long.buffer });
    await waitForResult(page, 'long.wav');
    await checkResult(page, 'WAV');
    await page.waitForSelector('#timeline-figure:not([hidden])');
    const segments = await page.$$eval('#timeline g.segment', (gs) => gs.map((g) => g.dataset.emotion));
    assert.ok(segments.length >= 2, `several segments over ${long.seconds} s: ${segments}`);
    for (const e of segments) assert.ok(model.labels.includes(e));
    assert.ok((await page.$$('#shares li')).length >= 1, 'summary shares listed');
    assert.equal((await page.$$('#segments-body tr')).length, segments.length, 'segments table matches');
    assert.match(await page.textContent('#metadata'), /Duration\d+\.\d s/);
    await page.screenshot({ path: path.join(SHOTS, 'desktop-timeline.png'), fullPage: true });

    const names = await page.$$eval('#history .h-name', (ns) => ns.map((n) => n.textContent));
    assert.deepEqual(names, ['long.wav', 'speech.mp3', 'speech.wav']);
    // Clicking an entry shows that result again.
    await page.click('#history li:nth-child(3) button');
    await page.waitForFunction(() => document.getElementById('result-title').textContent === 'speech.wav');
    assert.ok(await page.isHidden('#timeline-figure'));
    assert.equal(await page.getAttribute('#history li:nth-child(3) button', 'aria-current'), 'true');
    // The list survives a reload (sessionStorage), without the audio.
    await page.reload();
    await page.waitForSelector('#history li');
    assert.equal((await page.$$('#history li')).length, 3);
    await page.click('#history li:nth-child(2) button');
    await page.waitForFunction(() => document.getElementById('result-title').textContent === 'speech.mp3');
    assert.match(await page.textContent('#metadata'), /FormatMP3/);
    assert.ok(await canvasDrawn(page, 'mel'));
    clean();
  });

  test('a text file is refused with the server\'s 415 message naming what it is', async (t) => {
    const { page, clean } = await open(t);
    await choose(page, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Kids are talking by the door.\n'.repeat(40)) });
    const text = await alertText(page);
    assert.match(text, /Unsupported format/);
    assert.match(text, /plain text/, `the detected format is named: ${text}`);
    for (const f of ['WAV', 'MP3', 'FLAC']) assert.ok(text.includes(f), `supported formats listed: ${text}`);
    assert.ok(await page.isHidden('#result'));
    assert.equal(await page.getAttribute('#alert', 'role'), 'alert');
    assert.equal(await page.$$eval('#steps li.failed', (ls) => ls.length), 1, 'the failed step is marked');
    await page.screenshot({ path: path.join(SHOTS, 'desktop-error.png') });
    clean();
  });

  test('a file over the limit is refused in the browser, before any upload', async (t) => {
    const { page, clean } = await open(t);
    await page.route('**/api/v1/model', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.limits.max_upload_bytes = 10_000;
      await route.fulfill({ response: res, json: body });
    });
    await page.reload();
    await page.waitForFunction(() => /up to/.test(document.getElementById('limits-text').textContent));
    let posted = false;
    page.on('request', (r) => { if (r.method() === 'POST') posted = true; });
    await choose(page, path.join(ROOT, 'examples', 'speech.wav'));
    const text = await alertText(page);
    assert.match(text, /Too large/);
    assert.match(text, /speech\.wav/);
    assert.match(text, /limited to/);
    assert.equal(posted, false, 'nothing was uploaded');
    clean();
  });

  test('records 2 s from the microphone and completes the flow', async (t) => {
    const { page, clean } = await open(t, { width: 1280, height: 900 }, { permissions: ['microphone'] });
    await page.click('#record-button');
    await page.waitForFunction(() => document.getElementById('record-button').getAttribute('aria-pressed') === 'true');
    await page.waitForFunction(() => document.getElementById('record-time').textContent === '0:02', null, { timeout: 10_000 });
    assert.match(await page.textContent('#record-button'), /Stop/);
    await page.click('#record-button');
    // The fake device plays a beep: a result or "no speech" (422) both complete the flow.
    await page.waitForFunction(() => {
      const done = document.querySelector('#steps li[data-step="done"]').classList.contains('done');
      return done || !document.getElementById('alert').hidden;
    }, null, { timeout: RESULT_TIMEOUT });
    assert.equal(await page.getAttribute('#record-button', 'aria-pressed'), 'false');
    assert.ok(await page.$eval('#steps li[data-step="encode"]', (li) => !li.hidden && li.classList.contains('done')));
    if (await page.isVisible('#alert')) {
      const text = await page.textContent('#alert');
      assert.match(text, /No speech found/, `only "no speech" is an acceptable failure: ${text}`);
    } else {
      const name = await page.textContent('#result-title');
      assert.match(name, /^recording-\d{8}-\d{6}\.wav$/);
      await checkResult(page, 'WAV', true);
      assert.match(await page.textContent('#metadata'), /Duration[12]\.\d+ s/);
      assert.equal((await page.$$('#history li')).length, 1);
    }
    clean();
  });

  test('a denied microphone gives a message', async (t) => {
    const { page, clean } = await open(t);
    await page.evaluate(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await page.click('#record-button');
    const text = await alertText(page);
    assert.match(text, /Microphone access was denied/);
    assert.equal(await page.getAttribute('#record-button', 'aria-pressed'), 'false');
    clean();
  });

  test('screenshots on a phone: one column, nothing wider than the screen', async (t) => {
    const { page, clean } = await open(t, { width: 390, height: 844 }, { deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.screenshot({ path: path.join(SHOTS, 'phone-start.png'), fullPage: true });
    await choose(page, { name: 'long.wav', mimeType: 'audio/wav', buffer: longWav(20).buffer });
    await waitForResult(page, 'long.wav');
    await page.waitForSelector('#timeline-figure:not([hidden])');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow} px too wide)`);
    // Measured together: the page may still be scrolling the result into view.
    const [input, result] = await page.evaluate(() => ['.input', '#result']
      .map((s) => document.querySelector(s).getBoundingClientRect().toJSON()));
    assert.ok(result.top >= input.bottom - 1, 'the result sits under the input on a phone');
    await page.screenshot({ path: path.join(SHOTS, 'phone-result.png'), fullPage: true });
    clean();
  });

  test('screenshot on a desktop: two columns', async (t) => {
    const { page, clean } = await open(t);
    await page.screenshot({ path: path.join(SHOTS, 'desktop-start.png') });
    await choose(page, path.join(ROOT, 'examples', 'speech.wav'));
    await waitForResult(page, 'speech.wav');
    const [input, result] = await page.evaluate(() => ['.input', '#result']
      .map((s) => document.querySelector(s).getBoundingClientRect().toJSON()));
    assert.ok(result.left >= input.right, 'the result sits beside the input');
    await page.screenshot({ path: path.join(SHOTS, 'desktop-result.png'), fullPage: true });
    clean();
  });
});
