// The page's API on real demo data: every demo widget's data, the goal methods and their events, tracked
// matches announced in the live region, and the demo's URL tester.
import fs from 'node:fs/promises';
import path from 'node:path';
import { assert, waitForReady } from './helpers.mjs';

// Collects a widget's events of the given types on window.__events[selector].
async function recordEvents(page, selector, types) {
  await page.evaluate(({ sel, kinds }) => {
    const el = document.querySelector(sel);
    window.__events = window.__events || {};
    const list = (window.__events[sel] = []);
    for (const kind of kinds) el.addEventListener(kind, (e) => list.push({ type: kind, detail: e.detail }));
  }, { sel: selector, kinds: types });
}

const eventsOf = (page, selector) => page.evaluate((sel) => window.__events[sel], selector);

async function mirrorLines(page, selector) {
  return page.$$eval(`${selector} [role=list] li`, (items) => items.map((li) => li.textContent));
}

// The mirror is made from state(): each goal's line is the sentence the module made for it, which starts with
// its title, carries its figure and never reads "of 0".
function assertMirrorMatches(lines, state) {
  assert.equal(lines.length, state.goals.length, 'one mirror line per goal');
  state.goals.forEach((goal, i) => {
    assert.equal(lines[i], goal.text, `line ${i} is not the goal's sentence`);
    assert.ok(lines[i].startsWith(`${goal.title}: `), `line ${i} "${lines[i]}" is not about ${goal.title}`);
    assert.ok(!/\bof 0\b|0 \/ 0/.test(lines[i]), `line ${i} "${lines[i]}" reads "of 0"`);
    if (goal.target > 0 && goal.status !== 'no data') {
      const amounts = goal.value_text.split(' ')[0];
      assert.ok(lines[i].includes(amounts), `line ${i} "${lines[i]}" lacks its figure ${amounts}`);
    }
  });
}

async function waitForSources(page, selector, names) {
  await page.waitForFunction(({ sel, wanted }) => {
    const sources = document.querySelector(sel).state().event_sources || {};
    return wanted.every((name) => sources[name] && !sources[name].loading && sources[name].ignored !== undefined);
  }, { sel: selector, wanted: names }, { timeout: 60000 });
}

