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

// The days a visitor may open the demo on: today as this was written, a year later, a leap day, both sides
// of a year boundary, and the spring and autumn clock changes of two zones.
const DEMO_DAYS = [
  { at: '2026-12-02T12:00:00Z' },
  { at: '2027-12-02T12:00:00Z' },
  { at: '2028-02-29T12:00:00Z', timezoneId: 'Pacific/Auckland' },
  { at: '2026-12-31T23:30:00Z', timezoneId: 'America/Los_Angeles' },
  { at: '2027-01-01T00:30:00Z', timezoneId: 'Asia/Tokyo' },
  { at: '2027-03-28T01:30:00Z', timezoneId: 'Europe/Berlin' },
  { at: '2027-11-07T06:30:00Z', timezoneId: 'America/New_York' },
];
const DEMO_AS_OF = '2026-11-20';

// Waits until a demo widget is ready and every data source it names has loaded and been drawn.
async function waitForLoaded(page, selector) {
  await waitForReady(page, selector);
  await page.waitForFunction((sel) => {
    const s = document.querySelector(sel).state();
    return s.ready && Object.values(s.event_sources || {}).every((source) => !source.loading) && s.loop_paused;
  }, selector, { timeout: 60000 });
  return page.evaluate((sel) => document.querySelector(sel).state(), selector);
}

