// The host page comes first: keys, focus and scroll keep working around the widget.
import { assert, waitForReady, waitForIdle } from './helpers.mjs';

async function openHostPage(page, baseUrl) {
  await page.goto(`${baseUrl}/e2e/host.html`);
  await waitForReady(page);
  await waitForIdle(page);
}

export const tests = {
  async 'backspace edits a text field beside the widget'({ page, baseUrl }) {
    await openHostPage(page, baseUrl);
    await page.click('#name');
    await page.keyboard.type('goalpost');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#name'), 'goalpo');
    // Also after the widget has had focus and given it back.
    await page.click('goal-widget canvas');
    await page.click('#name');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');  // focusing a field by keyboard selects its text
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#name'), 'goal');
  },

  async 'tab moves focus into the widget and out again'({ page, baseUrl }) {
    await openHostPage(page, baseUrl);
    await page.click('#name');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'CANVAS');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'after');
  },

  async 'the wheel scrolls the widget only while it can scroll, then the page'({ page, baseUrl }) {
    await openHostPage(page, baseUrl);
    const box = await page.locator('goal-widget canvas').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.75);
    let wheels = 0;
    while ((await page.evaluate(() => window.scrollY)) === 0 && wheels < 40) {
      await page.mouse.wheel(0, 120);
      wheels++;
      await waitForIdle(page);  // the widget has drawn the scroll before the next wheel
    }
    assert.ok(await page.evaluate(() => window.scrollY) > 0, `the page never scrolled after ${wheels} wheel events`);
  },

  // The canvas is measured (getBoundingClientRect, which lays out the page first) when its ResizeObserver says
  // it changed, not in every frame: after an add() the page's layout of 10,000 changed mirror lines had
  // landed inside the widget's next frame.
  async 'the widget measures its canvas only when it is resized, and then draws at the new size'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/e2e/blank.html`);
    await page.evaluate(async () => {
      const { mount } = await import('/web/goal-widget.js');
      const host = document.createElement('div');
      host.id = 'host';
      host.style.height = '200px';
      document.body.appendChild(host);
      window.__handle = await mount(host, { goals: '/web/data/pipedrive-goals.json' });
    });
    await page.waitForFunction(() => window.__handle.state().ready && window.__handle.state().loop_paused);
    const before = await page.evaluate(() => {
      const canvas = document.querySelector('#host canvas');
      window.__measured = 0;
      canvas.getBoundingClientRect = function measured() {
        window.__measured++;
        return Element.prototype.getBoundingClientRect.call(this);
      };
      window.__handle.add({ title: 'Measured', type: { name: 'deals_won', params: {} }, assignee: { id: 1, type: 'person' },
                            expected_outcome: { target: 5, tracking_metric: 'quantity' },
                            duration: { start: '2026-01-01', end: null }, interval: 'monthly' });
      return window.__handle.state().frames_drawn;
    });
    await page.waitForFunction(() => window.__handle.state().loop_paused);
    const drawn = await page.evaluate(() => [window.__handle.state().frames_drawn, window.__measured]);
    assert.ok(drawn[0] > before, 'the add drew no frame');
    assert.equal(drawn[1], 0, 'a frame measured the canvas although nothing resized it');

    await page.evaluate(() => { document.querySelector('#host').style.height = '260px'; });
    await page.waitForFunction(() => document.querySelector('#host canvas').height === Math.round(260 * devicePixelRatio),
                               null, { timeout: 10000 });
    assert.ok(await page.evaluate(() => window.__measured) > 0);
  },

  async 'the widget adds no globals to the page'({ page, baseUrl }) {
    await page.goto(`${baseUrl}/e2e/blank.html`);
    const before = await page.evaluate(() => Object.keys(window));
    await page.evaluate(async () => {
      const { mount } = await import('/web/goal-widget.js');
      const host = document.createElement('div');
      host.style.height = '200px';
      document.body.appendChild(host);
      window.__handle = await mount(host, { goals: '/web/data/pipedrive-goals.json' });
    });
    await page.waitForFunction(() => window.__handle.state().ready === true);
    const after = await page.evaluate(() => Object.keys(window));
    const added = after.filter((k) => !before.includes(k) && k !== '__handle');
    assert.deepEqual(added, []);
  },
};
