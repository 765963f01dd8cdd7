// Runs one end-to-end spec file: starts the static server, launches Debian's Chromium through
// playwright-core (never a downloaded browser), and calls each exported test in the spec with a fresh page.
//   node run.mjs SPEC.mjs --site DIR --artifacts DIR [--clock ISO-INSTANT]
// Prints one line per test and "N passed, N failed"; the exit status is non-zero on any failure.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', 'package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const specFile = path.resolve(args[0]);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const siteDir = path.resolve(option('--site'));
const artifactsDir = path.resolve(option('--artifacts') || 'e2e-artifacts');
await fs.mkdir(artifactsDir, { recursive: true });
// Screenshots from an earlier run of this spec would be mistaken for this run's.
const specName = path.basename(specFile, '.mjs');
for (const old of await fs.readdir(artifactsDir)) if (old.startsWith(specName + '-')) await fs.rm(path.join(artifactsDir, old));

// SwiftShader gives WebGL2 without a GPU; the network flags stop Chromium calling home on a closed network.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Every page's clock is pinned, so that no test passes or fails by the calendar. The instant is far from
// the demo data (which ends 2026-11-20): a page that forgets its as-of day shows no data and is caught.
// A spec may name its own (`export const clock`), a test may set another with page.clock, and
// `--clock ISO` runs a whole spec on another day (to check that nothing it asserts moves with the day).
export const PINNED_CLOCK = '2031-06-17T09:30:00Z';

const spec = await import(pathToFileURL(specFile).href);
// The site is also served from a sub-path, as a static host may do. npm's packages are served for the
// framework pages: as installed, and (React, which ships CommonJS only) as ES modules at /esm/.
const nodeModules = path.join(here, '..', '..', 'node_modules');
const mounts = {
  '/': siteDir, '/sub/path/': siteDir, '/e2e/': path.join(here, 'pages'),
  '/node_modules/': nodeModules, '/esm/': { dir: nodeModules, commonJs: true },
  ...(spec.mounts ? spec.mounts({ siteDir }) : {}),
};
const server = await startServer({ mounts, routes: spec.routes || {} });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });

let passed = 0, failed = 0;
for (const [name, test] of Object.entries(spec.tests)) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
  await context.clock.setFixedTime(new Date(option('--clock') || spec.clock || PINNED_CLOCK));
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  try {
    await test({ page, baseUrl: server.url, artifactsDir, siteDir, browser });
    passed++;
    console.log(`ok     ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAILED ${name}\n  ${String(error && error.stack || error).split('\n').join('\n  ')}`);
    if (consoleLines.length) console.log('  browser console:\n    ' + consoleLines.join('\n    '));
    await page.screenshot({ path: path.join(artifactsDir, `${specName}-${name}-failure.png`) }).catch(() => {});
  }
  await context.close();
}
await browser.close();
await server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
