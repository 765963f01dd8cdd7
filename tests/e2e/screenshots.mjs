// The README's screenshots, taken from the demo data: the overview and a goal's detail view.
// scripts/screenshots copies them to docs/images/. As a test it checks that both views draw.
// The same images on any day: the widget shows the demo data as of its last day, and the runner pins the
// page's clock (run.mjs), so "updated just now" and every date drawn come from fixed values.
import path from 'node:path';
import { assert, canvasInk } from './helpers.mjs';

const waitForIdle = (page) => page.waitForFunction(() => window.widget.state().loop_paused === true);

async function mountDemo(page, baseUrl) {
  await page.setViewportSize({ width: 900, height: 520 });
  await page.goto(`${baseUrl}/e2e/blank.html`);
  await page.evaluate(async () => {
    const { mount } = await import('/web/goal-widget.js');
    const host = document.body.appendChild(document.createElement('div'));
    host.id = 'shot';
    host.style.cssText = 'width: 860px; height: 480px; margin: 16px;';
    window.widget = await mount(host, {
      goals: '/web/data/pipedrive-goals.json', deals: '/web/data/pipedrive-deals.json',
      activities: '/web/data/pipedrive-activities.json', currencies: { 1: 'USD', 2: 'EUR' },
      period: 'year', asOf: '2026-11-20', theme: 'light', label: 'Pipedrive goals',
    });
  });
  await page.waitForFunction(() => {
    const s = window.widget.state();
    const sources = s.event_sources || {};
    return s.ready && sources.deals && !sources.deals.loading && sources.activities && !sources.activities.loading;
  });
  await waitForIdle(page);
}

export const tests = {
  async 'overview and detail views of the demo data'({ page, baseUrl, artifactsDir }) {
    await mountDemo(page, baseUrl);
    const overview = await page.evaluate(() => window.widget.state());
    assert.equal(overview.tab, 'Overview');
    assert.ok((await canvasInk(page, '#shot canvas')).colours > 8);
    await page.locator('#shot canvas').screenshot({ path: path.join(artifactsDir, 'screenshots-overview.png') });

    await page.evaluate(() => window.widget.show('b7d20a44'));
    await page.waitForFunction(() => window.widget.state().tab === 'Detail');
    await waitForIdle(page);
    assert.ok((await canvasInk(page, '#shot canvas')).colours > 8);
    await page.locator('#shot canvas').screenshot({ path: path.join(artifactsDir, 'screenshots-detail.png') });

    const refused = await page.evaluate(() => { try { window.widget.show('no-such-goal'); return null; } catch (e) { return e.status; } });
    assert.equal(refused, 404);
  },
};
