// Checks vendor_mock.mjs over real HTTP, without a browser: lists, creates, updates, deletes, Zendesk's
// five-goal limit, failNext statuses, hangs and delays, If-Match, giosg's absolute next link, the log.
//   node tests/e2e/vendor_mock_check.mjs      (exit status non-zero on any failure)
// With GOALPOST_CLI=path/to/goalpost it also runs `goalpost validate` on each vendor's default list.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { vendorMock, GIOSG_ORG } from './vendor_mock.mjs';

const mock = vendorMock();
const server = await startServer({ mounts: {}, routes: mock.routes });
const P = `${server.url}/proxy`;
const PD = `${P}/pipedrive/v1/goals`, ZD = `${P}/zendesk/api/v2/goals`;
const GI = `${P}/giosg/api/v5/orgs/${GIOSG_ORG}/goals`, HS = `${P}/hubspot/crm/v3/objects/goal_targets`;

async function call(method, url, body, headers = {}) {
  const res = await fetch(url, { method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const checks = {
  async 'Pipedrive: find, add (hex id, 200), required fields, update, delete'() {
    let r = await call('GET', `${PD}/find`);
    assert.equal(r.status, 200);
    assert.equal(r.body.success, true);
    assert.equal(r.body.data.goals.length, 3);
    assert.equal(r.body.additional_data.pagination.more_items_in_collection, false);
    r = await call('GET', `${PD}/find?limit=2`);
    assert.deepEqual([r.body.data.goals.length, r.body.additional_data.pagination.next_start], [2, 2]);
    r = await call('GET', `${PD}/find?type.name=deals_won`);
    assert.deepEqual(r.body.data.goals.map((g) => g.title), ['Won revenue, EMEA']);

    const goal = { title: 'Calls made', assignee: { id: 17, type: 'person' }, type: { name: 'activities_completed', params: {} },
      expected_outcome: { target: 50, tracking_metric: 'quantity' }, duration: { start: '2026-12-01', end: null }, interval: 'weekly' };
    r = await call('POST', PD, goal, { authorization: 'Bearer pd-token' });
    assert.equal(r.status, 200, 'pipedrive-goals-v1 answers an add with 200');
    const id = r.body.data.goal.id;
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.ok(r.headers.get('etag'));
    const logged = mock.log.at(-1);
    assert.deepEqual([logged.method, logged.path, logged.headers.authorization, logged.body.title], ['POST', '/proxy/pipedrive/v1/goals', 'Bearer pd-token', 'Calls made']);

    r = await call('POST', PD, { title: 'No interval', ...{ ...goal, interval: undefined } });
    assert.equal(r.status, 400);
    assert.equal(r.body.success, false);
    assert.match(r.body.error, /interval is required/);

    r = await call('PUT', `${PD}/${id}`, { title: 'Calls made, renamed' });
    assert.equal(r.status, 200);
    assert.equal(r.body.data.goal.title, 'Calls made, renamed');
    assert.equal(r.body.data.goal.interval, 'weekly', 'PUT keeps the fields it does not name');
    r = await call('DELETE', `${PD}/${id}`);
    assert.deepEqual([r.status, r.body.success], [200, true]);
    assert.equal(mock.goals('pipedrive').length, 3);
    assert.equal((await call('PUT', `${PD}/${id}`, { title: 'x' })).status, 404);
    assert.equal((await call('GET', `${PD}/${mock.goals('pipedrive')[0].id}`)).status, 405, 'the seed has no GET of one goal');
  },

  async 'Zendesk: bare-array list, create (201, integer id), update, delete (204), value ranges'() {
    let r = await call('GET', ZD);
    assert.equal(r.status, 200);
    assert.ok(Array.isArray(r.body) && r.body.length === 3);
    r = await call('POST', ZD, { name: 'Docs read', enabled: 0, attribution_model: 'first_touch', attribution_period: 3,
      settings: { conditions: [{ type: 'url', operator: 'contains', value: '/docs' }] } });
    assert.equal(r.status, 201);
    assert.ok(Number.isInteger(r.body.id));
    const id = r.body.id;
    r = await call('PUT', `${ZD}/${id}`, { name: 'Docs read twice' });
    assert.deepEqual([r.status, r.body.name, r.body.attribution_period], [200, 'Docs read twice', 3]);
    r = await call('POST', ZD, { name: 'Bad', attribution_period: 31 });
    assert.equal(r.status, 400);
    assert.equal(r.body.error, 'RecordInvalid');
    assert.match(r.body.description, /attribution_period/);
    r = await call('POST', ZD, { name: 'Bad', settings: { conditions: [{ type: 'url', operator: 'equals', value: 'cart' }] } });
    assert.equal(r.status, 400);
    r = await call('DELETE', `${ZD}/${id}`);
    assert.deepEqual([r.status, r.body], [204, undefined]);
    assert.equal((await call('GET', `${ZD}/${id}`)).status, 404);
  },

  async 'Zendesk: at most five active goals, on create and on activation'() {
    for (let i = 0; i < 3; i++) assert.equal((await call('POST', ZD, { name: `Active ${i}`, enabled: 1 })).status, 201);
    let r = await call('POST', ZD, { name: 'Sixth', enabled: 1 });
    assert.equal(r.status, 400);
    assert.equal(r.body.description, 'Goals limit exceeded');
    r = await call('POST', ZD, { name: 'Sixth, no enabled field' });
    assert.equal(r.status, 400, 'an absent enabled counts as enabled');
    assert.equal((await call('POST', ZD, { name: 'Disabled', enabled: 0 })).status, 201);
    r = await call('PUT', `${ZD}/103`, { enabled: 1 });
    assert.deepEqual([r.status, r.body.description], [400, 'Goals limit exceeded']);
    assert.equal((await call('PUT', `${ZD}/101`, { name: 'Still active' })).status, 200, 'editing an active goal is fine');
  },

  async 'giosg: paged list with an absolute next link, create (201, UUID), field errors, PATCH, PUT, DELETE'() {
    let r = await call('GET', GI);
    assert.equal(r.status, 200);
    assert.equal(r.body.next, `https://service.giosg.com/api/v5/orgs/${GIOSG_ORG}/goals?page=2`);
    assert.equal(r.body.previous, null);
    assert.equal(r.body.results.length, 2);
    r = await call('GET', `${GI}?page=2`);
    assert.deepEqual([r.body.next, r.body.results.length], [null, 1]);
    assert.equal(r.body.previous, `https://service.giosg.com/api/v5/orgs/${GIOSG_ORG}/goals`);
    assert.equal((await call('GET', `${GI}?page=3`)).status, 404);
    assert.equal((await call('GET', `${P}/giosg/api/v5/orgs/another-org/goals`)).status, 403);

    r = await call('POST', GI, { name: 'Opened chat', is_any_room_allowed: true, allowed_rooms: [],
      conditions: [{ type: 1, negate: false, settings: {}, value: '/chat' }] });
    assert.equal(r.status, 201);
    assert.match(r.body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(r.body.organization_id, GIOSG_ORG);
    const id = r.body.id;
    r = await call('POST', GI, { is_any_room_allowed: true, conditions: [] });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, { name: ['This field is required.'] });
    r = await call('PATCH', `${GI}/${id}`, { name: 'Opened the chat' });
    assert.deepEqual([r.status, r.body.name, r.body.conditions.length], [200, 'Opened the chat', 1]);
    r = await call('PUT', `${GI}/${id}`, { name: 'Only a name' });
    assert.equal(r.status, 400, 'PUT replaces, so it needs a whole goal');
    assert.ok(r.body.conditions && r.body.is_any_room_allowed);
    assert.equal((await call('DELETE', `${GI}/${id}`)).status, 204);
    assert.equal((await call('GET', `${GI}/${id}`)).status, 404);
  },

  async 'HubSpot: read-only goal_targets with paging.next.after and requested properties'() {
    const props = 'hs_goal_name,hs_target_amount,hs_start_datetime,hs_end_datetime,hs_kpi_unit_type';
    let r = await call('GET', `${HS}?properties=${props}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.results.length, 2);
    assert.equal(r.body.paging.next.after, '2');
    assert.equal(r.body.results[0].properties.hs_goal_name, 'New MRR, Q3');
    assert.ok(Object.values(r.body.results[0].properties).every((v) => typeof v === 'string'));
    r = await call('GET', `${HS}?properties=${props}&after=${r.body.paging.next.after}`);
    assert.deepEqual([r.body.results.length, r.body.paging], [1, undefined]);
    r = await call('GET', `${HS}/61230001`);
    assert.deepEqual(Object.keys(r.body.properties).sort(), ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'], 'only the defaults when none are asked for');
    r = await call('POST', HS, { properties: {} });
    assert.equal(r.status, 405);
    assert.equal(r.body.status, 'error');
    assert.match(r.headers.get('allow'), /GET/);
  },

  async 'failNext answers each status with the vendor error shape, then the next request is normal'() {
    const urls = { pipedrive: `${PD}/find`, zendesk: ZD, giosg: GI, hubspot: HS };
    const shape = {
      pipedrive: (b) => b.success === false && typeof b.error === 'string',
      zendesk: (b) => typeof b.error === 'string' && typeof b.description === 'string',
      giosg: (b) => typeof b.detail === 'string' || Array.isArray(b.non_field_errors),
      hubspot: (b) => b.status === 'error' && typeof b.message === 'string' && typeof b.category === 'string',
    };
    for (const [vendor, url] of Object.entries(urls)) {
      for (const status of [400, 401, 403, 404, 409, 412, 500]) {
        mock.failNext(vendor, { method: 'GET', status });
        const r = await call('GET', url);
        assert.equal(r.status, status, `${vendor} ${status}`);
        assert.ok(shape[vendor](r.body), `${vendor} ${status}: ${JSON.stringify(r.body)}`);
      }
      assert.equal((await call('GET', url)).status, 200, `${vendor}: one failure only`);
    }
    mock.failNext('zendesk', { method: 'PUT', status: 500 });
    assert.equal((await call('GET', ZD)).status, 200, 'a fault waits for its method');
    assert.equal((await call('PUT', `${ZD}/101`, { name: 'x' })).status, 500);
    mock.failNext('giosg', { status: 429, body: { detail: 'slow down' }, headers: { 'retry-after': '1' } });
    const r = await call('GET', GI);
    assert.deepEqual([r.status, r.body.detail, r.headers.get('retry-after')], [429, 'slow down', '1']);
  },

  async 'failNext hang never answers (the client times out); delayMs answers late'() {
    mock.failNext('pipedrive', { hang: true });
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 300);
    await assert.rejects(fetch(`${PD}/find`, { signal: abort.signal }), { name: 'AbortError' });
    clearTimeout(timer);
    assert.equal(mock.log.at(-1).status, undefined, 'logged, never answered');

    mock.failNext('zendesk', { delayMs: 300 });
    let t = performance.now();
    let r = await call('GET', ZD);
    assert.equal(r.status, 200);
    assert.ok(performance.now() - t >= 280, 'answered after the delay');
    mock.failNext('zendesk', { delayMs: 200, status: 500 });
    t = performance.now();
    r = await call('GET', ZD);
    assert.ok(r.status === 500 && performance.now() - t >= 180);
  },

  async 'ETag and If-Match: a stale version is refused with 412'() {
    let r = await call('GET', `${ZD}/101`);
    const v1 = r.headers.get('etag');
    assert.ok(v1);
    assert.equal((await call('GET', `${ZD}/101`, undefined, { 'if-none-match': v1 })).status, 304);
    r = await call('PUT', `${ZD}/101`, { name: 'Pricing page seen' }, { 'if-match': v1 });
    assert.equal(r.status, 200);
    const v2 = r.headers.get('etag');
    assert.notEqual(v2, v1);
    assert.equal(mock.log.at(-1).headers['if-match'], v1);
    r = await call('PUT', `${ZD}/101`, { name: 'Lost update' }, { 'if-match': v1 });
    assert.equal(r.status, 412);
    assert.equal(typeof r.body.description, 'string');
    assert.equal(mock.goals('zendesk').find((g) => g.id === 101).name, 'Pricing page seen');
    const pd = mock.goals('pipedrive')[0].id;
    r = await call('PUT', `${PD}/${pd}`, { title: 'x' }, { 'if-match': '"not-it"' });
    assert.deepEqual([r.status, r.body.success], [412, false]);
    r = await call('DELETE', `${GI}/${mock.goals('giosg')[0].id}`, undefined, { 'if-match': '"not-it"' });
    assert.equal(r.status, 412);
    assert.equal((await call('DELETE', `${ZD}/102`, undefined, { 'if-match': '*' })).status, 204);
  },

  async 'OPTIONS, non-JSON bodies, cross-origin requests, seed()'() {
    let r = await call('OPTIONS', `${GI}/x`);
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('allow'), 'GET, PUT, PATCH, DELETE, OPTIONS');
    r = await fetch(ZD, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'name=x' });
    assert.equal(r.status, 415);
    r = await fetch(ZD, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
    assert.equal(r.status, 400);
    assert.equal(mock.log.at(-1).body, '{"name": ', 'an unparsable body is logged as text');
    r = await call('POST', ZD, { name: 'x' }, { origin: 'https://elsewhere.example' });
    assert.equal(r.status, 403);
    mock.seed('zendesk', [{ id: 7, name: 'Only one', enabled: 1, settings: { conditions: [] } }]);
    assert.deepEqual((await call('GET', ZD)).body.map((g) => g.id), [7]);
    assert.equal((await call('POST', ZD, { name: 'Next' })).body.id, 101, 'created ids continue from 100 or the largest');
  },

  async 'default lists pass goalpost validate (when GOALPOST_CLI is set)'() {
    const cli = process.env.GOALPOST_CLI;
    if (!cli) return 'skipped: GOALPOST_CLI not set';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-mock-'));
    const hs = `${HS}?properties=hs_goal_name,hs_target_amount,hs_start_datetime,hs_end_datetime,hs_kpi_unit_type,` +
      'hs_kpi_metric_type,hs_kpi_value,hs_goal_target_currency_code,hs_assignee_user_id';
    const lists = { pipedrive: [`${PD}/find`], zendesk: [ZD], giosg: [GI, `${GI}?page=2`], hubspot: [hs, `${hs}&after=2`] };
    const out = [];
    for (const [vendor, urls] of Object.entries(lists)) {
      for (const [i, url] of urls.entries()) {
        const file = path.join(dir, `${vendor}-${i}.json`);
        fs.writeFileSync(file, JSON.stringify((await call('GET', url)).body));
        const report = JSON.parse(execFileSync(cli, ['validate', file]).toString());
        assert.equal(report.format, vendor);
        assert.ok(report.valid && !report.errors.length && !report.warnings.length, JSON.stringify(report));
        out.push(`${vendor} ${i + 1}: ${report.goals} goals valid, no warnings`);
      }
    }
    fs.rmSync(dir, { recursive: true });
    return out.join('\n    ');
  },
};

let failed = 0;
for (const [name, check] of Object.entries(checks)) {
  mock.reset();
  try {
    const note = await check();
    console.log(`ok     ${name}${note ? `\n    ${note}` : ''}`);
  } catch (error) {
    failed++;
    console.log(`FAILED ${name}\n  ${String(error.stack).split('\n').join('\n  ')}`);
  }
}
mock.reset();  // closes hung requests, so the server can close
await server.close();
console.log(`${Object.keys(checks).length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
