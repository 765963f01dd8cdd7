// Live attributes: a change after mount reloads or redraws only what it concerns, in the same module
// instance and canvas; a widget moved in the document keeps its state; every event bubbles and is composed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, waitForIdle, waitForTheme } from './helpers.mjs';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'data');
const later = (ms, fn) => setTimeout(fn, ms);

export const routes = {
  // The first five of the demo deals: another deals URL, with fewer deals.
  '/live/deals-few.json': async (req, res) => {
    const deals = JSON.parse(await fs.readFile(path.join(dataDir, 'pipedrive-deals.json'), 'utf8'));
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ...deals, data: deals.data.slice(0, 5) }));
  },
  // Slower than the timeout the test sets.
  '/live/slow-goals.json': (req, res) => later(1500, () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"success": true, "data": {"goals": []}}');
  }),
};

// The demo data runs to 2026-11-20: the widget's clock is pinned inside it, so that the month shown has data.
async function openBlankPage(page, baseUrl) {
  await page.clock.setFixedTime(new Date('2026-06-15T12:00:00Z'));
  await page.goto(`${baseUrl}/e2e/blank.html`);
}

// Adds <goal-widget id="w"> with `attributes`; every event that reaches document.body from then on is
// recorded (once: the listeners are added with the page's first widget).
async function addWidget(page, attributes) {
  await page.evaluate(async (attrs) => {
    await import('/web/goal-widget.js');
    if (!window.__events) {
      for (const type of ['ready', 'data', 'error', 'goal-change', 'match']) {
        document.body.addEventListener(type, (e) => {
          window.__events.push({ type, detail: e.detail, bubbles: e.bubbles, composed: e.composed, target: e.target.id });
        });
      }
    }
    window.__events = [];
    const widget = document.createElement('goal-widget');
    widget.id = 'w';
    widget.style.height = '300px';
    for (const [name, value] of Object.entries(attrs)) widget.setAttribute(name, value);
    document.body.appendChild(widget);
    window.__canvas = widget.querySelector('canvas');
  }, attributes);
}

const state = (page) => page.evaluate(() => document.querySelector('#w').state());
const setAttribute = (page, name, value) => page.evaluate(([n, v]) => {
  const widget = document.querySelector('#w');
  if (v === null) widget.removeAttribute(n);
  else widget.setAttribute(n, v);
}, [name, value]);
const eventsOf = (page, type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);
const sameCanvas = (page) => page.evaluate(() => document.querySelector('#w canvas') === window.__canvas && window.__canvas.isConnected);

const waitForLang = (page, lang) => page.waitForFunction((l) => document.querySelector('#w').state().lang === l, lang);

async function waitForSources(page, names) {
  await page.waitForFunction((wanted) => {
    const s = document.querySelector('#w').state();
    return s.ready && wanted.every((n) => s.event_sources[n] && !s.event_sources[n].loading && s.event_sources[n].ignored !== undefined);
  }, names, { timeout: 60000 });
}

// Which paths the page fetched, in order.
function recordRequests(page) {
  const paths = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  return paths;
}
const countOf = (paths, suffix) => paths.filter((p) => p.endsWith(suffix)).length;

const PIPEDRIVE = {
  goals: '/web/data/pipedrive-goals.json',
  deals: '/web/data/pipedrive-deals.json',
  activities: '/web/data/pipedrive-activities.json',
  currencies: '{"1": "USD", "2": "EUR"}',
};
const REVENUE = 'b7d20a44';
const revenueOf = (s) => s.goals.find((g) => g.id === REVENUE);

