// Trunk post-build hook (Trunk.toml): makes the built page pass a strict Content-Security-Policy
// and work offline.
//
// 1. Trunk writes its wasm loader as an inline <script type="module"> (trunk-rs/trunk#288). It
//    is moved into a file named after its hash and loaded with Subresource Integrity, so the
//    policy needs no 'unsafe-inline' and no hash that changes with every build.
// 2. A <meta http-equiv="Content-Security-Policy"> goes first in <head>: only this origin, no
//    inline script or style, no eval beyond 'wasm-unsafe-eval' (WebAssembly compilation).
// 3. The service worker (scripts/sw.template.js) is written with the list of every file of the
//    build and a version derived from their contents, so that a new release installs cleanly
//    beside the old one (release builds only: it would get in the way of `trunk serve`, which
//    gets a worker that removes itself instead, and no policy, because Trunk's live-reload
//    script is inline).
//
// Any surprise in Trunk's output is a build error rather than a page that silently breaks.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('postbuild.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Shown in place of the app when its files cannot be loaded (both languages: the app's own
 * language choice is not available yet). */
const BOOT_FAILED =
  'Preflight could not start: a file of this site is missing, changed or could not be downloaded. ' +
  'Reload the page; if this persists, tell the site\'s owner. / ' +
  'Preflight 无法启动：本站点的文件缺失、被更改或无法下载。请重新加载页面；如果问题仍然存在，请告知站点管理员。';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const short = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

// 1. The loader.
const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (inline.length !== 1) throw new Error(`expected Trunk's one inline loader script, found ${inline.length}`);
// The wasm is fetched by the loader, not by a tag, so the preload's integrity attribute does not
// protect it (browsers ignore integrity on preloads of fetch()); fetch it with integrity instead.
// (The URL prefix is './' in a build, the --public-url under `trunk serve`.)
const wasmCall = /init\(\{ module_or_path: '([^']*?)([\w-]+_bg\.wasm)' \}\)/;
const wasmMatch = inline.length === 1 && inline[0][1].match(wasmCall);
if (!wasmMatch) throw new Error("Trunk's loader no longer calls init({ module_or_path: '…_bg.wasm' })");
const wasmSri = sri(readFileSync(join(staging, wasmMatch[2])));
const staticImport = /^import init, \* as bindings from '([^']+\.js)';$/m;
const importMatch = inline[0][1].match(staticImport);
if (!importMatch) throw new Error("Trunk's loader no longer starts with import init, * as bindings from './….js'");
// A loader that fails (a file missing, changed or cut off) says so on the page instead of
// leaving it blank: the import becomes dynamic so that the failure can be caught.
const body = inline[0][1]
  .trim()
  .replace(staticImport, `const bindings = await import('${importMatch[1]}');\nconst init = bindings.default;`)
  .replace(wasmCall, `init({ module_or_path: fetch('${wasmMatch[1]}${wasmMatch[2]}', { integrity: '${wasmSri}' }) })`);
const loader = `try {
${body}
} catch (error) {
  const boot = document.getElementById('boot');
  if (boot) {
    boot.textContent = ${JSON.stringify(BOOT_FAILED)};
    boot.setAttribute('role', 'alert');
    boot.classList.add('failed');
  }
  throw error;
}
`;
const bootName = `boot-${short(loader)}.js`;
writeFileSync(join(staging, bootName), loader);
const prefix = wasmMatch[1];
html = html.replace(
  inline[0][0],
  `<script type="module" src="${prefix}${bootName}" integrity="${sri(loader)}" crossorigin="anonymous"></script>`,
);
// `trunk serve` adds its live-reload script inline, with placeholders it fills in when it
// serves the page; such a development page gets no policy and no service worker. What is
// built for hosting (`trunk build`) must have no inline script at all.
const devServer = html.includes('{{__TRUNK_ADDRESS__}}');
const withoutDevScript = devServer
  ? html.replace(/<script>"use strict";[\s\S]*?\{\{__TRUNK_ADDRESS__\}\}[\s\S]*?<\/script>/, '')
  : html;
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(withoutDevScript)) throw new Error('an inline script is left in index.html');
if (/\sstyle=/.test(html)) throw new Error('an inline style attribute is in index.html');

// The spreadsheet worker's shim (Trunk's data-loader-shim): the same integrity check for its
// wasm, and wasm-bindgen's current calling convention (the old one logs a deprecation warning).
const shimPath = join(staging, 'xlsx-worker_loader.js');
const shim = readFileSync(shimPath, 'utf8');
const shimCall = /wasm_bindgen\("([^"]*?)(xlsx-worker_bg\.wasm)"\);/;
const shimMatch = shim.match(shimCall);
if (!shimMatch) throw new Error('xlsx-worker_loader.js no longer calls wasm_bindgen("…xlsx-worker_bg.wasm")');
writeFileSync(shimPath, shim.replace(
  shimCall,
  `wasm_bindgen({ module_or_path: fetch("${shimMatch[1]}${shimMatch[2]}", { integrity: "${sri(readFileSync(join(staging, shimMatch[2])))}" }) });`,
));

// 2. The policy, before anything it governs.
const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`;
if (!html.includes('<meta charset="utf-8" />')) throw new Error('no <meta charset> to put the policy after');
if (!devServer) html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
writeFileSync(indexPath, html);

// 3. The service worker.
const swPath = join(staging, 'sw.js');
if (release && !devServer) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(staging, path).split(sep).join('/'));
    }
  };
  walk(staging);
  const precache = files.filter((f) => f !== 'sw.js' && !f.endsWith('.example.json'));
  const version = short(precache.map((f) => `${f}:${short(readFileSync(join(staging, f)))}`).join('\n'));
  const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
  if (!template.includes("'__VERSION__'") || !template.includes('__PRECACHE__')) throw new Error('sw.template.js lost its placeholders');
  writeFileSync(swPath, template.replace("'__VERSION__'", JSON.stringify(version)).replace('__PRECACHE__', JSON.stringify(precache, null, 2)));
  console.log(`postbuild: ${bootName}, CSP, sw.js (version ${version}, ${precache.length} files)`);
} else if (devServer) {
  // The app registers sw.js wherever it runs. Under `trunk serve` it gets one that caches
  // nothing and removes itself, along with any release's worker and caches left on this
  // origin by an earlier visit, which would otherwise keep serving the old build.
  writeFileSync(swPath, `// Development server: no offline cache (scripts/postbuild.mjs).
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const key of await caches.keys()) if (key.startsWith('preflight-')) await caches.delete(key);
  await self.registration.unregister();
})()));
`);
  console.log(`postbuild: ${bootName} (trunk serve: no policy; a service worker that removes itself)`);
} else {
  if (existsSync(swPath)) unlinkSync(swPath);
  console.log(`postbuild: ${bootName}, CSP (no service worker in a debug build)`);
}
