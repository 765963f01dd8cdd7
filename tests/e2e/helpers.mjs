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

// Installs, before the page's scripts run, a record of what goalpost's own code (goal-widget.js and
// goalpost.js, told by the call stack) registered with the page: event listeners, resize observers and
// animation frames. leakedByGoalpost() then lists what is still registered.
export async function installLeakProbe(page) {
  await page.addInitScript(() => {
    const fromGoalpost = () => /goal-widget\.js|goalpost\.js/.test(new Error().stack);
    const listeners = new Set();
    const probe = (window.__goalpostProbe = { listeners, observers: 0, frames: 0 });
    const { addEventListener, removeEventListener } = EventTarget.prototype;
    const describe = (target) => target.constructor.name + (target.id ? `#${target.id}` : '');
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      if (fromGoalpost()) listeners.add({ target: this, type, listener, name: `${describe(this)} ${type}` });
      return addEventListener.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (type, listener, options) {
      for (const l of listeners) if (l.target === this && l.type === type && l.listener === listener) listeners.delete(l);
      return removeEventListener.call(this, type, listener, options);
    };
    const Observer = window.ResizeObserver;
    window.ResizeObserver = class extends Observer {
      observe(...args) { if (fromGoalpost()) { probe.observers++; this.counted = true; } return super.observe(...args); }
      disconnect() { if (this.counted) { probe.observers--; this.counted = false; } return super.disconnect(); }
    };
    const frame = window.requestAnimationFrame;
    window.requestAnimationFrame = function (callback) {
      if (fromGoalpost()) probe.frames++;
      return frame.call(window, callback);
    };
  });
}

export function leakedByGoalpost(page) {
  return page.evaluate(() => {
    const probe = window.__goalpostProbe;
    return { listeners: [...probe.listeners].map((l) => l.name), observers: probe.observers, frames: probe.frames };
  });
}

// After a widget was unmounted: nothing of it is left registered, and input to its old canvas draws nothing.
export async function assertUnmountedCleanly(page, canvas) {
  await page.waitForFunction(() => window.__goalpostProbe.listeners.size === 0 && window.__goalpostProbe.observers === 0,
                             null, { timeout: 10000 }).catch(async () => {
    throw new Error(`goalpost left registered: ${JSON.stringify(await leakedByGoalpost(page))}`);
  });
  const before = (await leakedByGoalpost(page)).frames;
  await canvas.evaluate(async (c) => {
    c.dispatchEvent(new MouseEvent('mousemove', { clientX: 20, clientY: 20, bubbles: true }));
    c.dispatchEvent(new MouseEvent('mousedown', { clientX: 20, clientY: 20, bubbles: true }));
    // A live widget asks for its next frame at once; two of the page's frames leave room for that.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  assert.equal((await leakedByGoalpost(page)).frames, before, 'the unmounted widget asked for animation frames');
  assert.equal(await canvas.evaluate((c) => c.isConnected), false, 'the canvas is still in the document');
}

export { assert };
