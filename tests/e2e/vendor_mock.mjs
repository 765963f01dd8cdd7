// In-memory mocks of the four vendors' goals APIs, for the end-to-end tests of write-through saving.
// Mounted under one same-origin prefix (default /proxy) through server.mjs's prefix routes:
//   /proxy/pipedrive/v1/goals/find (GET), /v1/goals (POST), /v1/goals/{id} (PUT, DELETE)
//   /proxy/zendesk/api/v2/goals (GET, POST), /{id} (GET, PUT, DELETE)
//   /proxy/giosg/api/v5/orgs/{org}/goals (GET paged, POST), /{id} (GET, PUT, PATCH, DELETE)
//   /proxy/hubspot/crm/v3/objects/goal_targets (GET), /{id} (GET); read-only
// Every request is logged; failNext() makes the next matching request fail, hang or wait. Statuses and body
// shapes follow the seeds in /work/shared/seeds where they say something; what they leave open is marked
// "not in the seed" and follows goalpost's own GoalStore (widget/core/goal_store.cpp) where it has a choice.
// Node's standard library only. vendor_mock_check.mjs exercises it over HTTP.
// In a spec (run.mjs hands `routes` to startServer; the tests run in the same process, so they read the log):
//   const mock = vendorMock();  export const routes = mock.routes;
//   ... in each test: mock.reset(); mount the widget on `${baseUrl}/proxy/zendesk/api/v2/goals`; assert on mock.log.
import crypto from 'node:crypto';
import { STATUS_CODES } from 'node:http';

export const GIOSG_ORG = '8b6d1f3e-2c4a-4e5b-9a7c-0d1e2f3a4b5c';
const GIOSG_ROOM = 'f2a94c10-6d3b-4a8e-b1c7-5e0d9a3f7b21';
const VENDORS = ['pipedrive', 'zendesk', 'giosg', 'hubspot'];

//-----------------------------------------------------------------------------
// Default seed data, in each vendor's list-item shape
//-----------------------------------------------------------------------------

