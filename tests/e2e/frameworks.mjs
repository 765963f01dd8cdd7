// Inside frameworks: React 19 and Vue 3 (npm's production builds, loaded as ES modules with an import map,
// no bundler) and a shadow root. In each the widget mounts, follows a prop or attribute without a remount,
// is heard by a listener the framework (or the shadow host) registered, and unmounts leaving nothing behind.
// The pages are the examples docs/embedding.md quotes (with the package test's TypeScript page); the last
// test checks that the quotes are current.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertUnmountedCleanly, installLeakProbe, leakedByGoalpost, waitForIdle, waitForTheme } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const stateOf = (locator) => locator.evaluate((widget) => widget.state());
const heard = (page, selector, text) => page.waitForFunction(([sel, t]) => document.querySelector(sel)?.textContent === t,
                                                             [selector, text], { timeout: 60000 });

// Before unmounting: the probe does see what the widget registered (so that an empty list after is news).
async function assertProbeSeesWidget(page) {
  const seen = await leakedByGoalpost(page);
  assert.ok(seen.listeners.length >= 10 && seen.observers === 1, `the leak probe sees ${JSON.stringify(seen)}`);
}

export const tests = {
  async 'React: mounts, follows a prop live, is heard by React, unmounts cleanly'({ page, baseUrl }) {
    await installLeakProbe(page);
    await page.goto(`${baseUrl}/e2e/react.html`);
    await heard(page, '#heard', '4 goals from pipedrive');
    const widget = page.locator('goal-widget');
    await waitForIdle(page);
    await waitForTheme(page, widget.locator('canvas'), 'light');
    const canvas = await widget.locator('canvas').elementHandle();
    const before = await stateOf(widget);

    await page.click('#theme');
    await waitForTheme(page, widget.locator('canvas'), 'dark');
    const after = await stateOf(widget);
    assert.ok(await canvas.evaluate((c) => c === document.querySelector('goal-widget canvas')), 'the widget was remounted');
    assert.equal(after.cycles, before.cycles, 'the goals were loaded again');
    assert.ok(after.frames_drawn > before.frames_drawn);

    await assertProbeSeesWidget(page);
    await page.click('#shown');
    await page.waitForFunction(() => !document.querySelector('goal-widget'));
    await assertUnmountedCleanly(page, canvas);
  },

  async 'Vue: mounts, follows a bound attribute live, is heard by Vue, unmounts cleanly'({ page, baseUrl }) {
    await installLeakProbe(page);
    await page.goto(`${baseUrl}/e2e/vue.html`);
    await heard(page, '#heard', '4 goals from pipedrive');
    const widget = page.locator('goal-widget');
    const canvas = await widget.locator('canvas').elementHandle();
    const before = await stateOf(widget);

    await page.click('#vendor');
    await heard(page, '#heard', '2 goals from zendesk');
    const after = await stateOf(widget);
    assert.equal(after.goal_count, 2);
    assert.ok(await canvas.evaluate((c) => c === document.querySelector('goal-widget canvas')), 'the widget was remounted');
    assert.ok(after.frames_drawn > before.frames_drawn);

    await assertProbeSeesWidget(page);
    await page.click('#shown');
    await page.waitForFunction(() => !document.querySelector('goal-widget'));
    await assertUnmountedCleanly(page, canvas);
  },

  async 'shadow root: draws, takes input, follows its host, is heard on the host, unmounts cleanly'({ page, baseUrl }) {
    await installLeakProbe(page);
    await page.goto(`${baseUrl}/e2e/shadow.html`);
    await page.waitForFunction(() => document.querySelector('goal-board').dataset.heard === '2 goals from zendesk');
    const widget = page.locator('goal-board goal-widget');  // Playwright's locators look into open shadow roots
    const canvas = widget.locator('canvas');
    await waitForTheme(page, canvas, 'light');
    await page.waitForFunction((w) => w.state().loop_paused, await widget.elementHandle());
    const before = await stateOf(widget);

    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + 30, box.y + 30);
    await page.mouse.move(box.x + 60, box.y + 60);
    await page.waitForFunction(([w, n]) => w.state().frames_drawn > n, [await widget.elementHandle(), before.frames_drawn]);

    await page.evaluate(() => document.querySelector('goal-board').setAttribute('theme', 'dark'));
    await waitForTheme(page, canvas, 'dark');
    assert.equal((await stateOf(widget)).cycles, before.cycles, 'the goals were loaded again');

    const handle = await canvas.elementHandle();
    await assertProbeSeesWidget(page);
    await page.evaluate(() => document.querySelector('goal-board').remove());
    await assertUnmountedCleanly(page, handle);
  },

  async 'the embedding guide quotes the example pages as they run'() {
    const doc = await fs.readFile(path.join(here, '..', '..', 'docs', 'embedding.md'), 'utf8');
    for (const name of ['react.html', 'vue.html']) {
      const html = await fs.readFile(path.join(here, 'pages', name), 'utf8');
      const script = html.match(/<script type="module">\n([\s\S]*?)\n\s*<\/script>/)[1];
      assert.ok(doc.includes(script), `docs/embedding.md does not quote the script of tests/e2e/pages/${name} as it is`);
    }
    const typescript = await fs.readFile(path.join(here, 'package', 'consumer.ts'), 'utf8');
    assert.ok(doc.includes(typescript), 'docs/embedding.md does not quote tests/e2e/package/consumer.ts as it is');
  },
};
