// React's npm packages ship CommonJS builds only (no browser ES module). The test server serves such a file
// as an ES module, on its own and as npm installed it, with no bundling: each require() of a bare name
// becomes an import (which the page's import map resolves, as a bundler would resolve the name), and
// `exports.x = ...` become the module's named exports, with module.exports as its default export.
const REQUIRE = /\brequire\("([^"./][^"]*)"\)/g;
const EXPORT = /\bexports\.([A-Za-z_$][\w$]*)\s*=/g;

export function commonJsAsModule(source) {
  const required = [...new Set(Array.from(source.matchAll(REQUIRE), (m) => m[1]))];
  const names = [...new Set(Array.from(source.matchAll(EXPORT), (m) => m[1]))].filter((n) => n !== 'default');
  const table = required.map((name, i) => `${JSON.stringify(name)}: required${i}`).join(', ');
  return [
    ...required.map((name, i) => `import required${i} from ${JSON.stringify(name)};`),
    'const module = { exports: {} };',
    // In a function of its own, as node runs it: its top-level names stay apart from the exports below.
    `(function (module, exports, require) {\n${source}\n})(module, module.exports, (name) => ({ ${table} })[name]);`,
    'export default module.exports;',
    names.length ? `export const { ${names.join(', ')} } = module.exports;` : '',
  ].join('\n');
}
