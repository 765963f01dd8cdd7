// Several goal sources in one widget, and edits that reach the vendor (issue: every vendor in one widget).
// The vendors are vendor_mock.mjs, served under /proxy on the test server: the same origin as the page, as a
// page's own proxy would be (the token stays on the server).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vendorMock } from './vendor_mock.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const mock = vendorMock();
export const routes = mock.routes;

const PIPEDRIVE = '/proxy/pipedrive/v1/goals/find';
const ZENDESK = '/proxy/zendesk/api/v2/goals';
const GIOSG = `/proxy/giosg/api/v5/orgs/8b6d1f3e-2c4a-4e5b-9a7c-0d1e2f3a4b5c/goals`;
const HUBSPOT = '/proxy/hubspot/crm/v3/objects/goal_targets';

// Mounts one widget on a blank page with `options` (URLs relative to the server); its events are recorded in
// window.__events, and the headers callback's requests in window.__headerRequests.
async function mountWidget(page, baseUrl, options) {
  mock.reset();
  await page.goto(`${baseUrl}/e2e/network.html`);
  await page.evaluate(async (opts) => {
    const { mount } = await import('/web/goal-widget.js');
    const host = document.getElementById('host');
    window.__events = [];
    window.__headerRequests = [];
    for (const type of ['ready', 'error', 'saved', 'goal-change']) host.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    opts.headers = async (request) => {
      window.__headerRequests.push(request);
      return { Authorization: 'Bearer page-token' };
    };
    window.__widget = await mount(host, opts);
  }, options);
}

const state = (page) => page.evaluate(() => window.__widget.state());
const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);
const waitFor = (page, predicate, arg, timeout = 20000) => page.waitForFunction(predicate, arg, { timeout, polling: 50 });
const waitForSources = (page, count) =>
  waitFor(page, (n) => window.__events.filter((e) => e.type === 'ready').length >= n, count);
const titles = (s) => s.goals.map((g) => g.title).sort();
const writes = (vendor) => mock.log.filter((r) => r.vendor === vendor && r.method !== 'GET');

// Calls a widget method in the page and reports how its Promise settled.
function settle(page, method, ...args) {
  return page.evaluate(async ({ method, args }) => {
    try {
      return { ok: true, value: await window.__widget[method](...args) };
    } catch (error) {
      return { ok: false, message: error.message, code: error.code, status: error.status, details: error.details || null };
    }
  }, { method, args });
}

