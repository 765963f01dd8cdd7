// The npm package: scripts/package makes the tarball from the built widget; an empty project installs it
// (offline: a local .tgz needs no registry), compiles TypeScript against its declarations (tests/e2e/package/:
// consumer.ts, the example docs/embedding.md quotes, and misuse.ts, which must not compile), and a browser
// imports the installed package by its name and sees the widget become ready.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assert } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, '..', '..');
const run = promisify(execFile);
const SHIPPED = ['goal-widget.js', 'goalpost.js', 'goalpost.wasm', 'lang/de.json', 'lang/es.json', 'lang/fr.json'];

let consumerDir;  // the empty project, under the build folder; served at /consumer/
export function mounts({ siteDir }) {
  consumerDir = path.join(siteDir, '..', 'package-test');
  return { '/consumer/': consumerDir };
}

// Packs and installs once per run; every test starts from it.
let installed = null;
function install(siteDir) {
  installed ||= (async () => {
    const { stdout } = await run(path.join(repo, 'scripts', 'package'), [siteDir, path.join(siteDir, '..', 'package')]);
    const tarball = stdout.trim().split('\n').pop();
    await fs.rm(consumerDir, { recursive: true, force: true });
    await fs.mkdir(consumerDir, { recursive: true });
    await fs.writeFile(path.join(consumerDir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: consumerDir });
    for (const file of ['consumer.ts', 'misuse.ts', 'tsconfig.json']) {
      await fs.copyFile(path.join(here, 'package', file), path.join(consumerDir, file));
    }
    return tarball;
  })();
  return installed;
}

const installedDir = () => path.join(consumerDir, 'node_modules', 'goalpost-widget');

export const tests = {
  async 'the package holds the built loader, glue, wasm and language files, the declarations and a README'({ siteDir }) {
    const tarball = await install(siteDir);
    const { stdout } = await run('tar', ['tzf', tarball]);
    assert.deepEqual(stdout.trim().split('\n').map((f) => f.replace(/^package\//, '')).sort(),
                     ['README.md', 'goal-widget.d.ts', 'goal-widget.js', 'goalpost.js', 'goalpost.wasm', 'lang/de.json', 'lang/es.json',
                      'lang/fr.json', 'package.json']);
    for (const file of SHIPPED) {
      const [built, shipped] = await Promise.all([fs.readFile(path.join(siteDir, 'web', file)), fs.readFile(path.join(installedDir(), file))]);
      assert.ok(built.equals(shipped), `the installed ${file} is not the built one`);
    }
    const manifest = JSON.parse(await fs.readFile(path.join(installedDir(), 'package.json'), 'utf8'));
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.dependencies, undefined, 'the widget needs nothing at run time');
    // Node resolves the name through `exports`, as bundlers do.
    const resolved = createRequire(path.join(consumerDir, 'package.json')).resolve('goalpost-widget');
    assert.equal(resolved, path.join(installedDir(), 'goal-widget.js'));
  },

  async 'its declarations type a page using the element and mount(), and reject misuse'({ siteDir }) {
    await install(siteDir);
    const tsc = path.join(repo, 'node_modules', '.bin', 'tsc');
    const outcome = await run(tsc, ['-p', 'tsconfig.json'], { cwd: consumerDir }).catch((error) => error);
    assert.equal(outcome.code ?? 0, 0, `tsc failed:\n${outcome.stdout}${outcome.stderr}`);
    await fs.access(path.join(consumerDir, 'out', 'consumer.js'));
  },

  async 'a page imports the installed package by name, and the widgets it makes become ready'({ page, baseUrl, siteDir }) {
    await install(siteDir);
    await fs.access(path.join(consumerDir, 'out', 'consumer.js'));  // compiled by the test before
    // The import map stands for the bundler: the name goes to the file `exports` names.
    const entry = path.relative(consumerDir, createRequire(path.join(consumerDir, 'package.json')).resolve('goalpost-widget'));
    await fs.writeFile(path.join(consumerDir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>package consumer</title>
<script type="importmap">${JSON.stringify({ imports: { 'goalpost-widget': `/consumer/${entry}` } })}</script>
<script type="module" src="/consumer/out/consumer.js"></script></head><body></body></html>`);
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
    await page.goto(`${baseUrl}/consumer/index.html`);
    await page.waitForFunction(() => document.querySelector('goal-widget')?.dataset.heard, null, { timeout: 60000 });
    const heard = await page.evaluate(() => document.querySelector('goal-widget').dataset.heard);
    assert.match(heard, /^4 goals from pipedrive, Q1 target \d+ EUR$/);
    await page.waitForFunction(() => document.querySelector('div[data-goals]'));
    assert.equal(await page.evaluate(() => document.querySelector('div[data-goals]').dataset.goals), '2');
    assert.deepEqual(wasm, ['/consumer/node_modules/goalpost-widget/goalpost.wasm']);
  },
};
