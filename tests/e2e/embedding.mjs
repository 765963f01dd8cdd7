// Embedding: several widgets on one page, a strict CSP, the accessibility mirror, sub-path hosting.
import fs from 'node:fs/promises';
import path from 'node:path';
import { assert, waitForReady } from './helpers.mjs';

const DEMO_WIDGETS = {
  pipedrive: (d) => d.data.goals.length,
  hubspot: (d) => new Set(d.results.map((r) => r.properties.hs_group_correlation_uuid)).size,
  giosg: (d) => d.results.length,
  zendesk: (d) => d.length,
};
const DEMO_FILES = {
  pipedrive: 'pipedrive-goals.json', hubspot: 'hubspot-goal-targets.json', giosg: 'giosg-goals.json', zendesk: 'zendesk-goals.json',
};

async function expectedCounts(siteDir) {
  const counts = {};
  for (const [id, count] of Object.entries(DEMO_WIDGETS)) {
    counts[id] = count(JSON.parse(await fs.readFile(path.join(siteDir, 'web/data', DEMO_FILES[id]), 'utf8')));
  }
  return counts;
}

export const tests = {
  async 'every demo widget renders its own data, sharing one compiled module'({ page, baseUrl, siteDir }) {
    const wasmRequests = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasmRequests.push(r.url()); });
    await page.goto(`${baseUrl}/index.html`);
    const expected = await expectedCounts(siteDir);
    for (const [id, count] of Object.entries(expected)) {
      const state = await waitForReady(page, `#${id}`);
      assert.equal(state.goal_count, count, `${id}: goal count`);
    }
    assert.equal(wasmRequests.length, 1, `goalpost.wasm fetched ${wasmRequests.length} times`);
  },

  async 'two widgets do not interfere'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/index.html`);
    const a = await waitForReady(page, '#pipedrive');
    const b = await waitForReady(page, '#zendesk');
    assert.notDeepEqual(a.goals.map((g) => g.title), b.goals.map((g) => g.title));
    // Input to one widget wakes only that one.
    await page.waitForFunction(() => ['#pipedrive', '#zendesk'].every((s) => document.querySelector(s).state().loop_paused));
    const framesA = (await page.evaluate(() => document.querySelector('#pipedrive').state())).frames_drawn;
    const framesB = (await page.evaluate(() => document.querySelector('#zendesk').state())).frames_drawn;
    const box = await page.locator('#pipedrive canvas').boundingBox();
    await page.mouse.move(box.x + 30, box.y + 30);
    await page.mouse.move(box.x + 50, box.y + 50);
    await page.waitForFunction((n) => document.querySelector('#pipedrive').state().frames_drawn > n, framesA);
    await page.waitForFunction(() => document.querySelector('#pipedrive').state().loop_paused);
    const after = await page.evaluate(() => document.querySelector('#zendesk').state());
    assert.equal(after.frames_drawn, framesB, 'the other widget drew frames');
  },

  async 'the demo works under a strict CSP with no eval in the bundle'({ page, baseUrl, siteDir }) {
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (document.cspViolations ||= []).push(`${e.violatedDirective}: ${e.blockedURI}`);
      });
    });
    await page.goto(`${baseUrl}/index.html`);
    await waitForReady(page, '#pipedrive');
    await waitForReady(page, '#giosg');
    const violations = await page.evaluate(() => document.cspViolations || []);
    assert.deepEqual(violations, []);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
    for (const file of ['web/goal-widget.js', 'web/goalpost.js']) {
      const code = await fs.readFile(path.join(siteDir, file), 'utf8');
      assert.doesNotMatch(code, /\beval\s*\(|new\s+Function\s*\(/, `${file} contains eval or new Function`);
    }
  },

  async 'the accessibility mirror carries every goal as text'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/index.html`);
    const state = await waitForReady(page, '#pipedrive');
    const items = await page.$$eval('#pipedrive [role=list] li', (lis) => lis.map((li) => li.textContent));
    assert.equal(items.length, state.goal_count);
    state.goals.forEach((goal, i) => assert.ok(items[i].startsWith(goal.title), `mirror item ${i}: ${items[i]}`));
    const live = await page.$eval('#pipedrive [aria-live=polite]', (el) => el.getAttribute('role'));
    assert.equal(live, 'status');
    const describedBy = await page.$eval('#pipedrive canvas', (c) => c.getAttribute('aria-describedby'));
    assert.ok(await page.$(`#${describedBy}`), 'the canvas is described by the mirror');
  },

  async 'the site works from a sub-path'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/sub/path/index.html`);
    const state = await waitForReady(page, '#hubspot');
    assert.ok(state.goal_count > 0);
  },

  async 'methods answer through the module bridge, and bad calls fail clearly'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/e2e/blank.html`);
    const outcome = await page.evaluate(async () => {
      const { mount } = await import('/web/goal-widget.js');
      const host = document.body.appendChild(document.createElement('div'));
      const handle = await mount(host, { goals: '/web/data/zendesk-goals.json' });
      const failure = (fn) => { try { fn(); return null; } catch (e) { return e.code; } };
      return {
        dark: handle.call('set_theme', { theme: 'dark' }),
        badTheme: failure(() => handle.call('set_theme', { theme: 'purple' })),
        unknown: failure(() => handle.call('no_such_method')),
      };
    });
    assert.deepEqual(outcome, { dark: 'dark', badTheme: 'bad_theme', unknown: 'unknown_method' });
  },

  async 'deals and activities load beside the goals and drive computed progress'({ page, baseUrl, siteDir }) {
    const deals = JSON.parse(await fs.readFile(path.join(siteDir, 'web/data/pipedrive-deals.json'), 'utf8'));
    // The month shown is the clock's: pinned inside the demo data (which runs to 2026-11-20).
    await page.clock.setFixedTime(new Date('2026-06-15T12:00:00Z'));
    await page.goto(`${baseUrl}/index.html`);
    await waitForReady(page, '#pipedrive');
    await page.waitForFunction(() => {
      const s = document.querySelector('#pipedrive').state().event_sources || {};
      return s.deals && s.activities && !s.deals.loading && !s.activities.loading && s.deals.deals > 0;
    });
    await page.waitForFunction(() => document.querySelector('#pipedrive').state().loop_paused);
    const state = await page.evaluate(() => document.querySelector('#pipedrive').state());
    assert.equal(state.event_sources.deals.deals + state.event_sources.deals.ignored, deals.data.length);
    const computed = state.goals.filter((g) => typeof g.progress === 'number' && g.progress > 0);
    assert.ok(computed.length > 0, `no goal shows computed progress: ${JSON.stringify(state.goals)}`);
    for (const goal of computed) assert.ok(goal.status && goal.value_text, `goal ${goal.id} lacks its status or unit text`);
  },
};
