// Benchmarks of the shipped widget where it runs: headless Chromium (Debian's, through playwright-core, with
// SwiftShader for WebGL2, as in tests/e2e/run.mjs), timed with the page's monotonic clock (performance.now).
//   node browser.mjs --site DIR [--runs N] [--only NAME_PREFIX]
// Prints one JSON line per measurement in the protocol of tests/bench/bench.hpp; scripts/bench adds
// "platform":"browser" and runs it in the same run as the native and node benchmarks. Measures, never fails
// on speed; it fails only when a page does not do what is timed.
//
// - ui.browser.*_10k: the script time of the frame that does the work at 10,000 goals (the widget's
//   requestAnimationFrame callback: ImGui, the views and the WebGL calls), for new data (a goal added), a
//   search keystroke, a sort (the direction of the shown order toggled; the node figure beside it times a
//   sort by percent) and a wheel scroll; and one state() call (performance.now around it).
//   The frames' figure, which the targets are judged on (median_ms), comes from a Chromium trace: the
//   callback's main-thread CPU time (FireAnimationFrame's thread duration) plus the time it spent blocked in
//   a wait Chromium marks (ScopedBlockingCall*, which its waits on other threads and processes record: a
//   synchronous WebGL round trip to the GPU process, such as readPixels, shows as one and counts in full;
//   checked by adding a readPixels to each frame). What it leaves out is time the thread was runnable but
//   not running: on a shared 2-core machine the renderer is preempted mid-frame, about half the time by
//   SwiftShader's own threads drawing the frames on the CPU (docs/ui.md, Frame cost in the browser).
//   wall_ms beside it is the longest callback after each input by performance.now, which counts that too.
// - startup.*: from the loader's import to the end of the first frame with data, for one widget and for the
//   demo's four, beside a bare page that only makes a WebGL2 canvas and clears it, each on a fresh context
//   (nothing cached); and one widget again over an emulated slow network (150 ms round trips, 10 Mbit/s).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import { startServer } from '../e2e/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const siteDir = path.resolve(option('--site'));
const runs = Number(option('--runs', 15));
const only = option('--only', '');  // a name prefix: only those measurements (an A/B of one of them)
const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const GOALS = 10000;

// 10,000 Pipedrive goals made from the demo's first one, each with its own id, title and target.
async function manyGoals() {
  const demo = JSON.parse(await fs.readFile(path.join(siteDir, 'web/data/pipedrive-goals.json'), 'utf8'));
  const template = demo.data.goals[0];
  const goals = [];
  for (let i = 0; i < GOALS; ++i) {
    goals.push({ ...template, id: `g${i}`, title: `Goal ${i} ${i % 3 ? 'deals won' : 'revenue'}`,
                 expected_outcome: { ...template.expected_outcome, target: 100 + (i % 37) } });
  }
  return JSON.stringify({ success: true, data: { goals }, additional_data: { pagination: { more_items_in_collection: false } } });
}

// Every requestAnimationFrame callback is timed (its start and its script time); the page's own code runs
// before the loader is imported, so the widget's frame loop goes through it.
const FRAME_PROBE = `
  window.benchFrames = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => {
    const start = performance.now();
    callback(time);
    window.benchFrames.push([start, performance.now() - start]);
  });`;

function page(body, script) {
  return `<!doctype html><meta charset="utf-8"><title>bench</title><body style="margin:0">${body}
<script type="module">${script}</script>`;
}

const DEMO = {
  pipedrive: 'goals="/web/data/pipedrive-goals.json" deals="/web/data/pipedrive-deals.json" activities="/web/data/pipedrive-activities.json"',
  hubspot: 'goals="/web/data/hubspot-goal-targets.json"',
  giosg: 'goals="/web/data/giosg-goals.json" events="/web/data/giosg-events.jsonl" conversions="/web/data/giosg-matches.json"',
  zendesk: 'goals="/web/data/zendesk-goals.json" events="/web/data/zendesk-events.jsonl"',
};