const DEFAULT_GOALS = {
  pipedrive: [
    { id: '3c9e5a7f1b2d4e6f8a0b1c2d3e4f5a6b', owner_id: 17, title: 'Demos booked, Q3',
      type: { name: 'activities_added', params: { activity_type_id: [4] } },
      assignee: { id: 17, type: 'person' }, expected_outcome: { target: 120, tracking_metric: 'quantity' },
      duration: { start: '2026-07-01', end: '2026-09-30' }, interval: 'monthly', is_active: true },
    { id: '9f0e1d2c3b4a59687766554433221100', owner_id: 17, title: 'Won revenue, EMEA',
      type: { name: 'deals_won', params: { pipeline_id: [2] } },
      assignee: { id: 5, type: 'team' }, expected_outcome: { target: 250000, tracking_metric: 'sum', currency_id: 1 },
      duration: { start: '2026-01-01', end: '2026-12-31' }, interval: 'quarterly', is_active: true },
    { id: 'b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2', owner_id: 17, title: 'Deals into negotiation',
      type: { name: 'deals_progressed', params: { pipeline_id: [2], stage_id: 9 } },
      assignee: { id: 1, type: 'company' }, expected_outcome: { target: 40, tracking_metric: 'quantity' },
      duration: { start: '2026-01-05', end: null }, interval: 'weekly', is_active: true },
  ],
  zendesk: [
    { id: 101, name: 'Pricing page viewed', description: 'Chat led to the pricing page', enabled: 1,
      attribution_model: 'last_touch', attribution_period: 7,
      settings: { conditions: [{ type: 'url', operator: 'contains', value: '/pricing' }] } },
    { id: 102, name: 'Order confirmed', description: 'Reached the thank-you page', enabled: 1,
      attribution_model: 'first_touch', attribution_period: 30,
      settings: { conditions: [
        { type: 'url', operator: 'equals', value: 'https://shop.example.com/order/thanks' },
        { type: 'url', operator: 'contains', value: 'order=done' }] } },
    { id: 103, name: 'Trial form opened', description: '', enabled: 0,
      attribution_model: 'last_touch', attribution_period: 14,
      settings: { conditions: [{ type: 'url', operator: 'contains', value: 'trial' }] } },
  ],
  giosg: [
    { id: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b', name: 'Visited the price list', organization_id: GIOSG_ORG,
      is_any_room_allowed: true, allowed_rooms: [], default_value: '5.00',
      conditions: [{ type: 1, negate: false, settings: {}, value: '/prices' }],
      created_at: '2026-02-03T08:15:00.000Z', created_by_user_id: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a',
      updated_at: '2026-02-03T08:15:00.000Z', updated_by_user_id: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a' },
    { id: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d', name: 'Booked a meeting', organization_id: GIOSG_ORG,
      is_any_room_allowed: false, allowed_rooms: [GIOSG_ROOM], default_value: '25.00',
      conditions: [{ type: 27, negate: false, settings: {}, value: '' }],
      created_at: '2026-03-10T12:00:00.000Z', created_by_user_id: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a',
      updated_at: '2026-04-01T09:30:00.000Z', updated_by_user_id: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a' },
    { id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f', name: 'Left the checkout', organization_id: GIOSG_ORG,
      is_any_room_allowed: true, allowed_rooms: [], default_value: null,
      conditions: [{ type: 1, negate: true, settings: {}, value: '/checkout/done' }],
      created_at: '2026-05-20T16:45:00.000Z', created_by_user_id: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a',
      updated_at: '2026-05-20T16:45:00.000Z', updated_by_user_id: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a' },
  ],
  hubspot: [
    hubspotRecord('61230001', 'New MRR, Q3', '30000.00', 'CURRENCY', { hs_goal_target_currency_code: 'EUR' }),
    hubspotRecord('61230002', 'Calls logged, Q3', '400', 'COUNT', { hs_kpi_value: '152' }),
    hubspotRecord('61230003', 'Win rate, Q3', '35', 'PERCENTAGE', { hs_kpi_metric_type: 'AVG' }),
  ],
};

function hubspotRecord(id, name, target, unit, more) {
  const created = '2026-06-20T10:00:00.000Z', updated = '2026-07-02T14:30:00.000Z';
  return {
    id,
    properties: {
      hs_goal_name: name, hs_target_amount: target, hs_kpi_unit_type: unit,
      hs_start_datetime: '2026-07-01T00:00:00Z', hs_end_datetime: '2026-10-01T00:00:00Z',
      hs_assignee_user_id: '7001', hs_createdate: created, hs_lastmodifieddate: updated, hs_object_id: id, ...more,
    },
    createdAt: created, updatedAt: updated, archived: false,
  };
}

//-----------------------------------------------------------------------------
// Vendor shapes: paths, error bodies, validation
//-----------------------------------------------------------------------------

// Each vendor's paths (after /<prefix>/<vendor>): a collection, an item, and the methods each takes.
const PATHS = {
  pipedrive: { re: /^\/v1\/goals(?:\/(find)|\/([^/]+))?$/, collection: ['POST'], find: ['GET'], item: ['PUT', 'DELETE'] },
  zendesk: { re: /^\/api\/v2\/goals(?:\/([^/]+))?$/, collection: ['GET', 'POST'], item: ['GET', 'PUT', 'DELETE'] },
  giosg: { re: /^\/api\/v5\/orgs\/([^/]+)\/goals(?:\/([^/]+))?$/, collection: ['GET', 'POST'], item: ['GET', 'PUT', 'PATCH', 'DELETE'] },
  hubspot: { re: /^\/crm\/v3\/objects\/goal_targets(?:\/([^/]+))?$/, collection: ['GET'], item: ['GET'] },
};

const HUBSPOT_CATEGORY = { 400: 'VALIDATION_ERROR', 401: 'INVALID_AUTHENTICATION', 403: 'MISSING_SCOPES',
  404: 'OBJECT_NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'CONFLICT', 412: 'PRECONDITION_FAILED', 415: 'UNSUPPORTED_MEDIA_TYPE' };

// A vendor-shaped error body. fields: { field: message } for validation errors (giosg lists them per field).
// None of the seeds shows an error body: these follow each vendor's usual shape and goalpost's GoalStore.
export function errorBody(vendor, status, message = STATUS_CODES[status] || 'error', fields = null) {
  switch (vendor) {
    case 'pipedrive': return { success: false, error: message, error_info: `HTTP ${status}`, data: null, additional_data: null };
    case 'zendesk':
      return { error: status === 404 ? 'RecordNotFound' : status === 400 ? 'RecordInvalid' : STATUS_CODES[status], description: message };
    case 'giosg':
      if (status === 400) return fields ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])) : { non_field_errors: [message] };
      return { detail: message };
    default:
      return { status: 'error', message, correlationId: crypto.randomUUID(), category: HUBSPOT_CATEGORY[status] || 'INTERNAL_ERROR' };
  }
}

const get = (obj, dotted) => dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
const missing = (obj, fields) => fields.filter((f) => get(obj, f) === undefined || get(obj, f) === null || get(obj, f) === '');
const notOneOf = (obj, field, values) => get(obj, field) !== undefined && !values.includes(get(obj, field));

// { field: message } for what the seed says a goal must have; empty when it is acceptable.
const VALIDATE = {
  pipedrive(g) {  // pipedrive-goals-v1: assignee, type, expected_outcome, duration, interval are required on add
    const out = {};
    for (const f of missing(g, ['assignee.id', 'assignee.type', 'type.name', 'expected_outcome.target',
      'expected_outcome.tracking_metric', 'duration.start', 'interval'])) out[f] = `${f} is required`;
    const enums = { 'assignee.type': ['person', 'company', 'team'], interval: ['weekly', 'monthly', 'quarterly', 'yearly'],
      'expected_outcome.tracking_metric': ['quantity', 'sum'],
      'type.name': ['deals_won', 'deals_progressed', 'activities_completed', 'activities_added', 'deals_started', 'revenue_forecast'] };
    for (const [f, values] of Object.entries(enums)) if (!out[f] && notOneOf(g, f, values)) out[f] = `${f} must be one of ${values.join(', ')}`;
    return out;
  },
  zendesk(g) {  // zendesk-chat-goals-v2: nothing is mandatory, but the values have ranges
    const out = {};
    if (notOneOf(g, 'attribution_model', ['first_touch', 'last_touch'])) out.attribution_model = 'attribution_model must be first_touch or last_touch';
    const period = g.attribution_period;
    if (period !== undefined && !(Number.isInteger(Number(period)) && period >= 1 && period <= 30)) out.attribution_period = 'attribution_period must be 1 to 30';
    (get(g, 'settings.conditions') || []).forEach((c, i) => {
      if (c.type !== 'url') out[`settings.conditions.${i}.type`] = 'condition type must be url';
      else if (!['equals', 'contains'].includes(c.operator)) out[`settings.conditions.${i}.operator`] = 'operator must be equals or contains';
      else if (c.operator === 'equals' && !/^https?:\/\//.test(String(c.value))) out[`settings.conditions.${i}.value`] = 'an equals value must start with http:// or https://';
    });
    return out;
  },
  giosg(g) {  // giosg-goals-v5: name, the room scope and conditions are required
    const out = {};
    const anyRoom = g.is_any_room_allowed ?? g.allow_any_room;
    if (!g.name) out.name = 'This field is required.';
    if (typeof anyRoom !== 'boolean') out.is_any_room_allowed = 'This field is required.';
    if (!Array.isArray(g.conditions)) out.conditions = 'This field is required.';
    if (anyRoom === false && !(Array.isArray(g.allowed_rooms) && g.allowed_rooms.length)) out.allowed_rooms = 'This field is required unless any room is allowed.';
    return out;
  },
};

// Zendesk: at most five active goals (an absent `enabled` counts as enabled, as goalpost's reader reads it).
const ZENDESK_ACTIVE_LIMIT = 5;
const zendeskActive = (g) => g.enabled === undefined || g.enabled === true || Number(g.enabled) === 1;

const READ_ONLY = {
  pipedrive: ['id', 'owner_id'], zendesk: ['id'],
  giosg: ['id', 'organization_id', 'organization', 'created_at', 'created_by_user_id', 'created_by_user',
    'updated_at', 'updated_by_user_id', 'updated_by_user'],
};
const withoutReadOnly = (vendor, body) => Object.fromEntries(Object.entries(body).filter(([k]) => !READ_ONLY[vendor].includes(k)));

const hashed = (text) => crypto.createHash('sha1').update(text).digest('hex');
const pipedriveOk = (data, extra = {}) => ({ success: true, status_code: 20000, status_text: 'OK', service: 'statistics-goals-api', ...(data === undefined ? {} : { data }), ...extra });

//-----------------------------------------------------------------------------
// The mock
//-----------------------------------------------------------------------------

/**
 * vendorMock({ prefix, giosgOrg, pageSize }) → { routes, log, seed, goals, failNext, reset }.
 * routes: { '<prefix>/*': handler } for startServer (or a spec's `export const routes`).
 * log: every request, { at, vendor, method, path, query, headers, body, status } (status once answered).
 * seed(vendor, goals): replaces that vendor's goals (list-item shape); goals(vendor): a copy of them.
 * failNext(vendor, { method, path, status, body, headers, delayMs, hang }): the next request to that vendor
 *   (of that method, whose path contains `path`) answers `status` with `body` (default: the vendor's error
 *   shape), or never answers (hang), or waits delayMs first (with no status: then answers normally).
 * reset(): default goals, empty log, no pending faults, hung requests closed.
 * pageSize: the giosg and HubSpot page size (2, so the default goals make two pages).
 */
export function vendorMock({ prefix = '/proxy', giosgOrg = GIOSG_ORG, pageSize = 2 } = {}) {
  const log = [];
  const faults = [];
  const hung = new Set();
  let stores, created;

  // A goal's version is kept beside it, never in the body; the ETag is made from it.
  const etag = (vendor, entry) => `"${hashed(`${vendor}:${entry.goal.id}:${entry.rev}`).slice(0, 16)}"`;
  const clone = (x) => structuredClone(x);

  function seed(vendor, goals) {
    stores[vendor] = goals.map((g) => ({ goal: clone(g), rev: 1 }));
    if (vendor === 'giosg') stores.giosg.sort((a, b) => String(a.goal.created_at).localeCompare(String(b.goal.created_at)));
  }
  function reset() {
    stores = {};
    created = 0;
    for (const v of VENDORS) seed(v, DEFAULT_GOALS[v]);
    log.length = 0;
    faults.length = 0;
    for (const res of hung) res.destroy();
    hung.clear();
  }
  const goals = (vendor) => stores[vendor].map((e) => clone(e.goal));
  const failNext = (vendor, fault = {}) => { faults.push({ vendor, ...fault }); };

  function newId(vendor) {
    const h = hashed(`${vendor}:created:${++created}`);
    if (vendor === 'pipedrive') return h.slice(0, 32);
    if (vendor === 'zendesk') return Math.max(100, ...stores.zendesk.map((e) => Number(e.goal.id))) + 1;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  function send(res, entry, status, body, headers = {}) {
    entry.status = status;
    const hasBody = body !== undefined && status !== 204 && status !== 304;
    res.writeHead(status, { 'cache-control': 'no-store', ...(hasBody ? { 'content-type': 'application/json; charset=utf-8' } : {}), ...headers });
    res.end(hasBody ? JSON.stringify(body) : undefined);
  }

  async function handler(req, res, url) {
    try {
      await handle(req, res, url);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`vendor mock failed: ${error.stack}`);
    }
  }

  async function handle(req, res, url) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body;
    try { body = raw ? JSON.parse(raw) : undefined; } catch { body = raw; }
    const rest = url.pathname.slice(prefix.length);
    const vendor = VENDORS.find((v) => rest.startsWith(`/${v}/`));
    const entry = { at: performance.now(), vendor, method: req.method, path: url.pathname,
      query: Object.fromEntries(url.searchParams), headers: { ...req.headers }, body, status: undefined };
    log.push(entry);
    if (!vendor) return send(res, entry, 404, { error: `no vendor mock at ${url.pathname}` });

    const i = req.method === 'OPTIONS' ? -1 : faults.findIndex((f) => f.vendor === vendor &&
      (!f.method || f.method.toUpperCase() === req.method) && (!f.path || url.pathname.includes(f.path)));
    const fault = i >= 0 ? faults.splice(i, 1)[0] : null;
    if (fault && fault.hang) {
      hung.add(res);
      res.on('close', () => hung.delete(res));
      return;
    }
    if (fault && fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && fault.status) return send(res, entry, fault.status, fault.body ?? errorBody(vendor, fault.status), fault.headers);

    const answer = (status, b, headers) => send(res, entry, status, b, headers);
    const fail = (status, message, fields) => answer(status, errorBody(vendor, status, message, fields));
    if (req.headers.origin && new URL(req.headers.origin).host !== req.headers.host) return fail(403, 'cross-origin request refused');
    if (raw && !/^application\/json\b/.test(req.headers['content-type'] || '')) return fail(415, 'the body must be application/json');
    if (typeof body === 'string') return fail(400, 'the body is not valid JSON');
    if (body !== undefined && (typeof body !== 'object' || Array.isArray(body) || body === null)) return fail(400, 'the body must be a JSON object');
    return route(vendor, rest.slice(vendor.length + 1), req, url, body, answer, fail);
  }

  function route(vendor, path, req, url, body, answer, fail) {
    const spec = PATHS[vendor];
    const m = spec.re.exec(path);
    if (!m) return fail(404, `no such path: ${path}`);
    let kind, id;
    if (vendor === 'pipedrive') [kind, id] = m[1] ? ['find'] : m[2] ? ['item', m[2]] : ['collection'];
    else if (vendor === 'giosg') {
      if (m[1] !== giosgOrg) return fail(403, 'You do not have access to this organization.');
      [kind, id] = m[2] ? ['item', m[2]] : ['collection'];
    } else [kind, id] = m[1] ? ['item', m[1]] : ['collection'];
    const allowed = [...spec[kind], 'OPTIONS'].join(', ');
    if (req.method === 'OPTIONS') return answer(204, undefined, { allow: allowed });
    if (!spec[kind].includes(req.method)) {
      const message = vendor === 'hubspot' ? 'goal_targets are read-only here' : `${req.method} is not offered on this path`;
      return answer(405, errorBody(vendor, 405, message), { allow: allowed });
    }
    const store = stores[vendor];
    if (kind === 'find') return pipedriveFind(url, answer, fail);
    if (kind === 'collection' && req.method === 'GET') return list(vendor, url, answer, fail);
    if (kind === 'collection') return create(vendor, body || {}, answer, fail);

    const entry = store.find((e) => String(e.goal.id) === id);
    if (!entry) return fail(404, vendor === 'giosg' ? 'Not found.' : `no goal with id ${id}`);
    const tag = etag(vendor, entry);
    if (req.method === 'GET') {
      if (req.headers['if-none-match'] === tag) return answer(304, undefined, { etag: tag });
      return answer(200, vendor === 'hubspot' ? hubspotView(entry.goal, url) : entry.goal, { etag: tag });
    }
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch !== '*' && !ifMatch.split(',').map((t) => t.trim().replace(/^W\//, '')).includes(tag))
      return fail(412, 'the goal was changed since that version (If-Match does not match its ETag)');
    if (req.method === 'DELETE') {
      store.splice(store.indexOf(entry), 1);
      // pipedrive-goals-v1: 200 with the envelope and no data; zendesk-chat-goals-v2: 204; giosg: not in the seed, 204.
      return vendor === 'pipedrive' ? answer(200, pipedriveOk(undefined)) : answer(204);
    }
    return update(vendor, entry, req.method, body || {}, answer, fail);
  }

  function pipedriveFind(url, answer, fail) {
    const q = Object.fromEntries(url.searchParams);
    if (('period.start' in q) !== ('period.end' in q)) return fail(400, 'period.start and period.end must be given together');
    const active = (q.is_active ?? 'true') === 'true';  // the seed: is_active defaults to true
    const filters = Object.entries(q).filter(([k]) => !['is_active', 'period.start', 'period.end', 'start', 'limit'].includes(k));
    const found = stores.pipedrive.map((e) => e.goal).filter((g) => Boolean(g.is_active) === active &&
      filters.every(([k, v]) => String(get(g, k)) === v) &&
      (!q['period.start'] || (g.duration.start <= q['period.end'] && (!g.duration.end || g.duration.end >= q['period.start']))));
    // Not in the seed: paging as Pipedrive's other v1 lists do it (start, limit; all goals when no limit).
    const start = Number(q.start || 0), limit = Number(q.limit || found.length || 1);
    const more = start + limit < found.length;
    answer(200, pipedriveOk({ goals: found.slice(start, start + limit) }, {
      additional_data: { pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) } } }));
  }

  function list(vendor, url, answer, fail) {
    const all = stores[vendor].map((e) => e.goal);
    if (vendor === 'zendesk') return answer(200, all);  // a bare array
    if (vendor === 'giosg') {
      const page = Number(url.searchParams.get('page') || 1);
      const pages = Math.max(1, Math.ceil(all.length / pageSize));
      if (!Number.isInteger(page) || page < 1 || page > pages) return fail(404, 'Invalid page.');
      // next and previous are the vendor's own absolute URLs: a widget behind a proxy must rebase them.
      const base = `https://service.giosg.com/api/v5/orgs/${giosgOrg}/goals`;
      return answer(200, {
        next: page < pages ? `${base}?page=${page + 1}` : null,
        previous: page > 1 ? (page === 2 ? base : `${base}?page=${page - 1}`) : null,
        results: all.slice((page - 1) * pageSize, page * pageSize),
      });
    }
    const after = Number(url.searchParams.get('after') || 0);  // hubspot: an opaque cursor (here an offset)
    const limit = Number(url.searchParams.get('limit') || pageSize);
    const next = after + limit < all.length ? String(after + limit) : null;
    const link = (a) => `https://api.hubapi.com/crm/v3/objects/goal_targets?after=${a}&limit=${limit}`;
    answer(200, { results: all.slice(after, after + limit).map((g) => hubspotView(g, url)),
      ...(next ? { paging: { next: { after: next, link: link(next) } } } : {}) });
  }

  // hubspot-goal-targets: without ?properties= a record carries only the default properties.
  function hubspotView(record, url) {
    const asked = (url.searchParams.get('properties') || 'hs_createdate,hs_lastmodifieddate,hs_object_id').split(',');
    const properties = Object.fromEntries(asked.filter((p) => p in record.properties).map((p) => [p, record.properties[p]]));
    return { ...record, properties };
  }

  function create(vendor, body, answer, fail) {
    const fields = VALIDATE[vendor](body);
    if (Object.keys(fields).length) return fail(400, Object.values(fields).join('; '), fields);
    if (vendor === 'zendesk' && zendeskActive(body) && stores.zendesk.filter((e) => zendeskActive(e.goal)).length >= ZENDESK_ACTIVE_LIMIT)
      return fail(400, 'Goals limit exceeded');
    const now = new Date().toISOString();
    const goal = { id: newId(vendor), ...withoutReadOnly(vendor, body) };
    if (vendor === 'pipedrive') Object.assign(goal, { owner_id: 17, is_active: body.is_active ?? true });
    if (vendor === 'giosg') Object.assign(goal, { organization_id: giosgOrg, created_at: now, updated_at: now });
    const entry = { goal, rev: 1 };
    stores[vendor].push(entry);
    // pipedrive-goals-v1: an add answers 200 ({data: {goal}}); zendesk-chat-goals-v2 and giosg-goals-v5: 201.
    if (vendor === 'pipedrive') return answer(200, pipedriveOk({ goal }), { etag: etag(vendor, entry) });
    answer(201, goal, { etag: etag(vendor, entry) });
  }

  function update(vendor, entry, method, body, answer, fail) {
    // giosg PUT replaces the goal (so it is validated as a create is); PATCH and the others' PUT merge the
    // given top-level fields into it.
    const editable = withoutReadOnly(vendor, body);
    const kept = Object.fromEntries(Object.entries(entry.goal).filter(([k]) => READ_ONLY[vendor].includes(k)));
    const next = vendor === 'giosg' && method === 'PUT' ? { ...kept, ...editable } : { ...entry.goal, ...editable };
    const fields = VALIDATE[vendor](next);
    if (Object.keys(fields).length) return fail(400, Object.values(fields).join('; '), fields);
    if (vendor === 'zendesk' && zendeskActive(next) && !zendeskActive(entry.goal) &&
        stores.zendesk.filter((e) => zendeskActive(e.goal)).length >= ZENDESK_ACTIVE_LIMIT)
      return fail(400, 'Goals limit exceeded');
    if (vendor === 'giosg') next.updated_at = new Date().toISOString();
    entry.goal = next;
    entry.rev++;
    answer(200, vendor === 'pipedrive' ? pipedriveOk({ goal: next }) : next, { etag: etag(vendor, entry) });
  }

  reset();
  return { routes: { [`${prefix}/*`]: handler }, log, seed, goals, failNext, reset };
}