export const tests = {
  async 'theme, period, as-of, locale, currencies, rates, teams, label and height change live, with no reload'({ page, baseUrl }) {
    const requests = recordRequests(page);
    await openBlankPage(page, baseUrl);
    await addWidget(page, { ...PIPEDRIVE, theme: 'light' });
    await waitForSources(page, ['deals', 'activities']);
    await waitForIdle(page, '#w');
    const fetched = requests.length;
    const before = await state(page);
    const revenue = (s) => s.goals.find((g) => g.id === REVENUE);
    assert.match(revenue(before).target_text, /45,000/);
    await waitForTheme(page, '#w canvas', 'light');

    await setAttribute(page, 'theme', 'dark');
    await waitForTheme(page, '#w canvas', 'dark');

    await setAttribute(page, 'period', '2026-01-01..2026-03-31');
    // state().period is the one the last frame drew.
    await page.waitForFunction(() => document.querySelector('#w').state().period.end === '2026-03-31');
    let s = await state(page);
    assert.equal(s.period.start, '2026-01-01');

    assert.match(revenue(s).target_text, /^€\d{1,3}(,\d{3})+$/);
    await setAttribute(page, 'locale', 'de-DE');
    // German's texts are a file the loader fetches first (lang/de.json); the locale applies once it is in.
    await waitForLang(page, 'de');
    assert.match(revenue(await state(page)).target_text, /^€\d{1,3}(\.\d{3})+$/, 'the German locale groups with dots');

    const quarter = () => page.evaluate((id) => document.querySelector('#w').results(id, '2026-01-01..2026-03-31'), REVENUE);
    assert.equal((await quarter()).currency, 'EUR');
    await setAttribute(page, 'currencies', '{"1": "EUR", "2": "USD"}');
    assert.equal((await quarter()).currency, 'USD');

    const withoutRates = await quarter();
    assert.ok(withoutRates.other_currency_events > 0, 'no deal in another currency to convert');
    await setAttribute(page, 'rates', '{"EUR": 1.08, "USD": 1}');
    const withRates = await quarter();
    assert.equal(withRates.currency_conversion, 'explicit_rate_table');
    assert.ok(withRates.totals.progress > withoutRates.totals.progress, 'the converted deals count');

    // A team goal counts its members' deals once the page says who is in the team.
    const team = await page.evaluate(() => document.querySelector('#w').add({
      title: 'Team wins', assignee: { id: 31, type: 'team' }, type: { name: 'deals_won', params: {} },
      expected_outcome: { target: 10, tracking_metric: 'quantity' }, duration: { start: '2026-01-01', end: null },
      interval: 'quarterly' }));
    const teamWins = () => page.evaluate((id) => document.querySelector('#w').results(id, '2026-01-01..2026-06-30').totals.progress,
                                         team.data.goal.id);
    assert.equal(await teamWins(), 0);
    await setAttribute(page, 'teams', '{"31": [1202, 1203]}');
    assert.ok(await teamWins() > 0, 'the team members\' deals do not count');

    await setAttribute(page, 'as-of', '2026-03-15');
    assert.equal((await state(page)).as_of, '2026-03-15');
    await setAttribute(page, 'as-of', null);
    assert.equal((await state(page)).as_of, null);

    await setAttribute(page, 'aria-label', 'Quarterly goals');
    assert.deepEqual(await page.evaluate(() => [
      document.querySelector('#w canvas').getAttribute('aria-label'),
      document.querySelector('#w [role=list]').getAttribute('aria-label')]), ['Quarterly goals', 'Quarterly goals']);
    await setAttribute(page, 'height', '200px');
    await page.waitForFunction(() => document.querySelector('#w canvas').getBoundingClientRect().height === 200);

    // Nothing was fetched again but German's texts, once, and it is the same module instance drawing into the
    // same canvas.
    s = await state(page);
    assert.deepEqual(requests.slice(fetched), ['/web/lang/de.json']);
    assert.equal(s.cycles, before.cycles);
    assert.ok(s.frames_drawn > before.frames_drawn);
    assert.ok(await sameCanvas(page), 'the canvas was replaced');
    assert.equal((await eventsOf(page, 'ready')).length, 1);
  },

  async 'a German page hears German: the goals\' sentences, statuses and the mirror; the locale option chooses over lang'({ page, baseUrl }) {
    await openBlankPage(page, baseUrl);
    // The element's closest lang attribute chooses over the document's (blank.html says lang="en").
    await page.evaluate(() => { document.body.lang = 'de'; });
    await addWidget(page, PIPEDRIVE);
    await waitForSources(page, ['deals', 'activities']);
    await waitForIdle(page, '#w');
    const s = await state(page);
    assert.equal(s.lang, 'de');
    const english = /\b(on track|behind|at risk|no pace|no target|no data|reached|missed|upcoming|ended|target|of)\b/;
    const german = new Set(['im Plan', 'im R\u00fcckstand', 'gef\u00e4hrdet', 'ohne Tempo', 'keine Daten']);
    assert.ok(s.goals.length > 0);
    for (const goal of s.goals) {
      assert.ok(german.has(goal.status), `${goal.id}: status ${goal.status}`);
      assert.ok(!english.test(goal.text.slice(goal.title.length)), `${goal.id}: ${goal.text}`);
      assert.ok(['on_track', 'behind', 'at_risk', 'unknown', 'no_data'].includes(goal.pace), goal.pace);
    }
    assert.ok(s.goals.some((g) => / von /.test(g.text)), 'no goal says "von"');
    assert.match(revenueOf(s).target_text, /^€\d{1,3}(\.\d{3})+$/, 'German groups with dots');
    assert.match(s.period.label, /^(Januar|Februar|M\u00e4rz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) 2026$/);
    // The mirror reads the same sentences, under a German label; the machine-facing fields stay English.
    const mirror = await page.evaluate(() => ({
      lines: [...document.querySelectorAll('#w [role=list] li')].map((li) => li.textContent),
      label: document.querySelector('#w [role=list]').getAttribute('aria-label'),
      canvas: document.querySelector('#w canvas').getAttribute('aria-label'),
    }));
    assert.deepEqual(mirror.lines, s.goals.map((g) => g.text));
    for (const line of mirror.lines) assert.ok(!english.test(line.slice(line.indexOf(':'))), line);
    assert.deepEqual([mirror.label, mirror.canvas], ['Ziele', 'Ziele']);
    assert.match(s.status, /^ready: pipedrive/);
    assert.equal(s.tab, 'Overview');

    // The locale option chooses over the lang attributes; a tag of another language gets English.
    await setAttribute(page, 'locale', 'fr-FR');
    await waitForLang(page, 'fr');
    let t = await state(page);
    assert.equal(t.lang, 'fr');
    assert.ok(t.goals.some((g) => / sur /.test(g.text)), JSON.stringify(t.goals.map((g) => g.text)));
    await setAttribute(page, 'locale', 'sv-SE');
    t = await state(page);
    assert.equal(t.lang, 'en');
    assert.ok(t.goals.every((g) => ['on track', 'behind', 'at risk', 'no pace', 'no data'].includes(g.status)));
  },

  async 'a changed data URL reloads that source only; a removed one takes its data away'({ page, baseUrl }) {
    const requests = recordRequests(page);
    await openBlankPage(page, baseUrl);
    await addWidget(page, PIPEDRIVE);
    await waitForSources(page, ['deals', 'activities']);
    const before = await state(page);
    assert.ok(before.event_sources.deals.deals > 5);
    const goalRequests = countOf(requests, 'pipedrive-goals.json');

    await setAttribute(page, 'deals', '/live/deals-few.json');
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'data' && e.detail.deals + e.detail.ignored === 5));
    const s = await state(page);
    assert.equal(s.event_sources.deals.deals + s.event_sources.deals.ignored, 5);
    assert.deepEqual(s.event_sources.activities, before.event_sources.activities);
    assert.equal(countOf(requests, 'pipedrive-goals.json'), goalRequests, 'the goals were fetched again');
    assert.equal(countOf(requests, 'pipedrive-activities.json'), 1, 'the activities were fetched again');
    assert.equal(countOf(requests, 'deals-few.json'), 1);

    const activitiesGoal = (st) => st.goals.find((g) => g.id === 'c0e51b19').progress;
    assert.ok(activitiesGoal(s) > 0);
    await setAttribute(page, 'activities', null);
    const after = await state(page);
    assert.equal(after.event_sources.activities, undefined);
    assert.equal(activitiesGoal(after), 0, 'the removed activities still count');
    assert.ok(await sameCanvas(page));
  },

  async 'goals, format and giosg codes read the goals again; refresh and timeout reach the loaders running'({ page, baseUrl }) {
    await openBlankPage(page, baseUrl);
    await addWidget(page, { goals: '/web/data/pipedrive-goals.json' });
    await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ready').length >= 1);

    await setAttribute(page, 'goals', '/web/data/zendesk-goals.json');
    await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ready').length >= 2);
    const ready = (await eventsOf(page, 'ready'))[1].detail;
    assert.equal(ready.vendor, 'zendesk');
    assert.equal((await state(page)).goal_count, ready.goals);

    // A format the page names is how the payload is read, instead of the vendor detected.
    await setAttribute(page, 'format', 'hubspot');
    await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ready').length >= 3);
    assert.equal((await eventsOf(page, 'ready'))[2].detail.vendor, 'hubspot');
    await setAttribute(page, 'format', null);
    await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ready').length >= 4);
    assert.equal((await eventsOf(page, 'ready'))[3].detail.vendor, 'zendesk');

    // Polling starts and stops without a remount.
    const cycles = (await state(page)).cycles;
    await setAttribute(page, 'refresh', '0.25');
    await page.waitForFunction((n) => document.querySelector('#w').state().cycles >= n + 2, cycles);
    await setAttribute(page, 'refresh', null);
    assert.equal((await state(page)).refresh_seconds, 0);

    // A shorter timeout, without retries, for the next load.
    await setAttribute(page, 'timeout', '0.3');
    await setAttribute(page, 'retries', '0');
    await setAttribute(page, 'goals', '/live/slow-goals.json');
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'error' && e.detail.stage === 'fetch'));
    const timedOut = (await eventsOf(page, 'error')).find((e) => e.detail.stage === 'fetch').detail;
    assert.match(timedOut.message, /timed out after 300 ms/);
    assert.equal((await state(page)).retries, 0);
    assert.ok(await sameCanvas(page));

    // giosg conditions need the page's code table: without it they are unsupported and match nothing.
    await page.evaluate(() => document.querySelector('#w').remove());
    await page.waitForFunction(() => !window.__canvas.isConnected);
    const codes = '{"codes": [{"code": 1, "field": "path", "op": "contains", "name": "path"}, {"code": 27, "field": "event_name", "op": "equals", "name": "event"}]}';
    await addWidget(page, { goals: '/web/data/giosg-goals.json', events: '/web/data/giosg-events.jsonl', 'giosg-codes': codes });
    await waitForSources(page, ['events']);
    const matches = (await state(page)).matches;
    assert.ok(matches > 0);
    await setAttribute(page, 'giosg-codes', null);
    await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ready').length >= 2);
    await page.waitForFunction(() => document.querySelector('#w').state().matches === 0);
    await setAttribute(page, 'giosg-codes', codes);
    await page.waitForFunction((n) => document.querySelector('#w').state().matches === n, matches);
  },

  async 'after each add, update and remove the goal list is what a list written afresh says, and the goals an edit left are the same objects'({ page, baseUrl }) {
    await openBlankPage(page, baseUrl);
    await addWidget(page, { ...PIPEDRIVE, period: 'month' });
    await waitForSources(page, ['deals', 'activities']);
    await waitForIdle(page, '#w');
    const steps = await page.evaluate((revenue) => {
      const w = document.querySelector('#w');
      const lines = () => [...w.querySelectorAll('[role=list] li')].map((li) => li.textContent);
      // Another period and back: every line is written again, from nothing the edits left.
      const afresh = () => {
        w.setAttribute('period', 'quarter');
        w.state();
        w.setAttribute('period', 'month');
        return w.state().goals;
      };
      const edits = [
        ['add', () => w.add({ title: 'Added at the end', assignee: { id: 7, type: 'person' }, type: { name: 'deals_won', params: {} },
                               expected_outcome: { target: 3, tracking_metric: 'quantity' }, duration: { start: '2026-01-01', end: null },
                               interval: 'monthly' })],
        ['update figures', () => w.update(revenue, { expected_outcome: { target: 90000 } })],
        ['update title', () => w.update(w.state().goals[1].id, { title: 'Renamed in the middle' })],
        ['remove the first', () => w.remove(w.state().goals[0].id)],
        ['add another', () => w.add({ title: 'Added again', assignee: { id: 7, type: 'person' }, type: { name: 'deals_won', params: {} },
                                    expected_outcome: { target: 5, tracking_metric: 'quantity' }, duration: { start: '2026-01-01', end: null },
                                    interval: 'monthly' })],
      ];
      return edits.map(([name, edit]) => {
        const before = w.state().goals;
        edit();
        const after = w.state().goals;
        const shown = lines();
        const kept = after.filter((g) => before.includes(g)).length;
        const unchanged = after.filter((g) => before.some((b) => JSON.stringify(b) === JSON.stringify(g))).length;
        return { name, after, shown, kept, unchanged, fresh: afresh() };
      });
    }, REVENUE);
    for (const { name, after, shown, kept, unchanged, fresh } of steps) {
      assert.deepEqual(after, fresh, `${name}: the list differs from one written afresh`);
      assert.deepEqual(shown, after.map((g) => g.text), `${name}: the mirror's lines`);
      // What the edit left is handed on as it was, not read again.
      assert.equal(kept, unchanged, `${name}: unchanged goals were read again`);
    }
    assert.ok(steps[1].after.find((g) => g.id === REVENUE).target_text.includes('90,000'), JSON.stringify(steps[1].after));
    assert.equal(steps[2].after[1].title, 'Renamed in the middle');
    assert.equal(steps[4].after.at(-1).title, 'Added again');
  },

  async 'attributes changed while the module loads are applied once it runs'({ page, baseUrl }) {
    await openBlankPage(page, baseUrl);
    await addWidget(page, { goals: '/web/data/pipedrive-goals.json', period: 'month' });
    await page.evaluate(() => document.querySelector('#w').setAttribute('period', '2026-01-01..2026-01-31'));
    await page.waitForFunction(() => document.querySelector('#w').state().ready);
    await page.waitForFunction(() => document.querySelector('#w').state().period.end === '2026-01-31');
    assert.equal((await state(page)).period.start, '2026-01-01');
  },

  async 'a widget moved to another parent keeps its module and state; a removed one stops'({ page, baseUrl }) {
    await openBlankPage(page, baseUrl);
    await addWidget(page, { goals: '/web/data/pipedrive-goals.json' });
    await page.waitForFunction(() => document.querySelector('#w').state().ready);
    const added = await page.evaluate(() => document.querySelector('#w').add({
      title: 'Moved along', assignee: { id: 7, type: 'person' }, type: { name: 'deals_won', params: {} },
      expected_outcome: { target: 3, tracking_metric: 'quantity' }, duration: { start: '2026-01-01', end: null },
      interval: 'monthly' }));
    const before = await state(page);
    await page.evaluate(() => {
      const aside = document.body.appendChild(document.createElement('aside'));
      aside.appendChild(document.querySelector('#w'));
    });
    // Past the task of the move: a removal would have destroyed the widget by then.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
    const after = await state(page);
    assert.equal(after.started, true);
    assert.equal(after.goal_count, before.goal_count);
    assert.ok(after.goals.some((g) => g.id === added.data.goal.id), 'the local edit was lost');
    assert.ok(after.frames_drawn >= before.frames_drawn, 'the module started again');
    assert.ok(await page.evaluate(() => document.querySelector('aside > #w canvas') === window.__canvas));

    await page.evaluate(() => { window.__removed = document.querySelector('#w'); window.__removed.remove(); });
    await page.waitForFunction(() => window.__removed.state().started === false && !window.__canvas.isConnected);
  },

  async 'every event bubbles and is composed, so an ancestor hears it'({ page, baseUrl }) {
    await openBlankPage(page, baseUrl);
    await addWidget(page, { goals: '/web/data/zendesk-goals.json', events: '/web/data/zendesk-events.jsonl', deals: '/nope.json' });
    await waitForSources(page, ['events']);
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'error'));
    await page.evaluate(() => {
      const widget = document.querySelector('#w');
      widget.update('302', { name: 'Trial sign-up, renamed' });
      widget.track({ visitor_id: 'bubbling', url: 'https://shop.example.org/checkout/thanks' });
    });
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual([...new Set(events.map((e) => e.type))].sort(), ['data', 'error', 'goal-change', 'match', 'ready']);
    for (const e of events) assert.deepEqual([e.type, e.bubbles, e.composed, e.target], [e.type, true, true, 'w']);
  },
};
