// Trunk post-build hook (Trunk.toml): builds the app's wasm, and makes the built page start
// fast, pass a strict Content-Security-Policy and work offline.
//
// 1. The app's wasm, split by page in a release build (see step 1 below and ARCHITECTURE.md,
//    "How the wasm is split"), every file named after its contents and fetched with
//    Subresource Integrity; its loader is a file (`boot-<hash>.js`), so the policy needs no
//    'unsafe-inline'.
// 2. The first paint: the start page as plain HTML in both languages (src/content/start.html)
//    and the small script that shows the visitor's language (scripts/lang.js).
// 3. A <meta http-equiv="Content-Security-Policy"> goes first in <head>: only this origin, no
//    inline script or style, no eval beyond 'wasm-unsafe-eval' (WebAssembly compilation).
// 4. The service worker (scripts/sw.template.js) is written with the list of every file of the
//    build and a version derived from their contents, so that a new release installs cleanly
//    beside the old one (release builds only: it would get in the way of `trunk serve`, which
//    gets a worker that removes itself instead, and no policy, because Trunk's live-reload
//    script is inline).
//
// Any surprise in the tools' output is a build error rather than a page that silently breaks.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync, existsSync, rmSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
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

// 1. The app's wasm, built here rather than by Trunk (its <link> in index.html is
//    data-trunk-skip). A release build is split: every page but the start page is a split point
//    (src/ui/pages.rs, the `split` feature), and wasm-split-cli moves each page's code into
//    files fetched when the page first opens. Trunk 0.21 cannot run the splitter between
//    `cargo build` and wasm-bindgen, so the whole pipeline is here:
//      cargo rustc --features split -- -Clink-arg=--emit-relocs   (relocations for the splitter)
//      wasm-split-cli          → the main module, split_<page>.wasm, shared chunk_<n>.wasm, and
//                                __wasm_split.js, which fetches and links them
//      wasm-bindgen --keep-lld-exports   (the exports the split modules link against)
//      wasm-opt -Oz            on every module, two at a time
//    A debug build (`trunk serve`) is one module, as before: cargo build and wasm-bindgen.
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
const work = join(targetDir, 'preflight-web', release ? 'release' : 'debug');
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: source });
rmSync(work, { recursive: true, force: true });
const cargo = ['--locked', '--target', 'wasm32-unknown-unknown', '--bin', 'preflight-web'];
const bindgen = ['--target', 'web', '--no-typescript', '--out-dir', join(work, 'bindgen'), '--out-name', 'preflight-web'];
const chunks = new Map(); // file name → bytes, for the split modules
if (release) {
  run('cargo', ['rustc', '--release', ...cargo, '--features', 'split', '--', '-Clink-arg=--emit-relocs']);
  const split = join(work, 'split');
  run('wasm-split-cli', ['--target', 'web', '--out-name', 'preflight-web', join(targetDir, 'wasm32-unknown-unknown/release/preflight-web.wasm'), split]);
  run('wasm-bindgen', [...bindgen, '--keep-lld-exports', join(split, 'preflight-web.wasm')]);
  const modules = [join(work, 'bindgen/preflight-web_bg.wasm')];
  for (const name of readdirSync(split).sort()) {
    if (name.endsWith('.wasm') && name !== 'preflight-web.wasm') modules.push(join(split, name));
  }
  await optimise(modules);
  for (const path of modules.slice(1)) chunks.set(path.slice(split.length + 1), readFileSync(path));
} else {
  run('cargo', ['build', ...cargo]);
  run('wasm-bindgen', [...bindgen, join(targetDir, 'wasm32-unknown-unknown/debug/preflight-web.wasm')]);
}

