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

// Reads the canvas pixels and returns how many differ from the most common (background) colour, how many
// distinct colours there are, and the background as [r, g, b]. A blank or single-colour canvas gives 0 and 1.
// `target` is a selector or a Playwright locator (which finds a canvas inside a shadow root too).
export async function canvasInk(page, target = 'goal-widget canvas') {
  const canvas = typeof target === 'string' ? page.locator(target).first() : target;
  return canvas.evaluate((canvas) => {
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
    const [key, background] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    return { total: pixels.length / 4, ink: pixels.length / 4 - background, colours: counts.size,
             background: [key >> 16, (key >> 8) & 255, key & 255] };
  });
}

// Waits until the canvas's background is dark (or light): the theme the widget drew last. Gives up after
// some hundreds of the page's animation frames.
export async function waitForTheme(page, target, theme) {
  for (let frames = 0; ; frames++) {
    const { background } = await canvasInk(page, target);
    const dark = background.reduce((a, b) => a + b) / 3 < 128;
    if (dark === (theme === 'dark')) return background;
    if (frames > 600) throw new Error(`the canvas stays ${dark ? 'dark' : 'light'}: ${background}`);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
}

export { assert };
