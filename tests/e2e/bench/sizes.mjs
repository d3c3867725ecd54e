// First-load sizes of the built site (dist/): raw, gzip -9 and brotli (q11) per file type.
// Usage: node sizes.mjs [DIST] — prints a Markdown table; exits 0 (a budget is reported, not asserted).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? new URL('../../../dist', import.meta.url).pathname;
const BUDGET = 150 * 1000;
const byType = {};
const onDemand = [];
const pages = { files: 0, raw: 0, brotli: 0 };
const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
for (const name of readdirSync(dist)) {
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const type = extname(name).slice(1) || name;
  const body = readFileSync(path);
  // Fetched only when used: the spreadsheet worker, the service catalogue.
  // The service worker script is fetched when the app registers it, after the start page is up.
  if (name.startsWith('office-worker') || name === 'catalogue.json' || name === 'sw.js') {
    onDemand.push(`${name} ${body.length.toLocaleString('en')} bytes, ${brotli(body).toLocaleString('en')} brotli`);
    continue;
  }
  // The pages' code, split off the main module and fetched when a page first opens.
  if (/^(split|chunk)_.*\.wasm$/.test(name)) {
    pages.files += 1;
    pages.raw += body.length;
    pages.brotli += brotli(body);
    continue;
  }
  // Only what the browser fetches to show the first screen (no schemas, no optional lenses).
  if (!['html', 'js', 'wasm', 'css', 'svg'].includes(type)) continue;
  const t = (byType[type] ??= { raw: 0, gzip: 0, brotli: 0, files: 0 });
  t.files += 1;
  t.raw += body.length;
  t.gzip += gzipSync(body, { level: 9 }).length;
  t.brotli += brotli(body);
}
const total = { raw: 0, gzip: 0, brotli: 0 };
console.log('| file type | files | raw bytes | gzip -9 | brotli |');
console.log('|---|---:|---:|---:|---:|');
for (const [type, t] of Object.entries(byType).sort((a, b) => b[1].raw - a[1].raw)) {
  console.log(`| ${type} | ${t.files} | ${t.raw.toLocaleString('en')} | ${t.gzip.toLocaleString('en')} | ${t.brotli.toLocaleString('en')} |`);
  for (const k of Object.keys(total)) total[k] += t[k];
}
console.log(`| **total** | | ${total.raw.toLocaleString('en')} | ${total.gzip.toLocaleString('en')} | **${total.brotli.toLocaleString('en')}** |`);
const verdict = total.brotli <= BUDGET ? 'within' : 'OVER';
console.log(`\nFirst load: ${total.brotli.toLocaleString('en')} bytes brotli; budget ${BUDGET.toLocaleString('en')} — ${verdict} budget.`);
onDemand.unshift(`the pages' code, ${pages.files} files, ${pages.raw.toLocaleString('en')} bytes, ${pages.brotli.toLocaleString('en')} brotli in all`);
console.log(`Loaded on demand: ${onDemand.join('; ')}.`);