export const tests = {
  async 'every demo widget shows what its data says'({ page, baseUrl, siteDir }) {
    await page.goto(`${baseUrl}/index.html`);
    await waitForReady(page, '#pipedrive');
    await waitForSources(page, '#pipedrive', ['deals', 'activities']);
    await waitForReady(page, '#zendesk');
    await waitForSources(page, '#zendesk', ['events']);
    await waitForReady(page, '#giosg');
    await waitForSources(page, '#giosg', ['events', 'conversions']);
    const state = (sel) => page.evaluate((s) => document.querySelector(s).state(), sel);

    // The revenue goal names its currency by id; the page's currency map makes its EUR deals count.
    const pipedrive = await state('#pipedrive');
    const revenue = pipedrive.goals.find((g) => g.id === 'b7d20a44');
    assert.match(revenue.target_text, /€|EUR/, `the revenue target reads ${revenue.target_text}`);
    const firstQuarter = await page.evaluate(() => document.querySelector('#pipedrive').results('b7d20a44', '2026-01-01..2026-03-31'));
    assert.equal(firstQuarter.currency, 'EUR');
    assert.ok(firstQuarter.totals.progress > 0, 'no EUR deal counted for the revenue goal');

    // Condition goals are matched in the browser over the loaded event logs.
    const zendesk = await state('#zendesk');
    assert.ok(zendesk.matches > 0, 'no Zendesk goal matched the demo log');
    assert.ok(zendesk.event_sources.events.records > 100);
    const giosg = await state('#giosg');
    assert.ok(giosg.matches > 0, 'no giosg goal matched the demo log (is the code table applied?)');
    // giosg's external matches are linked to the sessions of the loaded log.
    const external = JSON.parse(await fs.readFile(path.join(siteDir, 'web/data/giosg-matches.json'), 'utf8'));
    assert.equal(giosg.event_sources.conversions.external_matches, external.length);
    assert.equal(giosg.event_sources.conversions.unlinked, 0);

    for (const sel of ['#pipedrive', '#zendesk', '#giosg']) assertMirrorMatches(await mirrorLines(page, sel), await state(sel));
  },

  async 'find, results and explain answer like the vendor APIs'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/index.html`);
    await waitForReady(page, '#pipedrive');
    await waitForSources(page, '#pipedrive', ['deals']);
    await waitForReady(page, '#zendesk');
    const answers = await page.evaluate(() => {
      const pd = document.querySelector('#pipedrive');
      const failure = (fn) => { try { fn(); return null; } catch (e) { return { code: e.code, status: e.status, path: e.path }; } };
      return {
        won: pd.find({ 'type.name': 'deals_won' }).data.goals.map((g) => g.id),
        badFilter: failure(() => pd.find({ 'type.name': 'deals_lost' })),
        results: pd.results('a1f3c9e2', '2026-01-01..2026-06-30'),
        halfPeriod: failure(() => pd.results('a1f3c9e2', { start: '2026-01-01' })),
        missing: failure(() => pd.results('nope', '2026-01-01..2026-01-31')),
        explain: document.querySelector('#zendesk').explain('https://shop.example.org/checkout/thanks'),
      };
    });
    assert.deepEqual(answers.won.sort(), ['a1f3c9e2', 'b7d20a44']);
    assert.equal(answers.badFilter.status, 400);
    assert.equal(answers.badFilter.path, '/type.name');
    assert.equal(answers.results.intervals.length, 2, 'two quarters in six months');
    const sum = answers.results.intervals.reduce((total, b) => total + b.progress, 0);
    assert.equal(sum, answers.results.totals.progress);
    assert.ok(sum > 0);
    assert.equal(answers.halfPeriod.status, 400);
    assert.equal(answers.missing.status, 404);
    const checkout = answers.explain.goals.find((g) => g.goal === '301');
    assert.equal(checkout.verdict, 'match');
  },

  async 'add, update and remove change the widget and fire goal-change'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/index.html`);
    const before = await waitForReady(page, '#pipedrive');
    await recordEvents(page, '#pipedrive', ['goal-change', 'error']);
    const created = await page.evaluate(() => document.querySelector('#pipedrive').add({
      title: 'Demo calls', assignee: { id: 1202, type: 'person' },
      type: { name: 'activities_added', params: { activity_type_id: [1] } },
      expected_outcome: { target: 40, tracking_metric: 'quantity' },
      duration: { start: '2026-01-01', end: null }, interval: 'monthly' }));
    const id = created.data.goal.id;
    let state = await page.evaluate(() => document.querySelector('#pipedrive').state());
    assert.equal(state.goal_count, before.goal_count + 1);
    assert.ok(state.goals.some((g) => g.id === id && g.title === 'Demo calls'));
    await page.waitForFunction((n) => document.querySelectorAll('#pipedrive [role=list] li').length === n, state.goal_count);

    // state() reads its goal list again only when it changed, so each call shares the goals of the last
    // change: frozen, so that a page changing one changes no other call's (or the mirror's), in an array
    // of the call's own.
    const shared = await page.evaluate(() => {
      const widget = document.querySelector('#pipedrive');
      const [first, second] = [widget.state().goals, widget.state().goals];
      first.reverse();
      const refused = !Reflect.set(second[0], 'title', 'changed');  // (the page's script may be sloppy, where = is silent)
      return { own: first !== second && second[0] === widget.state().goals[0], frozen: refused && Object.isFrozen(second[0]),
               title: widget.state().goals[0].title };
    });
    assert.deepEqual(shared, { own: true, frozen: true, title: state.goals[0].title });

    await page.evaluate((goalId) => document.querySelector('#pipedrive').update(goalId, { title: 'Demo calls, renamed' }), id);
    assert.ok((await page.evaluate(() => document.querySelector('#pipedrive').state())).goals.some((g) => g.title === 'Demo calls, renamed'),
              'state() kept the goal list from before the update');
    const refused = await page.evaluate(() => {
      try { document.querySelector('#pipedrive').add({ title: 'No type' }); return null; } catch (e) { return e.errors.map((x) => x.path); }
    });
    assert.ok(refused && refused.length > 0, 'an invalid add was accepted');
    await page.evaluate((goalId) => document.querySelector('#pipedrive').remove(goalId), id);
    state = await page.evaluate(() => document.querySelector('#pipedrive').state());
    assert.equal(state.goal_count, before.goal_count);
    assertMirrorMatches(await mirrorLines(page, '#pipedrive'), state);

    const events = await eventsOf(page, '#pipedrive');
    assert.deepEqual(events.filter((e) => e.type === 'goal-change').map((e) => [e.detail.action, e.detail.id]),
                     [['add', id], ['update', id], ['remove', id]]);
  },

  async 'a tracked page view that matches fires match and is announced'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/index.html`);
    await waitForReady(page, '#zendesk');
    await waitForSources(page, '#zendesk', ['events']);
    const before = await page.evaluate(() => document.querySelector('#zendesk').state());
    await recordEvents(page, '#zendesk', ['match']);
    const replies = await page.evaluate(() => {
      const zd = document.querySelector('#zendesk');
      const now = Date.now();
      return [
        zd.track({ visitor_id: 'e2e-visitor', at: now - 60000, agent_id: 'agent-e2e', department_id: 'sales' }),
        zd.track({ visitor_id: 'e2e-visitor', at: now - 30000, url: 'https://shop.example.org/products/lamps' }),
        zd.track({ visitor_id: 'e2e-visitor', at: now, url: 'https://shop.example.org/checkout/thanks' }),
      ];
    });
    assert.equal(replies[1].matches.length, 0);
    assert.equal(replies[2].matches.length, 1);
    assert.equal(replies[2].matches[0].agent, 'agent-e2e', 'the last touch within 7 days is credited');
    const events = await eventsOf(page, '#zendesk');
    assert.equal(events.length, 1);
    assert.equal(events[0].detail.goal, '301');
    const live = await page.$eval('#zendesk [aria-live=polite]', (el) => el.textContent);
    assert.equal(live, 'Goal reached: Checkout completed');
    const after = await page.evaluate(() => document.querySelector('#zendesk').state());
    assert.equal(after.matches, before.matches + 1);
    const bad = await page.evaluate(() => {
      try { document.querySelector('#zendesk').track({ visitor_id: 'x', at: 'not a time', url: 'https://a.example/' }); return null; } catch (e) { return e.path; }
    });
    assert.equal(bad, '/event/at');
  },

  async 'a single-page app navigation changes the page the widget matches'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/index.html`);
    await waitForReady(page, '#zendesk');
    const pageOf = () => page.evaluate(() => document.querySelector('#zendesk').state().page);
    assert.equal(await pageOf(), `${baseUrl}/index.html`);
    // pushState fires no window event: the loader learns of it from the Navigation API.
    await page.evaluate(() => history.pushState({}, '', '?step=order-confirmed'));
    await page.waitForFunction(() => document.querySelector('#zendesk').state().page.endsWith('?step=order-confirmed'));
    const reply = await page.evaluate(() => document.querySelector('#zendesk').track({ visitor_id: 'spa-visitor' }));
    assert.deepEqual(reply.matches.map((m) => m.goal), ['301'], 'track() defaults to the URL navigated to');
    await page.evaluate(() => history.back());
    await page.waitForFunction((url) => document.querySelector('#zendesk').state().page === url, `${baseUrl}/index.html`);
  },

  async 'the widget draws its text in the font of the page around it'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/e2e/blank.html`);
    await page.evaluate(async () => {
      const { mount } = await import('/web/goal-widget.js');
      const shown = [];
      for (const family of ['serif', 'monospace']) {
        const host = document.body.appendChild(document.createElement('div'));
        host.style.cssText = `width: 600px; height: 300px; font-family: ${family}`;
        const handle = await mount(host, { goals: '/web/data/zendesk-goals.json' });
        shown.push({ family, handle });
      }
      window.shown = shown;
    });
    // The glyphs are drawn with the first frame.
    await page.waitForFunction(() => window.shown.every(({ handle }) => handle.state().frames_drawn > 0));
    const fonts = await page.evaluate(() => window.shown.map(({ family, handle }) => ({ family, font: handle.state().font })));
    for (const { family, font } of fonts) {
      assert.ok(font.css.endsWith(`px ${family}`), `${font.css} is not ${family}`);
      // Every code point of the UI's ranges is packed, and the canvas put ink in nearly all of them (spaces
      // and a few format characters have none).
      assert.ok(font.glyphs > 700, `${font.glyphs} glyphs`);
      assert.ok(font.inked_glyphs > font.glyphs * 0.7, `${font.inked_glyphs} of ${font.glyphs} inked`);
    }
    // A third widget in a font the page already drew reuses those glyphs: no canvas is made for it.
    const reuse = await page.evaluate(async () => {
      let canvases = 0;
      const Original = window.OffscreenCanvas;
      window.OffscreenCanvas = class extends Original {
        constructor(...args) { super(...args); canvases += 1; }
      };
      const { mount } = await import('/web/goal-widget.js');
      const host = document.body.appendChild(document.createElement('div'));
      host.style.cssText = 'width: 600px; height: 300px; font-family: serif';
      const handle = await mount(host, { goals: '/web/data/zendesk-goals.json' });
      while (handle.state().frames_drawn === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
      window.OffscreenCanvas = Original;
      return { canvases, font: handle.state().font, first: window.shown[0].handle.state().font };
    });
    assert.equal(reuse.canvases, 0);
    assert.equal(reuse.font.css, reuse.first.css);
    assert.equal(reuse.font.inked_glyphs, reuse.first.inked_glyphs);
    // When a web font arrives after mount, the loader asks for the glyphs again (set_font).
    await page.evaluate(() => window.shown[0].handle.call('set_font', { family: 'sans-serif' }));
    await page.waitForFunction(() => window.shown[0].handle.state().font.css.endsWith('px sans-serif'));
    assert.ok((await page.evaluate(() => window.shown[0].handle.state().font.inked_glyphs)) > 500);
  },

  async 'the demo URL tester lists every goal verdict'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/index.html`);
    await waitForReady(page, '#zendesk');
    await page.fill('#url-tester-input', 'https://shop.example.org/signup/done');
    await page.click('#url-tester button');
    const lines = await page.$$eval('#url-tester-verdicts li', (items) => items.map((li) => li.textContent));
    assert.equal(lines.length, 2);
    assert.ok(lines.some((l) => l.startsWith('Trial sign-up: match')), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('Checkout completed: no_match')), lines.join('\n'));
  },
};