// The first frame with data: the widget asks for its frame after dispatching `ready`, so a frame callback
// asked for in the handler runs just before it, and a task queued from there runs after it.
const STARTUP = `
  const t0 = performance.now();
  const widgets = [...document.querySelectorAll('goal-widget')];
  const drawn = widgets.map((w) => new Promise((resolve) => w.addEventListener('ready', () =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))), { once: true })));
  import('/web/goal-widget.js');
  Promise.all(drawn).then((times) => { window.benchResult = Math.max(...times) - t0; });`;

const BARE = `
  const t0 = performance.now();
  const canvas = document.createElement('canvas');
  canvas.style.cssText = 'display:block;width:100%;height:360px';
  document.body.append(canvas);
  const gl = canvas.getContext('webgl2');
  requestAnimationFrame(() => {
    gl.clearColor(1, 1, 1, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    setTimeout(() => { window.benchResult = performance.now() - t0; });
  });`;

const routes = {};
const goalsBody = await manyGoals();
const serve = (type, body) => (req, res) => { res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }); res.end(body); };
routes['/bench/goals-10k.json'] = serve('application/json', goalsBody);
routes['/bench/bare.html'] = serve('text/html', page('', BARE));
routes['/bench/one.html'] = serve('text/html', page(`<goal-widget ${DEMO.pipedrive} as-of="2026-11-20" style="height:360px"></goal-widget>`, STARTUP));
routes['/bench/four.html'] = serve('text/html', page(Object.values(DEMO).map((a) => `<goal-widget ${a} as-of="2026-11-20" style="height:360px"></goal-widget>`).join(''), STARTUP));
routes['/bench/many.html'] = serve('text/html', page('<goal-widget goals="/bench/goals-10k.json" as-of="2026-11-20" style="height:700px"></goal-widget>',
  FRAME_PROBE + "\nimport('/web/goal-widget.js');"));

const server = await startServer({ mounts: { '/': siteDir }, routes });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1];
}

function report(name, values, extra = {}) {
  console.log(JSON.stringify({ bench: name, median_ms: Number(median(values).toFixed(4)), runs: values.length, bytes: 0, items: 0, ...extra }));
}

// A visitor's network rather than the loopback's: 150 ms round trips, 10 Mbit/s down (Chromium's emulation,
// per request), where the goals requested during the wasm's download can show (docs/network.md).
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 };

async function startup(name, url, network) {
  if (!name.startsWith(only)) return;
  const times = [];
  for (let i = 0; i < Math.max(5, runs >> 1); ++i) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const p = await context.newPage();
    if (network) {
      const cdp = await context.newCDPSession(p);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    await p.goto(server.url + url);
    await p.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 60000 });
    times.push(await p.evaluate(() => window.benchResult));
    await context.close();
  }
  report(name, times);
}

// The frames' trace: FireAnimationFrame (a requestAnimationFrame callback, with its thread time), the
// marks that start each run, and the waits Chromium marks as blocking (the base category).
const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'base'];

// Per run, the script time of the frame after its mark that had the most: thread time plus the time blocked
// in marked waits (the outermost one where they nest; its own thread time is already in the frame's).
function scriptPerRun(trace, name) {
  const events = trace.traceEvents;
  const marks = events.filter((e) => /^bench-run-\d+$/.test(e.name)).sort((a, b) => a.ts - b.ts);
  if (!marks.length) throw new Error(`${name}: the trace has no run marks`);
  const { pid, tid } = marks[0];
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const callbacks = mine.filter((e) => e.name === 'FireAnimationFrame');
  const waits = mine.filter((e) => e.name.startsWith('ScopedBlockingCall')).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  return marks.map((mark, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].ts : Infinity;
    const scripts = callbacks.filter((f) => f.ts >= mark.ts && f.ts < end).map((f) => {
      if (f.tdur === undefined) throw new Error(`${name}: the trace has no thread times`);
      let blocked = 0, reached = -Infinity;
      for (const w of waits) {
        if (w.ts < f.ts || w.ts + w.dur > f.ts + f.dur || w.ts < reached) continue;
        blocked += w.dur - (w.tdur || 0);
        reached = w.ts + w.dur;
      }
      return (f.tdur + blocked) / 1000;
    });
    if (!scripts.length) throw new Error(`${name}: no frame callback in the trace after run ${i}`);
    return Math.max(...scripts);
  });
}