// A port nothing listens on yet.
function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export const tests = {
  async 'the embedding guide\'s proxy example adds the server\'s token to loads and saves'({ baseUrl }) {
    mock.reset();
    const doc = await fs.readFile(path.join(here, '..', '..', 'docs', 'embedding.md'), 'utf8');
    const code = doc.match(/```js\n(\/\/ proxy\.mjs[\s\S]*?)```/)[1];
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gp-proxy-'));
    await fs.writeFile(path.join(dir, 'proxy.mjs'), code);
    const port = await freePort();
    const proxy = spawn(process.execPath, [path.join(dir, 'proxy.mjs')], {
      env: { ...process.env, PORT: String(port), PIPEDRIVE_TOKEN: 'pd-server-token', ZENDESK_TOKEN: 'zd-server-token',
             PIPEDRIVE_API: `${baseUrl}/proxy/pipedrive`, ZENDESK_API: `${baseUrl}/proxy/zendesk` },
      stdio: 'ignore',
    });
    try {
      const at = `http://127.0.0.1:${port}`;
      let list;
      for (let tries = 0; !list; tries++) {
        list = await fetch(`${at}/proxy/pipedrive/v1/goals/find`).catch((e) => {
          if (tries > 100) throw e;
          return new Promise((r) => setTimeout(r, 50)).then(() => undefined);
        });
      }
      assert.equal(list.status, 200);
      assert.equal((await list.json()).data.goals.length, 3);
      const put = await fetch(`${at}/proxy/zendesk/api/v2/goals/101`, {
        method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Via the proxy' }) });
      assert.equal(put.status, 200);
      assert.equal(mock.goals('zendesk')[0].name, 'Via the proxy');
      const [get, write] = [mock.log.find((r) => r.vendor === 'pipedrive'), mock.log.find((r) => r.vendor === 'zendesk')];
      assert.equal(get.headers['x-api-token'], 'pd-server-token');
      assert.equal(write.headers.authorization, 'Bearer zd-server-token');
      assert.equal(write.body.name, 'Via the proxy');
    } finally {
      proxy.kill();
      await fs.rm(dir, { recursive: true, force: true });
    }
  },

  async 'goals of two vendors show together, each source with its own status'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: `${PIPEDRIVE} ${ZENDESK}`, format: 'pipedrive zendesk' });
    await waitForSources(page, 2);
    const s = await state(page);
    assert.equal(s.sources.length, 2);
    assert.deepEqual(s.sources.map((x) => [x.vendor, x.goals, x.ready]), [['pipedrive', 3, true], ['zendesk', 3, true]]);
    assert.deepEqual(titles(s), [...mock.goals('pipedrive').map((g) => g.title), ...mock.goals('zendesk').map((g) => g.name)].sort());
    assert.match(s.status, /^ready: pipedrive, zendesk/);
    // The page's headers callback was asked for each source's load, with its URL.
    const asked = await page.evaluate(() => window.__headerRequests);
    assert.deepEqual(asked.map((r) => [new URL(r.url).pathname, r.method]).sort(), [[PIPEDRIVE, 'GET'], [ZENDESK, 'GET']].sort());
    assert.ok(mock.log.filter((r) => r.method === 'GET').every((r) => r.headers.authorization === 'Bearer page-token'));
  },

  async 'a source that fails is marked failed and the others stay shown'({ page, baseUrl }) {
    mock.reset();
    await mountWidget(page, baseUrl, { goals: `${ZENDESK} /proxy/zendesk/api/v2/nowhere`, retries: 0 });
    await waitFor(page, () => window.__events.some((e) => e.type === 'error') && window.__events.some((e) => e.type === 'ready'));
    const s = await state(page);
    assert.equal(s.goals.length, 3, 'the working source is shown');
    const failed = s.sources.find((x) => x.url.endsWith('/nowhere'));
    assert.equal(failed.ready, false);
    assert.match(failed.status, /^could not load goals/);
    assert.match(s.status, /ready: zendesk; .*could not load goals/);
    const [error] = await events(page, 'error');
    assert.match(error.detail.source, /\/nowhere$/);
  },

  async 'giosg next-page links to the vendor are followed through the page\'s proxy'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: `${GIOSG}?page=1` });
    await waitForSources(page, 1);
    const s = await state(page);
    assert.equal(s.goals.length, 3, 'both pages: the absolute vendor link was rebased onto the proxy');
    const lists = mock.log.filter((r) => r.vendor === 'giosg' && r.method === 'GET');
    assert.deepEqual(lists.map((r) => [r.path, r.query.page]), [[GIOSG, '1'], [GIOSG, '2']]);
  },

  async 'with saving on, an add reaches its vendor and the goal takes the vendor\'s id'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: `${PIPEDRIVE} ${ZENDESK}`, save: 'vendor' });
    await waitForSources(page, 2);
    const goal = { name: 'Newsletter signup', enabled: false, attribution_model: 'first_touch', attribution_period: 3,
                   settings: { conditions: [{ type: 'url', operator: 'contains', value: '/newsletter/thanks' }] } };
    // Two sources: an add must say which.
    const unnamed = await settle(page, 'add', goal);
    assert.equal(unnamed.ok, false);
    assert.equal(unnamed.code, 'ambiguous_source');
    // The vendor answers with an id the page could not have made up.
    mock.failNext('zendesk', { method: 'POST', status: 201, body: { ...goal, id: 9001, enabled: 0 } });
    const added = await settle(page, 'add', goal, { source: 'zendesk' });
    assert.equal(added.ok, true, JSON.stringify(added));
    assert.equal(added.value.name, 'Newsletter signup');
    const [post] = writes('zendesk');
    assert.equal(post.method, 'POST');
    assert.equal(post.path, ZENDESK);
    assert.equal(post.headers.authorization, 'Bearer page-token');
    assert.equal(post.body.name, 'Newsletter signup');
    assert.equal(post.body.id, undefined, 'a create does not send the page\'s own id');
    const s = await state(page);
    const shown = s.goals.find((g) => g.title === 'Newsletter signup');
    assert.equal(shown.id, String(added.value.id), 'the goal is known by the vendor\'s id');
    const [saved] = await events(page, 'saved');
    assert.equal(saved.detail.action, 'add');
    assert.equal(saved.detail.status, 201);
    assert.equal(saved.detail.id, '9001');
    assert.notEqual(saved.detail.local_id, '9001');
    // The next add goes to the mock's own store.
    const second = await settle(page, 'add', { ...goal, name: 'Second signup' }, { source: ZENDESK.replace(/^/, baseUrl) });
    assert.equal(second.ok, true, JSON.stringify(second));
    assert.ok(mock.goals('zendesk').some((g) => g.name === 'Second signup'));
  },

  async 'updates and removals reach the vendor the goal came from, with its method'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: `${PIPEDRIVE} ${GIOSG}`, save: 'vendor' });
    await waitForSources(page, 2);
    const [pipedriveGoal] = mock.goals('pipedrive');
    const renamed = await settle(page, 'update', pipedriveGoal.id, { title: 'Demos booked, Q3 (stretch)' });
    assert.equal(renamed.ok, true, JSON.stringify(renamed));
    const [put] = writes('pipedrive');
    assert.equal(put.method, 'PUT');
    assert.equal(put.path, `/proxy/pipedrive/v1/goals/${pipedriveGoal.id}`, 'the collection is the goals URL less /find');
    assert.equal(put.body.title, 'Demos booked, Q3 (stretch)');
    assert.equal(mock.goals('pipedrive')[0].title, 'Demos booked, Q3 (stretch)');

    const [giosgGoal] = mock.goals('giosg');
    const renamedGiosg = await settle(page, 'update', giosgGoal.id, { name: 'Saw the price list' });
    assert.equal(renamedGiosg.ok, true, JSON.stringify(renamedGiosg));
    assert.equal(writes('giosg')[0].method, 'PATCH');

    const removed = await settle(page, 'remove', giosgGoal.id);
    assert.equal(removed.ok, true, JSON.stringify(removed));
    const del = writes('giosg')[1];
    assert.deepEqual([del.method, del.path], ['DELETE', `${GIOSG}/${giosgGoal.id}`]);
    assert.ok(!mock.goals('giosg').some((g) => g.id === giosgGoal.id));
    assert.ok(!(await state(page)).goals.some((g) => g.id === giosgGoal.id));
    // Every write asked the page for headers with its own URL and method.
    const asked = await page.evaluate(() => window.__headerRequests.filter((r) => r.method !== 'GET').map((r) => r.method));
    assert.deepEqual(asked, ['PUT', 'PATCH', 'DELETE']);
  },

  async 'a refused write is rolled back, with the vendor\'s reason'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: PIPEDRIVE, save: 'vendor' });
    await waitForSources(page, 1);
    const [goal] = mock.goals('pipedrive');
    mock.failNext('pipedrive', { method: 'PUT', status: 400, body: { success: false, error: 'Target must be positive' } });
    const refused = await settle(page, 'update', goal.id, { title: 'Will not stick' });
    assert.equal(refused.ok, false);
    assert.equal(refused.status, 400);
    assert.match(refused.message, /Target must be positive/);
    const s = await state(page);
    assert.ok(s.goals.some((g) => g.title === goal.title), 'the title is back');
    assert.ok(!s.goals.some((g) => g.title === 'Will not stick'));
    const [error] = (await events(page, 'error')).filter((e) => e.detail.stage === 'save');
    assert.equal(error.detail.reverted, true);
    assert.equal(error.detail.action, 'update');
    assert.equal(writes('pipedrive').length, 1, 'a 400 is not retried');
  },

  async 'a write answered 401, 403 or 404 is undone, with the status and the vendor\'s reason'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: ZENDESK, save: 'vendor' });
    await waitForSources(page, 1);
    for (const [status, method, args] of [[401, 'PUT', ['update', 101, { name: 'x' }]],
                                          [403, 'DELETE', ['remove', 102]],
                                          [404, 'PUT', ['update', 103, { name: 'y' }]]]) {
      mock.failNext('zendesk', { method, status, body: { error: `refused with ${status}` } });
      const before = titles(await state(page));
      const outcome = await settle(page, ...args);
      assert.equal(outcome.ok, false, `${status}`);
      assert.equal(outcome.status, status);
      assert.match(outcome.message, new RegExp(`refused with ${status}`));
      assert.equal(outcome.details.reverted, true);
      assert.deepEqual(titles(await state(page)), before, `${status}: the goals are as before`);
    }
    assert.equal(writes('zendesk').length, 3, 'a 4xx is never retried');
  },

  async 'a 2xx that says it failed is a refusal, and a goal still being created cannot be changed yet'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: PIPEDRIVE, save: 'vendor' });
    await waitForSources(page, 1);
    const [goal] = mock.goals('pipedrive');
    mock.failNext('pipedrive', { method: 'PUT', status: 200, body: { success: false, error: 'Goal is locked' } });
    const locked = await settle(page, 'update', goal.id, { title: 'Locked?' });
    assert.equal(locked.ok, false);
    assert.match(locked.message, /Goal is locked/);
    assert.ok((await state(page)).goals.some((g) => g.title === goal.title));

    mock.failNext('pipedrive', { method: 'POST', delayMs: 1500 });
    const creating = page.evaluate(() => window.__widget.add({ title: 'Calls, Q4', assignee: { id: 17, type: 'person' },
      type: { name: 'activities_added', params: { activity_type_id: [1] } },
      expected_outcome: { target: 50, tracking_metric: 'quantity' },
      duration: { start: '2026-10-01', end: '2026-12-31' }, interval: 'monthly' }));
    const local = await page.evaluate(() => window.__widget.state().goals.find((g) => g.title === 'Calls, Q4').id);
    const early = await settle(page, 'update', local, { title: 'Too early' });
    assert.equal(early.ok, false);
    assert.equal(early.code, 'save_refused');
    assert.match(early.message, /still being created/);
    const created = await creating;
    assert.equal(created.success, true);
    assert.equal(writes('pipedrive').filter((r) => r.method === 'PUT').length, 1, 'only the locked update was sent');
    const shown = (await state(page)).goals.find((g) => g.title === 'Calls, Q4');
    assert.equal(shown.id, created.data.goal ? String(created.data.goal.id) : String(created.data.id));
  },

  async 'a second change of a goal whose first is still being saved is refused, and the first stands'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: ZENDESK, save: 'vendor' });
    await waitForSources(page, 1);
    mock.failNext('zendesk', { method: 'PUT', delayMs: 1000 });
    const first = page.evaluate(() => window.__widget.update(101, { name: 'First' }).then(() => 'saved', (e) => e.message));
    const second = await settle(page, 'update', 101, { name: 'Second' });
    assert.equal(second.ok, false);
    assert.equal(second.code, 'save_refused');
    assert.match(second.message, /still being saved/);
    assert.equal(await first, 'saved');
    assert.ok((await state(page)).goals.some((g) => g.title === 'First'));
    assert.deepEqual(writes('zendesk').map((r) => r.body.name), ['First']);
  },

  async 'a create that times out is undone and never sent twice'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: ZENDESK, save: 'vendor', timeout: 1, retries: 3 });
    await waitForSources(page, 1);
    mock.failNext('zendesk', { method: 'POST', hang: true });
    const before = (await state(page)).goals.length;
    const pending = page.evaluate(() => window.__widget.add({ name: 'Slow goal', enabled: false,
      settings: { conditions: [{ type: 'url', operator: 'contains', value: '/slow' }] } }).then(() => 'resolved', (e) => e.details));
    await waitFor(page, () => window.__widget.state().goals.some((g) => g.title === 'Slow goal'));  // shown at once
    const outcome = await pending;
    assert.equal(outcome.timed_out, true, JSON.stringify(outcome));
    assert.equal(outcome.reverted, true);
    assert.equal((await state(page)).goals.length, before);
    assert.equal(writes('zendesk').length, 1, 'a POST is never repeated');
  },

  async 'a server error on an update is retried, as idempotent requests are'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: ZENDESK, save: 'vendor', retries: 2 });
    await waitForSources(page, 1);
    mock.failNext('zendesk', { method: 'PUT', status: 503 });
    const updated = await settle(page, 'update', 101, { name: 'Pricing page seen' });
    assert.equal(updated.ok, true, JSON.stringify(updated));
    assert.deepEqual(writes('zendesk').map((r) => r.status), [503, 200]);
  },

  async 'a conflict reloads the goal\'s source and says so'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: GIOSG, save: 'vendor' });
    await waitForSources(page, 1);
    const gets = () => mock.log.filter((r) => r.vendor === 'giosg' && r.method === 'GET').length;
    const loads = gets();
    const [goal] = mock.goals('giosg');
    mock.failNext('giosg', { method: 'PATCH', status: 409, body: { detail: 'The goal was changed by someone else.' } });
    const refused = await settle(page, 'update', goal.id, { name: 'Mine' });
    assert.equal(refused.ok, false);
    assert.equal(refused.details.conflict, true);
    await waitFor(page, () => window.__events.filter((e) => e.type === 'ready').length >= 2);
    assert.ok(gets() > loads, 'the source was loaded again');
    assert.ok((await state(page)).goals.some((g) => g.title === goal.name));
  },

  async 'Zendesk\'s five-active-goal limit is refused before anything is sent'({ page, baseUrl }) {
    mock.reset();
    const active = (id) => ({ id, name: `Goal ${id}`, enabled: 1, attribution_model: 'last_touch', attribution_period: 7,
                             settings: { conditions: [{ type: 'url', operator: 'contains', value: `/p${id}` }] } });
    await page.goto(`${baseUrl}/e2e/network.html`);
    mock.seed('zendesk', [201, 202, 203, 204, 205].map(active));
    await page.evaluate(async (goals) => {
      const { mount } = await import('/web/goal-widget.js');
      window.__events = [];
      const host = document.getElementById('host');
      host.addEventListener('ready', (e) => window.__events.push({ type: 'ready', detail: e.detail }));
      window.__widget = await mount(host, { goals, save: 'vendor' });
    }, ZENDESK);
    await waitForSources(page, 1);
    const refused = await settle(page, 'add', { name: 'Sixth', enabled: true,
      settings: { conditions: [{ type: 'url', operator: 'contains', value: '/six' }] } });
    assert.equal(refused.ok, false);
    assert.match(refused.message, /Goals limit exceeded/);
    assert.equal(writes('zendesk').length, 0);
    assert.equal((await state(page)).goals.length, 5);
  },

  async 'the editor keeps what was typed when the vendor refuses it, with the reason at the field'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: GIOSG, save: 'vendor', height: '760px' });
    await waitForSources(page, 1);
    const [goal] = mock.goals('giosg');
    const canvas = page.locator('#host canvas');
    const box = await canvas.boundingBox();
    const clickControl = async (name) => {
      await waitFor(page, (n) => {
        const s = window.__widget.state();
        return s.loop_paused && s.controls && s.controls[n];
      }, name, 10000);
      const [x0, y0, x1, y1] = (await state(page)).controls[name];
      await page.mouse.click(box.x + (x0 + x1) / 2, box.y + (y0 + y1) / 2);
      // Taken in over a few frames: wait for the loop to go idle before typing.
      await waitFor(page, () => window.__widget.state().loop_paused, null, 10000);
    };
    await page.evaluate(() => window.__widget.show(null, 'editor'));
    await clickControl(`editor.goal:${goal.id}`);
    await clickControl('editor.title');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Price list, seen twice');
    await page.keyboard.press('Enter');
    mock.failNext('giosg', { method: 'PATCH', status: 400, body: { name: ['A goal with this name already exists.'] } });
    await clickControl('editor.save');
    await waitFor(page, () => window.__events.some((e) => e.type === 'error' && e.detail.stage === 'save'));
    await waitFor(page, () => window.__widget.state().loop_paused, null, 10000);
    const s = await state(page);
    assert.equal(s.editor.draft.title, 'Price list, seen twice', 'what the user typed stays');
    assert.deepEqual(s.editor.errors.map((e) => [e.path, e.message]), [['/title', 'A goal with this name already exists.']]);
    assert.match(s.editor.note, /^giosg did not take the change .*; it was undone\.$/);
    assert.ok(s.goals.some((g) => g.title === goal.name), 'the goal shown is the vendor\'s again');
    assert.equal(writes('giosg')[0].body.name, 'Price list, seen twice');
  },

  async 'a malformed lang attribute around the widget is passed over, and the mount still succeeds'({ page, baseUrl }) {
    mock.reset();
    await page.goto(`${baseUrl}/e2e/network.html`);
    const lang = await page.evaluate(async (goals) => {
      document.documentElement.lang = 'fr';
      document.body.lang = 'de_DE';  // as some CMSes write it: Intl refuses it
      const { mount } = await import('/web/goal-widget.js');
      const widget = await mount(document.getElementById('host'), { goals });
      return widget.state().lang;
    }, ZENDESK);
    assert.equal(lang, 'fr', 'the next usable tag further out');
  },

  async 'HubSpot goal targets are read-only: an edit is refused and nothing is sent'({ page, baseUrl }) {
    await mountWidget(page, baseUrl, { goals: `${HUBSPOT}?properties=hs_goal_name`, format: 'hubspot', save: 'vendor' });
    await waitForSources(page, 1);
    const s = await state(page);
    const refused = await settle(page, 'remove', s.goals[0].id);
    assert.equal(refused.ok, false);
    assert.equal(refused.status, 405);
    assert.equal(writes('hubspot').length, 0);
  },
};
