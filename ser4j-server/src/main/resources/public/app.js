// ser4j upload page: upload or record speech, send it to /api/v1/recognize?detail=true and draw the answer.
// Plain ES module, no dependencies and no external URL: the page must work offline, served by the same process.

/** One colour per emotion, used by every chart (bars, timeline, waveform tint, history swatches). */
const PALETTE = {
  neutral: '#6e7781',
  calm: '#1a8aa0',
  happy: '#b87400',
  sad: '#2c5fb8',
  angry: '#d0362b',
  fear: '#7b4fb5',
  disgust: '#2e8540',
  surprise: '#c2408f',
  boredom: '#8c6239',
};
const FALLBACK_COLOURS = ['#4d7c8a', '#a05a2c', '#5a6abf', '#8a8a00'];

/** Used until GET /api/v1/model answers, and if it never does. */
const DEFAULT_LIMITS = {
  max_upload_bytes: 200 * 1000 * 1000,
  max_duration_s: 3600,
  formats: ['WAV', 'AIFF', 'FLAC', 'MP3', 'Ogg Vorbis', 'Ogg Opus'],
};

const HISTORY_KEY = 'ser4j.history.v1';
const HISTORY_MAX = 25;
/** Recordings stop by themselves here, far below the server's duration limit, to bound the browser's memory. */
const MAX_RECORDING_S = 600;

const $ = (id) => document.getElementById(id);
const ui = {
  modelInfo: $('model-info'),
  fileInput: $('file-input'),
  dropZone: $('drop-zone'),
  limitsText: $('limits-text'),
  recordButton: $('record-button'),
  recordLabel: document.querySelector('#record-button .record-label'),
  recordTime: $('record-time'),
  alert: $('alert'),
  announce: $('announce'),
  steps: $('steps'),
  uploadProgress: $('upload-progress'),
  result: $('result'),
  placeholder: $('placeholder'),
  resultTitle: $('result-title'),
  emotion: $('emotion'),
  emotionSwatch: $('emotion-swatch'),
  confidence: $('confidence'),
  player: $('player'),
  metadata: $('metadata'),
  bars: $('bars'),
  timelineFigure: $('timeline-figure'),
  timeline: $('timeline'),
  timelineNote: $('timeline-note'),
  shares: $('shares'),
  segmentsBody: $('segments-body'),
  waveform: $('waveform'),
  mel: $('mel'),
  history: $('history'),
  historyEmpty: $('history-empty'),
};

const state = {
  limits: DEFAULT_LIMITS,
  labels: null,
  busy: false,
  /** {id, name, size, time, result, url?}; url is the audio's object URL, lost on reload. */
  history: [],
  shownId: null,
  recorder: null,
};

// ---------------------------------------------------------------------------------------------------------
// Formatting

function percent(p, digits = 1) {
  return `${(p * 100).toFixed(digits)}%`;
}

