// A static file server for the end-to-end tests (node's http module, no dependencies).
// Serves the assembled site at / and the test pages at /e2e/. Only files under those roots are served.
import { commonJsAsModule } from './commonjs_module.mjs';
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
};

function resolveInside(root, urlPath) {
  const full = path.resolve(root, '.' + decodeURIComponent(urlPath));
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

/**
 * Starts a server on 127.0.0.1 and a free port.
 * mounts: { '/': siteDir, '/e2e/': pagesDir }; a mount of { dir, commonJs: true } serves each .js file under
 * it as an ES module (commonjs_module.mjs). routes: { '/path': (req, res, url) => void } for special answers;
 * a key ending in '/*' is a prefix route: '/a/*' answers '/a' and everything under '/a/' (exact keys win,
 * then the longest prefix).
 */
export async function startServer({ mounts, routes = {} }) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const routePrefixes = Object.keys(routes).filter((k) => k.endsWith('/*')).sort((a, b) => b.length - a.length);
  const prefixRoute = (pathname) => routePrefixes.find((k) => pathname === k.slice(0, -2) || pathname.startsWith(k.slice(0, -1)));
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (routes[url.pathname]) return routes[url.pathname](req, res, url);
    const routePrefix = prefixRoute(url.pathname);
    if (routePrefix) return routes[routePrefix](req, res, url);
    const prefix = prefixes.find((p) => url.pathname.startsWith(p));
    const mount = prefix && (typeof mounts[prefix] === 'string' ? { dir: mounts[prefix] } : mounts[prefix]);
    const file = mount && resolveInside(path.resolve(mount.dir), '/' + url.pathname.slice(prefix.length));
    try {
      let body = await fs.readFile(file && !file.endsWith(path.sep) ? file : path.join(file || '', 'index.html'));
      if (mount.commonJs && file.endsWith('.js')) body = commonJsAsModule(body.toString('utf8'));
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}
