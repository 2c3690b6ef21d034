// A tiny static server for the end-to-end tests: serves the built app (dist/) under a sub-path,
// as a static host would, plus test fixtures beside it for `?doc=`. Loopback only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

/** Starts serving `dist` at `${prefix}` and `fixtures` at `${prefix}fixtures/`; resolves to the base URL. */
export function startServer({ dist, fixtures, prefix = '/sub/biaozhu/', port = 0 }) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(prefix)) { res.writeHead(404); res.end('not under ' + prefix); return; }
    rel = rel.slice(prefix.length);
    let root = dist;
    if (rel.startsWith('fixtures/')) { root = fixtures; rel = rel.slice('fixtures/'.length); }
    if (rel === '') rel = 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('no such file'); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({ server, base: `http://127.0.0.1:${server.address().port}${prefix}` });
    });
  });
}