// Runs `act` `runs` times, each time waiting until the widget is idle again, and reports the frame that did
// the most script work after each action (from a trace), beside the longest frame by the page's clock.
async function frames(p, name, act) {
  const longest = [];
  await browser.startTracing(p, { categories: TRACE_CATEGORIES });
  for (let i = 0; i < runs; ++i) {
    const from = await p.evaluate((run) => { performance.mark(`bench-run-${run}`); return window.benchFrames.length; }, i);
    await act(i);
    // Polled from a timer, not from animation frames: a poll must not land inside the frames it times.
    await p.waitForFunction(() => document.querySelector('goal-widget').state().loop_paused, null, { timeout: 60000, polling: 25 });
    const durations = await p.evaluate((n) => window.benchFrames.slice(n).map((f) => f[1]), from);
    if (!durations.length) throw new Error(`${name}: the widget drew no frame`);
    longest.push(Math.max(...durations));
  }
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  report(name, scriptPerRun(trace, name), { items: GOALS, wall_ms: Number(median(longest).toFixed(4)) });
}

async function uiAtTenThousand() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const p = await context.newPage();
  await p.goto(server.url + '/bench/many.html');
  await p.waitForFunction(() => {
    const w = document.querySelector('goal-widget');
    return w && typeof w.state === 'function' && w.state().ready && w.state().loop_paused;
  }, null, { timeout: 120000 });
  const state = await p.evaluate(() => document.querySelector('goal-widget').state());
  if (state.goal_count !== GOALS) throw new Error(`the widget read ${state.goal_count} goals, not ${GOALS}`);
  const box = await p.locator('goal-widget canvas').boundingBox();
  const at = (name) => { const r = state.controls[name]; return [box.x + (r[0] + r[2]) / 2, box.y + (r[1] + r[3]) / 2]; };

  const stateTimes = [];
  for (let i = 0; i < runs; ++i) {
    stateTimes.push(await p.evaluate(() => {
      const t = performance.now();
      document.querySelector('goal-widget').state();
      return performance.now() - t;
    }));
  }
  report('ui.browser.state_10k', stateTimes, { items: GOALS });

  await p.mouse.move(box.x + 500, box.y + 400);
  await frames(p, 'ui.browser.scrolling_10k', () => p.mouse.wheel(0, 120));
  // A goal added is new data for the view: filters and progress are made again. The call itself (the
  // workspace's add, the events it dispatches and the mirror they refresh) is timed too.
  const addTimes = [];
  await frames(p, 'ui.browser.new_data_10k', async (i) => {
    addTimes.push(await p.evaluate((n) => {
      const t = performance.now();
      document.querySelector('goal-widget').add({
        title: `Added ${n}`, assignee: { id: 1202, type: 'person' }, type: { name: 'deals_won', params: {} },
        expected_outcome: { target: 10, tracking_metric: 'quantity' }, duration: { start: '2026-01-01', end: null },
        interval: 'monthly' });
      return performance.now() - t;
    }, i));
  });
  report('ui.browser.add_call_10k', addTimes, { items: GOALS });
  const [sx, sy] = at('filter.search');
  await p.mouse.click(sx, sy);
  await frames(p, 'ui.browser.search_10k', (i) => p.keyboard.press(i % 2 ? 'Backspace' : '7'));
  const [dx, dy] = at('filter.direction');
  await frames(p, 'ui.browser.sort_10k', () => p.mouse.click(dx, dy));
  await context.close();
}

try {
  await startup('startup.bare_webgl2_canvas', '/bench/bare.html');
  await startup('startup.one_widget', '/bench/one.html');
  await startup('startup.four_widgets', '/bench/four.html');
  await startup('startup.one_widget_slow_network', '/bench/one.html', SLOW_NETWORK);
  if ('ui.browser.'.startsWith(only) || only.startsWith('ui.browser.')) await uiAtTenThousand();
} finally {
  await browser.close();
  await server.close();
}