tests['the embedding page works under its strict CSP, with its period option'] = async ({ page, baseUrl }) => {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (document.cspViolations ||= []).push(e.violatedDirective));
  });
  await page.goto(`${baseUrl}/web/embed.html`);
  const state = await waitForReady(page, '#embed-example');
  assert.match(state.period.label, /^Q[1-4] /);
  assert.deepEqual(await page.evaluate(() => document.cspViolations || []), []);
};

// The widget's own editor, driven with the pointer and keyboard: a saved edit reaches the goal store and
// the page hears goal-change. state().controls says where the last frame drew each named control.
tests['the editor saves an edit through the store and fires goal-change'] = async ({ page, baseUrl }) => {
  await page.goto(`${baseUrl}/index.html`);
  await waitForReady(page, '#zendesk');
  await recordEvents(page, '#zendesk', ['goal-change']);
  // Tall enough for the whole form, so that the save button is on screen; the pointer can only reach what
  // is in the viewport.
  await page.evaluate(() => { document.querySelector('#zendesk').style.height = '760px'; });
  const canvas = page.locator('#zendesk canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const clickControl = async (name) => {
    await page.waitForFunction((n) => {
      const s = document.querySelector('#zendesk').state();
      return s.loop_paused && s.controls && s.controls[n];
    }, name, { timeout: 10000 }).catch(async (error) => {
      const s = await page.evaluate(() => document.querySelector('#zendesk').state());
      throw new Error(`${name} not drawn: tab ${s.tab}, paused ${s.loop_paused}, controls ${Object.keys(s.controls)}: ${error.message}`);
    });
    const [x0, y0, x1, y1] = (await page.evaluate(() => document.querySelector('#zendesk').state())).controls[name];
    assert.ok(y1 < box.height, `${name} is drawn below the canvas`);
    await page.mouse.click(box.x + (x0 + x1) / 2, box.y + (y0 + y1) / 2);
    // The click wakes the loop, which takes it in over a few frames: keys typed before it went idle again
    // would reach a text field that is not active yet (and the page would take Ctrl+A).
    await page.waitForFunction(() => document.querySelector('#zendesk').state().loop_paused, null, { timeout: 10000 });
  };
  await page.evaluate(() => document.querySelector('#zendesk').show(null, 'editor'));
  await clickControl('editor.goal:302');
  await clickControl('editor.title');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Trial sign-up, edited');
  await page.keyboard.press('Enter');
  await clickControl('editor.save');
  await page.waitForFunction(() => (window.__events['#zendesk'] || []).length > 0);
  const events = await eventsOf(page, '#zendesk');
  assert.deepEqual(events.map((e) => [e.detail.action, e.detail.id]), [['update', '302']]);
  const state = await page.evaluate(() => document.querySelector('#zendesk').state());
  assert.equal(state.goals.find((g) => g.id === '302').title, 'Trial sign-up, edited');
};
