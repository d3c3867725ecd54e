// A static file server for the browser tests: serves ../../dist under sub-paths (default
// /preflight/), as a sales team's CDN would, with no rewrite rules and no special headers.
//   node serve.mjs PORT [PREFIX[,PREFIX…]] [--compress]   (--compress: brotli, as a CDN would)
// Tests that need a site of their own (the release-update test) import `serve` instead.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8', '.ico': 'image/x-icon', '.png': 'image/png',
};

export const DIST = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

/**
 * Serves `root` under each of `prefixes` on 127.0.0.1:`port` (0: any free port).
 * @returns {Promise<import('node:http').Server>} the listening server
 */
export function serve({ root = DIST, port = 0, prefixes = ['/preflight/'], compress = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (!prefix) { res.writeHead(404).end('not found'); return; }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      // As a CDN serves it (scripts/bench): brotli for the text and wasm types, once per file.
      if (compress && extname(file) in types && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        body = compressed.get(file);
        headers['content-encoding'] = 'br';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8765);
  const prefixes = (process.argv[3] ?? '/preflight/').split(',');
  const compress = process.argv.includes('--compress');
  serve({ port, prefixes, compress }).then(() => console.log(`serving ${DIST} at http://127.0.0.1:${port}${prefixes[0]}`));
}