/** `wasm-opt -Oz` on every file, in place, as many at a time as there are cores. */
async function optimise(paths) {
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      await new Promise((resolve, reject) => {
        // (Its only output is a warning per module about the name section's newer subsections.)
        const child = spawn('wasm-opt', ['-Oz', path, '-o', path], { stdio: ['ignore', 'inherit', 'ignore'] });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wasm-opt failed on ${path}`))));
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), 4) }, worker));
}

// Names: every wasm file is named after its contents; the two JavaScript modules import each
// other, so they are named after the release (all of its wasm and JavaScript). An old page can
// never load a new release's chunk, nor a new page an old one.
const mainWasm = readFileSync(join(work, 'bindgen/preflight-web_bg.wasm'));
let mainJs = readFileSync(join(work, 'bindgen/preflight-web.js'), 'utf8');
let splitJs = release ? readFileSync(join(work, 'split/__wasm_split.js'), 'utf8') : '';
const releaseId = short([mainWasm, mainJs, splitJs, ...[...chunks.values()].map(short)].map((x) => short(x)).join('\n'));
const mainWasmName = `preflight-web-${short(mainWasm)}_bg.wasm`;
const mainJsName = `preflight-web-${releaseId}.js`;
const splitJsName = `split-${releaseId}.js`;
if (release) {
  // Each chunk is fetched with its integrity, under its hashed name.
  const fetched = new Set();
  splitJs = splitJs.replace(/fetch\(new URL\("\.\/([\w-]+\.wasm)", import\.meta\.url\)\)/g, (_, name) => {
    const bytes = chunks.get(name);
    if (!bytes) throw new Error(`__wasm_split.js fetches ${name}, which wasm-split-cli did not write`);
    fetched.add(name);
    const hashed = name.replace(/\.wasm$/, `-${short(bytes)}.wasm`);
    writeFileSync(join(staging, hashed), bytes);
    return `fetch(new URL("./${hashed}", import.meta.url), { integrity: "${sri(bytes)}" })`;
  });
  const unused = [...chunks.keys()].filter((n) => !fetched.has(n));
  if (unused.length) throw new Error(`__wasm_split.js no longer fetches its modules as expected (${unused.length} not found, e.g. ${unused[0]})`);
  const importsMain = 'import { initSync } from "./preflight-web.js";';
  if (!splitJs.includes(importsMain)) throw new Error('__wasm_split.js no longer imports initSync from ./preflight-web.js');
  splitJs = splitJs.replace(importsMain, `import { initSync } from "./${mainJsName}";`);
  const importsSplit = / from "\.\/__wasm_split\.js"/g;
  if (!importsSplit.test(mainJs)) throw new Error('preflight-web.js no longer imports ./__wasm_split.js');
  mainJs = mainJs.replace(importsSplit, ` from "./${splitJsName}"`);
  writeFileSync(join(staging, splitJsName), splitJs);
}
writeFileSync(join(staging, mainWasmName), mainWasm);
writeFileSync(join(staging, mainJsName), mainJs);

// The loader. A loader that fails (a file missing, changed or cut off) says so on the page
// instead of leaving it blank, so the module is imported dynamically, where failure is caught.
// The wasm is fetched by the loader, not by a tag, and browsers ignore integrity on a preload
// of a fetch(), so the fetch itself carries it.
const prefix = process.env.TRUNK_PUBLIC_URL ?? './';
const loader = `try {
  const bindings = await import('${prefix}${mainJsName}');
  await bindings.default({ module_or_path: fetch('${prefix}${mainWasmName}', { integrity: '${sri(mainWasm)}' }) });
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
const cors = 'crossorigin="anonymous"';
const modulePreload = (name, body) => `<link rel="modulepreload" href="${prefix}${name}" ${cors} integrity="${sri(body)}">`;
const tags = [
  modulePreload(mainJsName, mainJs),
  ...(release ? [modulePreload(splitJsName, splitJs)] : []),
  // No integrity here: Chromium ignores it on a fetch preload and logs a warning saying so; the
  // loader's fetch, which carries it, still uses this download.
  `<link rel="preload" href="${prefix}${mainWasmName}" ${cors} as="fetch" type="application/wasm">`,
  `<script type="module" src="${prefix}${bootName}" integrity="${sri(loader)}" ${cors}></script>`,
];
// The first paint: the start page as plain HTML, in the visitor's language, before the wasm
// (src/prerender.rs; the small script that picks the language must be a file, for the policy).
const emptyBoot = '<div id="boot" class="boot-page"></div>';
if (!html.includes(emptyBoot)) throw new Error(`index.html has no ${emptyBoot}`);
html = html.replace(emptyBoot, `<div id="boot" class="boot-page">${readFileSync(join(source, 'src/content/start.html'), 'utf8').trim()}</div>`);
const langJs = readFileSync(join(source, 'scripts/lang.js'));
const langName = `lang-${short(langJs)}.js`;
writeFileSync(join(staging, langName), langJs);
if (!html.includes('<meta charset="utf-8" />')) throw new Error('no <meta charset> to put the language script after');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <script src="${prefix}${langName}" integrity="${sri(langJs)}" ${cors}></script>`);
// Trunk leaves the skipped link as it is.
const rustLink = /\s*<link data-trunk rel="rust" data-bin="preflight-web" data-trunk-skip[^>]*>/;
if (!rustLink.test(html)) throw new Error("index.html lost the app's data-trunk-skip rust link");
html = html.replace(rustLink, '');
if (!html.includes('</head>')) throw new Error('index.html has no </head>');
html = html.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`);
// `trunk serve` adds its live-reload script inline, with placeholders it fills in when it
// serves the page; such a development page gets no policy and no service worker. What is
// built for hosting (`trunk build`) must have no inline script at all.
const devServer = html.includes('{{__TRUNK_ADDRESS__}}');
const withoutDevScript = devServer
  ? html.replace(/<script>"use strict";[\s\S]*?\{\{__TRUNK_ADDRESS__\}\}[\s\S]*?<\/script>/, '')
  : html;
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(withoutDevScript)) throw new Error('an inline script is left in index.html');
if (/\sstyle=/.test(html)) throw new Error('an inline style attribute is in index.html');

// The Office worker's shim (Trunk's data-loader-shim): the same integrity check for its
// wasm, wasm-bindgen's current calling convention (the old one logs a deprecation warning), and
// a failed load reported to the page.
const shimPath = join(staging, 'office-worker_loader.js');
const shim = readFileSync(shimPath, 'utf8');
const shimCall = /wasm_bindgen\("([^"]*?)(office-worker_bg\.wasm)"\);/;
const shimMatch = shim.match(shimCall);
if (!shimMatch) throw new Error('office-worker_loader.js no longer calls wasm_bindgen("…office-worker_bg.wasm")');
writeFileSync(shimPath, shim.replace(
  shimCall,
  // A wasm that cannot be fetched (offline before it was cached, a file gone from the server)
  // is said to the page, which shows it, instead of a worker that never answers.
  `wasm_bindgen({ module_or_path: fetch("${shimMatch[1]}${shimMatch[2]}", { integrity: "${sri(readFileSync(join(staging, shimMatch[2])))}" }) }).catch((e) => postMessage(String(e)));`,
));

// 3. The policy, before anything it governs.
const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`;
if (!html.includes('<meta charset="utf-8" />')) throw new Error('no <meta charset> to put the policy after');
if (!devServer) html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
writeFileSync(indexPath, html);

// 4. The service worker.
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
  // Not the config: it is the sales team's, edited without a new release, so it is fetched from
  // the network first (sw.template.js) rather than pinned to the release.
  const precache = files.filter((f) => f !== 'sw.js' && f !== 'config.json' && !f.endsWith('.example.json'));
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
