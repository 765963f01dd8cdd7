// Shared steps of the end-to-end specs.
import assert from 'node:assert/strict';

// Waits until the widget in `selector` reports ready through its inspection call, and returns its state.
export async function waitForReady(page, selector = 'goal-widget', timeout = 60000) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el && typeof el.state === 'function' && el.state().ready === true;
  }, selector, { timeout });
  return widgetState(page, selector);
}

export function widgetState(page, selector = 'goal-widget') {
  return page.evaluate((sel) => document.querySelector(sel).state(), selector);
}

// Waits until the widget's main loop has paused (nothing left to draw).
export async function waitForIdle(page, selector = 'goal-widget') {
  await page.waitForFunction((sel) => document.querySelector(sel).state().loop_paused === true, selector, { timeout: 30000 });
}

// Reads the canvas pixels and returns how many differ from the most common (background) colour and how
// many distinct colours there are. A blank or single-colour canvas gives 0 and 1.
export async function canvasInk(page, selector = 'goal-widget canvas') {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(sel);
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d');
    ctx.drawImage(canvas, 0, 0);
    const pixels = ctx.getImageData(0, 0, copy.width, copy.height).data;
    const counts = new Map();
    for (let i = 0; i < pixels.length; i += 4) {
      const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const background = Math.max(...counts.values());
    return { total: pixels.length / 4, ink: pixels.length / 4 - background, colours: counts.size };
  }, selector);
}

export { assert };
