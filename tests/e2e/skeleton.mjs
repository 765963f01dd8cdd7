// The walking skeleton: fetch() -> C++ parse -> ImGui -> pixels, and idle when nothing changes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { assert, waitForReady, waitForIdle, widgetState, canvasInk } from './helpers.mjs';

export const tests = {
  async 'demo widget loads its goals and draws them'({ page, baseUrl, artifactsDir, siteDir }) {
    const demo = JSON.parse(await fs.readFile(path.join(siteDir, 'web/data/pipedrive-goals.json'), 'utf8'));
    await page.goto(`${baseUrl}/index.html`);
    const state = await waitForReady(page, '#pipedrive');
    assert.equal(state.goal_count, demo.data.goals.length);
    assert.deepEqual(state.goals.map((g) => g.title), demo.data.goals.map((g) => g.title));
    await waitForIdle(page, '#pipedrive');
    const ink = await canvasInk(page, '#pipedrive canvas');
    assert.ok(ink.colours > 4, `canvas has only ${ink.colours} colours`);
    assert.ok(ink.ink > ink.total * 0.01, `only ${ink.ink} of ${ink.total} pixels differ from the background`);
    await page.locator('#pipedrive').screenshot({ path: path.join(artifactsDir, 'skeleton-widget.png') });
    await page.screenshot({ path: path.join(artifactsDir, 'skeleton-page.png'), fullPage: true });
  },

  async 'an idle widget draws no frames, and input wakes it'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/e2e/host.html`);
    await waitForReady(page);
    await waitForIdle(page);
    const before = (await widgetState(page)).frames_drawn;
    // Measuring idleness needs a span of time: one second of nothing happening.
    await page.waitForTimeout(1000);
    const after = await widgetState(page);
    assert.equal(after.frames_drawn, before, 'frames were drawn while idle');
    assert.equal(after.loop_paused, true);

    const box = await page.locator('goal-widget canvas').boundingBox();
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.move(box.x + 60, box.y + 60);
    await page.waitForFunction((n) => document.querySelector('goal-widget').state().frames_drawn > n, before);
  },
};