// Clicks a control the widget's last frame drew (state().controls, CSS pixels from the canvas's corner).
async function clickControl(page, selector, name) {
  await page.waitForFunction(([sel, n]) => {
    const s = document.querySelector(sel).state();
    return s.loop_paused && s.controls && s.controls[n];
  }, [selector, name], { timeout: 10000 });
  const [x0, y0, x1, y1] = (await page.evaluate((sel) => document.querySelector(sel).state(), selector)).controls[name];
  const box = await page.locator(`${selector} canvas`).boundingBox();
  await page.mouse.click(box.x + (x0 + x1) / 2, box.y + (y0 + y1) / 2);
}

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
    // Closure minifies the glue in ADVANCED mode and renames object keys its externs do not know: the glyph
    // canvas's option must reach the browser by its name, or every glyph read-back goes through the GPU.
    const glue = await fs.readFile(path.join(siteDir, 'web/goalpost.js'), 'utf8');
    assert.match(glue, /getContext\("2d",\{willReadFrequently:/);
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

  async 'the demo shows the same believable progress on any day it is opened'({ browser, baseUrl }) {
    for (const day of DEMO_DAYS) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, timezoneId: day.timezoneId });
      try {
        await context.clock.setFixedTime(new Date(day.at));
        const page = await context.newPage();
        await page.goto(`${baseUrl}/index.html`);
        assert.equal(await page.evaluate(() => new Date().toISOString()), new Date(day.at).toISOString(), 'the page clock is pinned');
        for (const id of Object.keys(DEMO_WIDGETS)) {
          const where = `${id} on ${day.at} (${day.timezoneId || 'UTC'})`;
          const state = await waitForLoaded(page, `#${id}`);
          assert.equal(state.as_of, DEMO_AS_OF, `${where}: as-of`);
          assert.equal(state.tab, 'Overview', where);
          assert.deepEqual([state.period.start, state.period.end], ['2026-11-01', '2026-11-30'], `${where}: first period`);
          assert.equal(state.notice, null, `${where}: the first view has data`);
          const moving = state.goals.filter((g) => g.progress > 0 && !g.no_data);
          assert.ok(moving.length > 0, `${where}: no goal shows progress: ${JSON.stringify(state.goals)}`);
          // A goal with a target has a pace on the as-of day (goals without one have none to keep).
          for (const goal of state.goals.filter((g) => g.target > 0))
            assert.match(goal.status, /^(on track|behind|at risk)$/, `${where}: ${goal.title}`);
          const mirror = await page.$eval(`#${id} [role=list]`, (list) => list.previousElementSibling.textContent);
          assert.match(mirror, new RegExp(`As of ${DEMO_AS_OF}`), `${where}: the mirror says the as-of day`);
        }
      } finally {
        await context.close();
      }
    }
  },

  async "the demo's as-of day is the last day of its data"({ page, baseUrl }) {
    await page.goto(`${baseUrl}/index.html`);
    for (const id of ['pipedrive', 'giosg', 'zendesk']) {
      const state = await waitForLoaded(page, `#${id}`);
      assert.ok(state.data_span, `${id}: no data span`);
      const last = new Date(state.data_span.last).toISOString().slice(0, 10);
      assert.ok(last <= DEMO_AS_OF, `${id}: data after the as-of day (${last})`);
    }
    const lastDays = await page.evaluate(() => ['pipedrive', 'giosg', 'zendesk'].map((id) =>
      new Date(document.querySelector(`#${id}`).state().data_span.last).toISOString().slice(0, 10)));
    assert.equal(lastDays.sort().pop(), DEMO_AS_OF, 'some demo data is from the as-of day itself');
  },

  async 'without an as-of day, a period after the data names the last day with data and goes there'({ page, baseUrl }) {
    await page.clock.setFixedTime(new Date('2027-01-15T10:00:00Z'));
    await page.goto(`${baseUrl}/e2e/blank.html`);
    await page.evaluate(async () => {
      await import('/web/goal-widget.js');
      const host = document.createElement('goal-widget');
      host.id = 'late';
      host.style.height = '420px';
      for (const [name, value] of Object.entries({
        goals: '/web/data/pipedrive-goals.json', deals: '/web/data/pipedrive-deals.json',
        activities: '/web/data/pipedrive-activities.json', currencies: '{"1": "USD", "2": "EUR"}', locale: 'en-GB',
      })) host.setAttribute(name, value);
      document.body.appendChild(host);
    });
    const state = await waitForLoaded(page, '#late');
    assert.equal(state.as_of, null);
    assert.deepEqual([state.period.start, state.period.end], ['2027-01-01', '2027-01-31']);
    assert.equal(state.notice, 'No data in January 2027. The last day with data is 20/11/2026.');
    assert.ok(state.goals.length > 0 && state.goals.every((g) => g.no_data && g.status === 'no data'), JSON.stringify(state.goals));
    const mirror = await page.$eval('#late [role=list]', (list) => list.previousElementSibling.textContent);
    assert.equal(mirror, state.notice);
    const items = await page.$$eval('#late [role=list] li', (lis) => lis.map((li) => li.textContent));
    assert.ok(items.some((item) => /: no data in this period, target /.test(item)), items.join('\n'));
    // A goal whose duration ended before the period says so instead of "no data".
    assert.ok(items.includes('Won deals, Nordics pipeline: ended 31 Dec 2026, target 120 deals'), items.join('\n'));

    await clickControl(page, '#late', 'period.nearest_data');
    await page.waitForFunction(() => document.querySelector('#late').state().period.start === '2026-11-01');
    const november = await waitForLoaded(page, '#late');
    assert.equal(november.notice, null);
    assert.ok(november.goals.some((g) => g.progress > 0 && !g.no_data), JSON.stringify(november.goals));
  },

  async 'HubSpot goals read as HubSpot means them: currency from the records, an average against its limit'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/index.html`);
    const state = await waitForLoaded(page, '#hubspot');
    const byTitle = Object.fromEntries(state.goals.map((g) => [g.title, g]));
    const revenue = byTitle['New business revenue — Lars Eriksen'];
    assert.ok(revenue, JSON.stringify(state.goals.map((g) => g.title)));
    assert.match(revenue.value_text, /€/, `the currency is shown: ${revenue.value_text}`);
    // November: 3.2 h average against a 4 h lower-is-better limit is on track, not 80 % of a pro-rated count.
    const response = byTitle['Average ticket response time (hours)'];
    assert.ok(response, JSON.stringify(state.goals.map((g) => g.title)));
    assert.equal(response.progress, 3.2);
    assert.equal(response.target, 4);
    assert.equal(response.status, 'on track');
  },
};