/** Sizes in SI units, as the server counts its limit (200 MB = 200,000,000 bytes). */
function bytes(n) {
  if (n < 1000) return `${n} B`;
  if (n < 1000 * 1000) return `${(n / 1000).toFixed(1)} kB`;
  const mb = n / (1000 * 1000);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

function duration(s) {
  if (s < 60) return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return `${m} min ${String(rest).padStart(2, '0')} s`;
}

function clock(s) {
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s - m * 60)).padStart(2, '0')}`;
}

/** A time axis label: "2 s", "1.5 s", or "1:30" past a minute. */
function tickLabel(s, step) {
  if (s >= 60 || step >= 60) return clock(s);
  return `${step < 1 ? s.toFixed(1) : Math.round(s)} s`;
}

function colourOf(label) {
  if (PALETTE[label]) return PALETTE[label];
  let h = 0;
  for (const c of String(label)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return FALLBACK_COLOURS[h % FALLBACK_COLOURS.length];
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
function inkOn(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** Evenly spaced round ticks, about one per `pixelsPerTick`. */
function ticks(total, width, pixelsPerTick = 90) {
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const wanted = total / Math.max(1, width / pixelsPerTick);
  const step = steps.find((s) => s >= wanted) ?? steps[steps.length - 1];
  const out = [];
  for (let t = 0; t <= total + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return { step, values: out };
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'style') e.style.cssText = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

// ---------------------------------------------------------------------------------------------------------
// Alerts and steps

function showAlert(title, message) {
  ui.alert.replaceChildren(el('strong', {}, title), document.createTextNode(message));
  ui.alert.hidden = false;
}

function announce(text) {
  ui.announce.textContent = text;
}

function clearAlert() {
  ui.alert.hidden = true;
  ui.alert.replaceChildren();
}

const ERROR_TITLES = {
  400: 'The audio could not be read',
  404: 'Not found',
  405: 'Not allowed',
  413: 'Too large',
  415: 'Unsupported format',
  422: 'No speech found',
  503: 'The server is busy',
};

/** Shows the steps that apply; the encode step only for microphone recordings. */
function resetSteps(withEncode) {
  ui.steps.hidden = false;
  for (const li of ui.steps.querySelectorAll('li')) {
    li.classList.remove('active', 'done', 'failed');
    if (li.dataset.step === 'encode') li.hidden = !withEncode;
  }
  ui.uploadProgress.value = 0;
}

function step(name, status) {
  const li = ui.steps.querySelector(`li[data-step="${name}"]`);
  li.classList.remove('active', 'done', 'failed');
  li.classList.add(status);
}

function failActiveStep() {
  const active = ui.steps.querySelector('li.active');
  if (active) {
    active.classList.remove('active');
    active.classList.add('failed');
  }
}

function setBusy(busy) {
  state.busy = busy;
  ui.dropZone.disabled = busy;
  ui.dropZone.setAttribute('aria-busy', String(busy));
  if (!state.recorder) ui.recordButton.disabled = busy;
}

// ---------------------------------------------------------------------------------------------------------
// Model description and limits

async function loadModel() {
  try {
    const res = await fetch('api/v1/model', { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const model = await res.json();
    if (model.limits) state.limits = { ...DEFAULT_LIMITS, ...model.limits };
    if (Array.isArray(model.labels)) state.labels = model.labels;
    const parts = [];
    if (model.architecture) parts.push(`Model: ${model.architecture}`);
    if (model.feature_set) parts.push(`${model.feature_set} features`);
    if (state.labels) parts.push(`${state.labels.length} emotions (${state.labels.join(', ')})`);
    // The detail after the emotions is the first to go on a narrow screen.
    const extra = [];
    const m = model.metrics || {};
    const ua = m.validation_ua ?? m.test_ua;
    if (typeof ua === 'number') extra.push(`validation unweighted accuracy ${percent(ua)}`);
    const data = model.training_data;
    if (data && Array.isArray(data.corpora)) {
      extra.push(`trained on ${data.clips ? `${data.clips.toLocaleString()} clips of ` : ''}${data.corpora.join(', ')}`);
    }
    ui.modelInfo.replaceChildren(document.createTextNode(parts.join(' · ') || 'Model loaded.'));
    if (extra.length) ui.modelInfo.append(el('span', { class: 'model-extra' }, ` · ${extra.join(' · ')}`));
  } catch (e) {
    ui.modelInfo.textContent = 'The model description could not be loaded; uploads may still work.';
  }
  showLimits();
}

function showLimits() {
  const { formats, max_upload_bytes: maxBytes, max_duration_s: maxS } = state.limits;
  const time = maxS >= 60 ? `${Math.round(maxS / 60)} min` : `${maxS} s`;
  ui.limitsText.textContent = `${formats.join(', ')} · up to ${bytes(maxBytes)} and ${time}`;
}

// ---------------------------------------------------------------------------------------------------------
// Upload

function handleFile(file) {
  if (!file || state.busy) return;
  clearAlert();
  const max = state.limits.max_upload_bytes;
  if (file.size > max) {
    // The same refusal the server gives (413), without sending 200 MB first.
    showAlert(ERROR_TITLES[413], `“${file.name}” is ${bytes(file.size)}; uploads are limited to ${bytes(max)}.`);
    ui.steps.hidden = true;
    return;
  }
  if (file.size === 0) {
    showAlert(ERROR_TITLES[400], `“${file.name}” is empty.`);
    ui.steps.hidden = true;
    return;
  }
  upload(file, false);
}

function upload(file, recorded) {
  setBusy(true);
  resetSteps(recorded);
  if (recorded) step('encode', 'done');
  step('upload', 'active');
  announce(`Uploading ${file.name}, ${bytes(file.size)}.`);

  const form = new FormData();
  form.append('file', file, file.name);
  const xhr = new XMLHttpRequest();
  xhr.open('POST', 'api/v1/recognize?detail=true');
  xhr.responseType = 'text';
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.upload.addEventListener('progress', (e) => {
    if (e.lengthComputable) ui.uploadProgress.value = e.loaded / e.total;
  });
  xhr.upload.addEventListener('load', () => {
    ui.uploadProgress.value = 1;
    step('upload', 'done');
    // The server decodes and recognises in one request: the page cannot see where one ends and the other starts.
    step('server', 'active');
    announce('Uploaded. Decoding, converting and recognising.');
  });
  xhr.addEventListener('load', () => {
    setBusy(false);
    let body = null;
    try {
      body = JSON.parse(xhr.responseText);
    } catch (e) {
      body = null;
    }
    if (xhr.status === 200 && body && body.emotion) {
      step('upload', 'done');
      step('server', 'done');
      step('done', 'done');
      const entry = addHistory(file, body);
      show(entry);
      announce(`Done. ${file.name}: ${body.emotion}, confidence ${percent(body.confidence)}.`);
      return;
    }
    failActiveStep();
    const title = `${ERROR_TITLES[xhr.status] || `The server answered ${xhr.status}`}: ${file.name}`;
    let message = body && typeof body.message === 'string' ? body.message
      : `Unexpected answer (HTTP ${xhr.status} ${xhr.statusText}).`;
    const retry = xhr.getResponseHeader('Retry-After');
    if (xhr.status === 503 && retry) message += ` Try again in ${retry} s.`;
    showAlert(title, message);
  });
  xhr.addEventListener('error', () => {
    setBusy(false);
    failActiveStep();
    showAlert('No answer', 'The server could not be reached. Is ser4j still running?');
  });
  xhr.addEventListener('abort', () => {
    setBusy(false);
    failActiveStep();
  });
  xhr.send(form);
}

// ---------------------------------------------------------------------------------------------------------
// Session history (sessionStorage keeps results across reloads; the audio itself stays in memory only)

function loadHistory() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(HISTORY_KEY) || '[]');
    if (Array.isArray(saved)) state.history = saved.filter((e) => e && e.result && e.id);
  } catch (e) {
    state.history = [];
  }
  renderHistory();
}

function saveHistory() {
  const plain = state.history.map(({ url, ...rest }) => rest);
  // Visuals make an entry some 100 KB: drop the oldest until the browser's quota accepts the list.
  while (plain.length) {
    try {
      sessionStorage.setItem(HISTORY_KEY, JSON.stringify(plain));
      return;
    } catch (e) {
      plain.pop();
    }
  }
  sessionStorage.removeItem(HISTORY_KEY);
}

function addHistory(file, result) {
  const entry = {
    id: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    name: file.name,
    size: file.size,
    time: new Date().toISOString(),
    result,
    url: URL.createObjectURL(file),
  };
  state.history.unshift(entry);
  for (const old of state.history.splice(HISTORY_MAX)) {
    if (old.url) URL.revokeObjectURL(old.url);
  }
  saveHistory();
  renderHistory();
  return entry;
}

function renderHistory() {
  ui.historyEmpty.hidden = state.history.length > 0;
  ui.history.replaceChildren(...state.history.map((entry) => {
    const r = entry.result;
    const time = new Date(entry.time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const button = el('button', {
      type: 'button',
      class: 'history-item',
      'aria-current': String(entry.id === state.shownId),
      'aria-label': `${entry.name}: ${r.emotion}, ${percent(r.confidence, 0)} confidence, at ${time}. Show again.`,
    },
    el('span', { class: 'swatch', style: `background:${colourOf(r.emotion)}`, 'aria-hidden': 'true' }),
    el('span', { class: 'h-name' }, entry.name),
    el('span', { class: 'h-time' }, time),
    el('span', { class: 'h-emotion' }, `${r.emotion} · ${percent(r.confidence, 0)}`));
    button.addEventListener('click', () => show(entry, true));
    return el('li', {}, button);
  }));
}

// ---------------------------------------------------------------------------------------------------------
// The result

let current = null;

function show(entry, fromHistory = false) {
  current = entry;
  state.shownId = entry.id;
  const r = entry.result;
  ui.result.hidden = false;
  ui.placeholder.hidden = true;
  ui.resultTitle.textContent = entry.name;
  ui.emotion.textContent = r.emotion;
  ui.emotionSwatch.style.background = colourOf(r.emotion);
  ui.confidence.textContent = percent(r.confidence);

  if (entry.url) {
    ui.player.hidden = false;
    if (ui.player.src !== entry.url) ui.player.src = entry.url;
  } else {
    ui.player.hidden = true;
    ui.player.removeAttribute('src');
  }
  renderMetadata(entry);
  renderHistory();
  drawAll();
  if (fromHistory) {
    clearAlert();
    ui.steps.hidden = true;
  }
  // On a phone the result is below the input: bring it up, unless its top is already in sight.
  const top = ui.result.getBoundingClientRect().top;
  if (fromHistory || top > window.innerHeight * 0.8 || top < 0) {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    ui.result.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
  }
}

function renderMetadata(entry) {
  const r = entry.result;
  const a = r.audio || {};
  const rows = [];
  if (a.container) rows.push(['Format', a.container]);
  if (a.codec) rows.push(['Codec', a.codec]);
  if (a.sample_rate) rows.push(['Sample rate', `${a.sample_rate.toLocaleString()} Hz`]);
  if (a.channels) rows.push(['Channels', a.channels === 1 ? '1 (mono)' : a.channels === 2 ? '2 (stereo)' : String(a.channels)]);
  rows.push(['Duration', duration(a.duration_s ?? r.duration_s)]);
  if (entry.size) rows.push(['Size', bytes(entry.size)]);
  if (r.summary) rows.push(['Speech', duration(r.summary.speech_s)]);
  if (!entry.url) rows.push(['Audio', 'not kept after a reload']);
  ui.metadata.replaceChildren(...rows.map(([k, v]) => el('div', {}, el('dt', {}, k), el('dd', {}, v))));
}

function drawAll() {
  if (!current) return;
  const r = current.result;
  drawBars(r);
  drawTimeline(r);
  const v = r.visuals || {};
  drawWaveform(v.waveform, r);
  drawMel(v.mel);
}

/** Horizontal bars, one per emotion in the model's order, drawn at the container's pixel width. */
function drawBars(r) {
  const entries = Object.entries(r.probabilities || {});
  const width = Math.max(260, ui.bars.clientWidth || 600);
  const row = 30;
  const labelW = 84;
  const valueW = 56;
  const height = entries.length * row;
  const barMax = width - labelW - valueW;
  const alt = `Probabilities: ${[...entries].sort((a, b) => b[1] - a[1])
    .map(([k, p]) => `${k} ${percent(p)}`).join(', ')}.`;
  const root = svg('svg', {
    width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'bars-title',
  });
  root.append(svg('title', { id: 'bars-title' }, alt));
  entries.forEach(([label, p], i) => {
    const y = i * row;
    const top = label === r.emotion;
    const g = svg('g', { class: 'bar-row', 'data-emotion': label });
    g.append(svg('text', { x: labelW - 8, y: y + row / 2 + 4, 'text-anchor': 'end',
      class: `label${top ? ' top-label' : ''}` }, label));
    g.append(svg('rect', { class: 'track', x: labelW, y: y + 6, width: barMax, height: row - 12, rx: 3 }));
    g.append(svg('rect', {
      class: 'bar', x: labelW, y: y + 6, width: Math.max(1, p * barMax), height: row - 12, rx: 3,
      fill: colourOf(label), 'data-emotion': label, 'data-probability': p,
    }));
    g.append(svg('text', { x: width - 4, y: y + row / 2 + 4, 'text-anchor': 'end',
      class: top ? 'top-label' : '' }, percent(p)));
    root.append(g);
  });
  ui.bars.replaceChildren(root);
}

/** Segments as coloured bands over the recording's time; gaps are the non-speech parts. */
function drawTimeline(r) {
  const segments = r.segments || [];
  ui.timelineFigure.hidden = segments.length === 0;
  if (!segments.length) return;
  const total = r.duration_s;
  const width = Math.max(260, ui.timeline.clientWidth || 600);
  const band = 40;
  const height = band + 24;
  const x = (t) => (t / total) * width;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': 'timeline-title' });
  root.append(svg('title', { id: 'timeline-title' },
    `Emotion timeline of ${duration(total)}: ${segments.map((s) =>
      `${s.start_s.toFixed(1)} to ${s.end_s.toFixed(1)} s ${s.emotion}`).join('; ')}.`));
  root.append(svg('rect', { class: 'gap', x: 0, y: 0, width, height: band, rx: 4 }));
  for (const s of segments) {
    const x0 = x(s.start_s);
    const w = Math.max(1.5, x(s.end_s) - x0);
    const colour = colourOf(s.emotion);
    const g = svg('g', { class: 'segment', 'data-emotion': s.emotion });
    const rect = svg('rect', { x: x0, y: 0, width: w, height: band, fill: colour });
    rect.append(svg('title', {}, `${s.start_s.toFixed(2)}–${s.end_s.toFixed(2)} s: ${s.emotion} (${percent(s.confidence, 0)})`));
    g.append(rect);
    // A label only where it fits (about 7 px per character of 12 px text).
    if (w > s.emotion.length * 7.5 + 8) {
      g.append(svg('text', { x: x0 + w / 2, y: band / 2 + 4, 'text-anchor': 'middle', class: 'band-label',
        style: `fill:${inkOn(colour)}` }, s.emotion));
    }
    root.append(g);
  }
  const t = ticks(total, width);
  root.append(svg('line', { class: 'axis', x1: 0, y1: band + 0.5, x2: width, y2: band + 0.5 }));
  t.values.forEach((v, i) => {
    const tx = x(v);
    root.append(svg('line', { class: 'axis', x1: tx, y1: band, x2: tx, y2: band + 4 }));
    const anchor = i === 0 ? 'start' : tx > width - 20 ? 'end' : 'middle';
    root.append(svg('text', { x: tx, y: band + 18, 'text-anchor': anchor }, tickLabel(v, t.step)));
  });
  ui.timeline.replaceChildren(root);

  const summary = r.summary || {};
  ui.timelineNote.textContent = summary.speech_s !== undefined
    ? `(${duration(summary.speech_s)} of speech; grey: no speech)` : '';
  const shares = Object.entries(summary.shares || {}).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  ui.shares.replaceChildren(...shares.map(([k, v]) => el('li', {},
    el('span', { class: 'swatch', style: `background:${colourOf(k)}`, 'aria-hidden': 'true' }),
    el('span', { class: 'name' }, k), document.createTextNode(` ${percent(v, 0)}`))));
  ui.segmentsBody.replaceChildren(...segments.map((s) => el('tr', {},
    el('td', {}, `${s.start_s.toFixed(2)} s`), el('td', {}, `${s.end_s.toFixed(2)} s`),
    el('td', { class: 'emo' }, s.emotion), el('td', {}, percent(s.confidence)))));
}

/** Sizes a canvas's backing store to its CSS box times the device pixel ratio; returns the drawing context. */
function fitCanvas(canvas) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, canvas.clientWidth, canvas.clientHeight);
  return { ctx, w: canvas.clientWidth, h: canvas.clientHeight };
}

function drawTimeAxis(ctx, total, x0, w, y) {
  const t = ticks(total, w);
  ctx.fillStyle = cssVar('--plot-ink');
  ctx.strokeStyle = cssVar('--plot-ink');
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  t.values.forEach((v, i) => {
    const x = x0 + (v / total) * w;
    ctx.beginPath();
    ctx.moveTo(x + 0.5, y);
    ctx.lineTo(x + 0.5, y + 4);
    ctx.stroke();
    ctx.textAlign = i === 0 ? 'left' : x > x0 + w - 20 ? 'right' : 'center';
    ctx.fillText(tickLabel(v, t.step), x, y + 5);
  });
}

function drawWaveform(wf, r) {
  const canvas = ui.waveform;
  canvas.parentElement.hidden = !wf;
  if (!wf) return;
  const { ctx, w, h } = fitCanvas(canvas);
  const axisH = 20;
  const plotH = h - axisH;
  const n = wf.points;
  const total = n * wf.seconds_per_point;
  // Speech segments tinted behind the signal, in the timeline's colours.
  for (const s of r.segments || []) {
    ctx.fillStyle = colourOf(s.emotion);
    ctx.globalAlpha = 0.16;
    ctx.fillRect((s.start_s / total) * w, 0, ((s.end_s - s.start_s) / total) * w, plotH);
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = cssVar('--plot-grid');
  ctx.beginPath();
  ctx.moveTo(0, plotH / 2 + 0.5);
  ctx.lineTo(w, plotH / 2 + 0.5);
  ctx.stroke();
  const y = (v) => plotH / 2 - Math.max(-1, Math.min(1, v)) * (plotH / 2 - 4);
  ctx.fillStyle = cssVar('--accent');
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const x0 = (i / n) * w;
    const x1 = ((i + 1) / n) * w;
    const top = y(wf.max[i]);
    const bottom = y(wf.min[i]);
    peak = Math.max(peak, Math.abs(wf.max[i]), Math.abs(wf.min[i]));
    ctx.fillRect(x0, top, Math.max(1, x1 - x0), Math.max(1, bottom - top));
  }
  drawTimeAxis(ctx, total, 0, w, plotH);
  canvas.setAttribute('aria-label',
    `Waveform of ${duration(total)}, peak amplitude ${peak.toFixed(2)} of full scale.`);
}

/** Viridis as a 256-entry RGB table, from a degree-6 polynomial fit of matplotlib's map (max error < 1%). */
const VIRIDIS = (() => {
  const c = [
    [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
    [0.1050930431085774, 1.404613529898575, 1.384590162594685],
    [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
    [-4.634230498983486, -5.799100973351585, -19.33244095627987],
    [6.228269936347081, 14.17993336680509, 56.69055260068105],
    [4.776384997670288, -13.74514537774601, -65.35303263337234],
    [-5.435455855934631, 4.645852612178535, 26.3124352495832],
  ];
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    for (let ch = 0; ch < 3; ch++) {
      let v = c[6][ch];
      for (let k = 5; k >= 0; k--) v = v * t + c[k][ch];
      table[i * 3 + ch] = Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
  }
  return table;
})();

function decodeBase64(text) {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function drawMel(mel) {
  const canvas = ui.mel;
  canvas.parentElement.hidden = !mel;
  if (!mel) return;
  const { bands, frames } = mel;
  const data = decodeBase64(mel.data);
  if (data.length !== bands * frames) {
    canvas.parentElement.hidden = true;
    return;
  }
  // Frame-major bytes become an image one pixel per (frame, band), low bands at the bottom.
  const image = new ImageData(frames, bands);
  let loudest = 0;
  let loudestFrame = 0;
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let b = 0; b < bands; b++) {
      const v = data[f * bands + b];
      sum += v;
      const o = ((bands - 1 - b) * frames + f) * 4;
      image.data[o] = VIRIDIS[v * 3];
      image.data[o + 1] = VIRIDIS[v * 3 + 1];
      image.data[o + 2] = VIRIDIS[v * 3 + 2];
      image.data[o + 3] = 255;
    }
    if (sum > loudest) {
      loudest = sum;
      loudestFrame = f;
    }
  }
  const off = document.createElement('canvas');
  off.width = frames;
  off.height = bands;
  off.getContext('2d').putImageData(image, 0, 0);

  const { ctx, w, h } = fitCanvas(canvas);
  const axisH = 20;
  const leftW = 34;
  const legendW = 70;
  const plotW = w - leftW - legendW;
  const plotH = h - axisH;
  ctx.imageSmoothingEnabled = frames < plotW;
  ctx.drawImage(off, leftW, 0, plotW, plotH);
  const total = frames * mel.seconds_per_frame;
  drawTimeAxis(ctx, total, leftW, plotW, plotH);

  ctx.fillStyle = cssVar('--plot-ink');
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.fillText('high', leftW - 4, 2);
  ctx.textBaseline = 'bottom';
  ctx.fillText('low', leftW - 4, plotH - 2);
  ctx.save();
  ctx.translate(10, plotH / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('mel', 0, 0);
  ctx.restore();

  // Colour bar: min_db at the bottom, max_db at the top.
  const barX = w - legendW + 10;
  const barW = 10;
  for (let i = 0; i < plotH; i++) {
    const v = Math.round((1 - i / Math.max(1, plotH - 1)) * 255);
    ctx.fillStyle = `rgb(${VIRIDIS[v * 3]},${VIRIDIS[v * 3 + 1]},${VIRIDIS[v * 3 + 2]})`;
    ctx.fillRect(barX, i, barW, 1);
  }
  ctx.fillStyle = cssVar('--plot-ink');
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(`${mel.max_db} dB`, barX + barW + 4, 0);
  ctx.textBaseline = 'bottom';
  ctx.fillText(`${mel.min_db} dB`, barX + barW + 4, plotH);

  canvas.setAttribute('aria-label', `Mel spectrogram: ${bands} mel bands over ${duration(total)}, from `
    + `${mel.min_db} to ${mel.max_db} dB; loudest around ${(loudestFrame * mel.seconds_per_frame).toFixed(1)} s.`);
}

// ---------------------------------------------------------------------------------------------------------
// Microphone: PCM captured by an AudioWorklet (ScriptProcessor where worklets are missing), encoded as WAV here

const WORKLET = `
class Capture extends AudioWorkletProcessor {
  process(inputs) {
    const input = inputs[0];
    if (input && input.length) this.port.postMessage(input[0].slice(0));
    return true;
  }
}
registerProcessor('ser4j-capture', Capture);
`;

/** 16-bit PCM mono WAV of float samples in [-1, 1]. */
function encodeWav(chunks, rate) {
  const n = chunks.reduce((sum, c) => sum + c.length, 0);
  const buffer = new ArrayBuffer(44 + n * 2);
  const view = new DataView(buffer);
  const ascii = (o, s) => { for (let i = 0; i < s.length; i++) view.setUint8(o + i, s.charCodeAt(i)); };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + n * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, n * 2, true);
  let o = 44;
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++, o += 2) {
      const s = Math.max(-1, Math.min(1, c[i]));
      view.setInt16(o, s < 0 ? s * 0x8000 : s * 0x7fff, true);
    }
  }
  return new Blob([buffer], { type: 'audio/wav' });
}

async function startRecording() {
  clearAlert();
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    showAlert('Recording is not available',
      'This browser gives microphones only to secure pages: open the page over https or on localhost.');
    return;
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  } catch (e) {
    const denied = e && (e.name === 'NotAllowedError' || e.name === 'SecurityError');
    const missing = e && (e.name === 'NotFoundError' || e.name === 'OverconstrainedError');
    showAlert(denied ? 'Microphone access was denied' : missing ? 'No microphone found' : 'The microphone could not be opened',
      denied ? 'Allow the microphone for this page in the browser\'s site settings, or upload a file instead.'
        : missing ? 'Connect a microphone, or upload a file instead.'
          : `${e && e.message ? e.message : e}`);
    return;
  }
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const chunks = [];
  let node;
  try {
    const url = URL.createObjectURL(new Blob([WORKLET], { type: 'text/javascript' }));
    await context.audioWorklet.addModule(url);
    URL.revokeObjectURL(url);
    node = new AudioWorkletNode(context, 'ser4j-capture', { numberOfInputs: 1, numberOfOutputs: 0 });
    node.port.onmessage = (e) => chunks.push(e.data);
    source.connect(node);
  } catch (e) {
    node = context.createScriptProcessor(4096, 1, 1);
    node.onaudioprocess = (ev) => chunks.push(ev.inputBuffer.getChannelData(0).slice(0));
    source.connect(node);
    node.connect(context.destination);
  }
  const started = performance.now();
  const recorder = { stream, context, source, node, chunks, started, timer: 0 };
  state.recorder = recorder;
  ui.recordButton.setAttribute('aria-pressed', 'true');
  ui.recordLabel.textContent = 'Stop recording';
  ui.recordTime.hidden = false;
  ui.recordTime.textContent = '0:00';
  announce('Recording. Press the button again to stop.');
  ui.dropZone.disabled = true;
  recorder.timer = setInterval(() => {
    const s = (performance.now() - started) / 1000;
    ui.recordTime.textContent = clock(s);
    if (s >= MAX_RECORDING_S) stopRecording();
  }, 250);
}

async function stopRecording() {
  const rec = state.recorder;
  if (!rec) return;
  state.recorder = null;
  clearInterval(rec.timer);
  const seconds = (performance.now() - rec.started) / 1000;
  rec.stream.getTracks().forEach((t) => t.stop());
  rec.source.disconnect();
  rec.node.disconnect();
  const rate = rec.context.sampleRate;
  await rec.context.close();
  ui.recordButton.setAttribute('aria-pressed', 'false');
  ui.recordLabel.textContent = 'Record from microphone';
  ui.recordTime.textContent = `${clock(seconds)} recorded`;
  ui.dropZone.disabled = false;
  if (!rec.chunks.length) {
    showAlert('Nothing was recorded', 'The microphone gave no sound. Check the browser\'s input device.');
    return;
  }
  resetSteps(true);
  step('encode', 'active');
  announce('Recording stopped. Encoding it as WAV.');
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const file = new File([encodeWav(rec.chunks, rate)], `recording-${stamp}.wav`, { type: 'audio/wav' });
  if (file.size > state.limits.max_upload_bytes) {
    failActiveStep();
    showAlert(ERROR_TITLES[413], `The recording is ${bytes(file.size)}; uploads are limited to ${bytes(state.limits.max_upload_bytes)}.`);
    return;
  }
  upload(file, true);
}

// ---------------------------------------------------------------------------------------------------------
// Wiring

ui.dropZone.addEventListener('click', () => ui.fileInput.click());
ui.fileInput.addEventListener('change', () => {
  const file = ui.fileInput.files && ui.fileInput.files[0];
  ui.fileInput.value = '';
  handleFile(file);
});

// Drops anywhere on the page count, so a near miss does not make the browser navigate away to the file.
let dragDepth = 0;
document.addEventListener('dragenter', (e) => {
  if (!e.dataTransfer || ![...e.dataTransfer.types].includes('Files')) return;
  e.preventDefault();
  dragDepth++;
  ui.dropZone.classList.add('dragover');
});
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = state.busy ? 'none' : 'copy';
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) ui.dropZone.classList.remove('dragover');
});
document.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  ui.dropZone.classList.remove('dragover');
  const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
  if (file) handleFile(file);
});

ui.recordButton.addEventListener('click', () => {
  if (state.recorder) stopRecording();
  else if (!state.busy) startRecording();
});

let redraw = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(redraw);
  redraw = requestAnimationFrame(drawAll);
}).observe(ui.result);
window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', drawAll);

loadHistory();
loadModel();
