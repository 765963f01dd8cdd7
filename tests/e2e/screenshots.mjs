// Reference images of every view (overview, detail, conversions, editor) at three widths in both themes,
// compared with tests/e2e/reference/ (image_compare.mjs: a one-pixel shift passes, a missing bar fails).
// The clock is pinned (run.mjs) and so is the font: the host asks for DejaVu Sans (Debian's
// fonts-dejavu-core), which the browser's canvas draws the glyphs with (wasm/browser_font.cpp).
//
//   scripts/screenshots            compare with the references (what ctest runs)
//   scripts/screenshots --update   take them again, into tests/e2e/reference/ and the README's docs/images/
// With GP_UPDATE_REFERENCES=1 this spec writes the references instead of comparing (scripts/screenshots does it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, canvasInk } from './helpers.mjs';
import { compareImages, readPng, shifted, writePng } from './image_compare.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const REFERENCE_DIR = path.join(here, 'reference');
const UPDATE = process.env.GP_UPDATE_REFERENCES === '1';
const WIDTHS = [390, 560, 800];
const THEMES = ['light', 'dark'];
const HEIGHT = 400;

const PIPEDRIVE = {
  goals: '/web/data/pipedrive-goals.json', deals: '/web/data/pipedrive-deals.json',
  activities: '/web/data/pipedrive-activities.json', currencies: { 1: 'USD', 2: 'EUR' },
};
const ZENDESK = { goals: '/web/data/zendesk-goals.json', events: '/web/data/zendesk-events.jsonl' };

// Each view: the data it is shown with, the period, and how to open it once the widget is ready.
const VIEWS = [
  { name: 'overview', data: PIPEDRIVE, period: 'month' },
  { name: 'detail', data: PIPEDRIVE, period: 'year', open: async (page) => page.evaluate(() => window.widget.show('b7d20a44')) },
  { name: 'conversions', data: ZENDESK, period: 'month', open: async (page) => page.evaluate(() => window.widget.show(null, 'conversions')) },
  { name: 'editor', data: ZENDESK, period: 'month',
    open: async (page) => {
      await page.evaluate(() => window.widget.show(null, 'editor'));
      await clickControl(page, 'editor.goal:301');
      await page.waitForFunction(() => Boolean(window.widget.state().controls['editor.save']));
      // The pointer leaves, so that no hover colour is in the picture.
      await page.mouse.move(0, 0);
    } },
];

const waitForIdle = (page) => page.waitForFunction(() => window.widget.state().loop_paused === true);

async function clickControl(page, name) {
  await page.waitForFunction((n) => {
    const s = window.widget.state();
    return s.loop_paused && s.controls && s.controls[n];
  }, name);
  const [x0, y0, x1, y1] = (await page.evaluate(() => window.widget.state())).controls[name];
  const box = await page.locator('#shot canvas').boundingBox();
  await page.mouse.click(box.x + (x0 + x1) / 2, box.y + (y0 + y1) / 2);
}

async function mount(page, { data, period }, width, theme) {
  await page.evaluate(async ({ data, period, width, height, theme }) => {
    if (window.widget) window.widget.destroy();
    document.querySelector('#shot')?.remove();
    const { mount } = await import('/web/goal-widget.js');
    const host = document.body.appendChild(document.createElement('div'));
    host.id = 'shot';
    host.style.cssText = `width: ${width}px; height: ${height}px; margin: 16px; font-family: "DejaVu Sans";`;
    window.widget = await mount(host, { ...data, period, asOf: '2026-11-20', theme, locale: 'en-GB', label: 'Goals' });
  }, { data, period, width, height: HEIGHT, theme });
  await page.waitForFunction(() => {
    const s = window.widget.state();
    const sources = Object.values(s.event_sources || {});
    return s.ready && sources.length > 0 && sources.every((source) => !source.loading);
  });
  await waitForIdle(page);
}

function referencePath(name) {
  return path.join(REFERENCE_DIR, `${name}.png`);
}

async function shoot(page, artifactsDir, view, width, theme) {
  await mount(page, view, width, theme);
  if (view.open) await view.open(page);
  await page.waitForFunction((tab) => window.widget.state().tab.toLowerCase() === tab, view.name);
  await waitForIdle(page);
  assert.ok((await canvasInk(page, '#shot canvas')).colours > 8, `${view.name} drew next to nothing`);
  const name = `${view.name}-${theme}-${width}`;
  const file = path.join(artifactsDir, `screenshots-${name}.png`);
  await page.locator('#shot canvas').screenshot({ path: file });
  return { name, file };
}

export const tests = {};

for (const theme of THEMES) {
  tests[`every view at ${WIDTHS.join(', ')} px, ${theme}, as the reference images show it`] = async ({ page, baseUrl, artifactsDir }) => {
    await page.setViewportSize({ width: Math.max(...WIDTHS) + 64, height: HEIGHT + 64 });
    await page.goto(`${baseUrl}/e2e/blank.html`);
    const problems = [];
    for (const view of VIEWS) {
      for (const width of WIDTHS) {
        const { name, file } = await shoot(page, artifactsDir, view, width, theme);
        if (UPDATE) {
          fs.mkdirSync(REFERENCE_DIR, { recursive: true });
          fs.copyFileSync(file, referencePath(name));
          continue;
        }
        if (!fs.existsSync(referencePath(name))) {
          problems.push(`${name}: no reference image (scripts/screenshots --update makes them)`);
          continue;
        }
        const result = compareImages(readPng(file), readPng(referencePath(name)));
        if (!result.same) {
          if (result.diff) writePng(path.join(artifactsDir, `screenshots-${name}-diff.png`), result.diff);
          problems.push(`${name}: ${result.reason}; see ${path.join(artifactsDir, `screenshots-${name}-diff.png`)}`);
        }
      }
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  };
}

// The comparison itself: on a real reference, a one-pixel shift passes and one missing bar fails.
tests['the comparison passes a one-pixel shift and fails a missing bar'] = async () => {
  const file = referencePath('overview-light-560');
  if (!fs.existsSync(file)) {
    assert.ok(UPDATE, 'no reference image to test the comparison on (scripts/screenshots --update makes them)');
    return;
  }
  const image = readPng(file);
  assert.ok(compareImages(image, image).same);
  assert.ok(compareImages(shifted(image, 1, 0), image).same, 'a one-pixel shift to the right must pass');
  assert.ok(compareImages(shifted(image, 0, 1), image).same, 'a one-pixel shift down must pass');
  assert.ok(compareImages(shifted(image, 1, 1), image).same, 'a diagonal one-pixel shift must pass');
  assert.ok(!compareImages(shifted(image, 4, 0), image).same, 'a four-pixel shift must fail');
  // Remove the first progress bar's fill: paint the pixels of the at-risk fill (light theme) in the track's colour.
  const bar = [0xD9, 0x2D, 0x20], track = [0xED, 0xF0, 0xF4];
  const erased = readPng(file);
  let painted = 0;
  for (let i = 0; i < erased.data.length; i += 4) {
    if (Math.abs(erased.data[i] - bar[0]) + Math.abs(erased.data[i + 1] - bar[1]) + Math.abs(erased.data[i + 2] - bar[2]) < 30) {
      erased.data.set(track, i);
      ++painted;
    }
  }
  assert.ok(painted > 100, `the reference has no at-risk bar to remove (${painted} pixels)`);
  const missing = compareImages(erased, image);
  assert.ok(!missing.same, `a missing bar must fail: ${missing.reason}`);
};
