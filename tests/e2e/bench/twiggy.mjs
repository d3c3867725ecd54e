// What takes the bytes of a wasm module, by part of the program: runs `twiggy top` on a module
// that still has its function names (the release build's main module before wasm-bindgen and
// wasm-opt, target/preflight-web/release/split/preflight-web.wasm, or the unsplit one) and
// sums each item's size into a group: the app's views, its string table, domain code, data,
// and each dependency crate. Sizes are before wasm-opt (which shrinks code by about a third)
// and uncompressed; they rank, they do not add up to the shipped bytes.
// Usage: node twiggy.mjs WASM [ROWS]
import { execFileSync } from 'node:child_process';

const [wasm, rows = '25'] = process.argv.slice(2);
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
const groups = new Map();
const add = (group, bytes) => groups.set(group, (groups.get(group) ?? 0) + bytes);
for (const line of csv.split('\n').slice(1)) {
  const m = line.match(/^"?(.*?)"?,(\d+),/);
  if (!m) continue;
  const [, name, size] = m;
  const bytes = Number(size);
  if (/function names|custom section|subsection/.test(name)) continue; // not shipped: stripped by wasm-opt
  // Import and export entries: the linking names between split modules, gone from the shipped
  // main module (wasm-bindgen and wasm-opt keep 38 exports).
  if (/^(export|import) /.test(name) || /^__wbindgen_describe/.test(name)) continue;
  if (name.startsWith('data segment')) { add('data (string literals, the holiday calendar, tables)', bytes); continue; }
  if (name.startsWith('__wasm_split_00')) { add('preflight: views (each split\'s entry: the page\'s body)', bytes); continue; }
  // The crate of the item, or of the type a generic item is for (`<alloc::vec::Vec<T> as …>`).
  const crate = name.replace(/^[<&\s]*(mut\s+)?/, '').match(/^([a-z_][a-z0-9_]*)/)?.[1] ?? 'other (tables, glue)';
  if (crate !== 'preflight') { add(crate, bytes); continue; }
  const path = name.replace(/^[<&\s]*(mut\s+)?preflight::/, '');
  if (path.startsWith('i18n::Msg')) add('preflight: the message table (Msg::text)', bytes);
  else if (path.startsWith('i18n')) add('preflight: other i18n (problem texts)', bytes);
  else if (path.startsWith('ui::views::') || path.startsWith('ui::__component') || path.startsWith('ui::pages')) {
    add(`preflight: views::${path.split('::')[2]?.replace(/^__component_/, '') ?? ''}`.replace('views::undefined', 'views'), bytes);
  } else if (path.startsWith('ui')) add(`preflight: ui::${path.split('::')[1]}`, bytes);
  else if (path.startsWith('domain')) add(`preflight: domain::${path.split('::')[1]}`, bytes);
  else add('preflight: other', bytes);
}
const total = [...groups.values()].reduce((a, b) => a + b, 0);
console.log(`| part of \`${wasm.split('/').slice(-2).join('/')}\` | bytes (before wasm-opt) | share |`);
console.log('|---|---:|---:|');
for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, Number(rows))) {
  console.log(`| ${group} | ${bytes.toLocaleString('en')} | ${((100 * bytes) / total).toFixed(1)} % |`);
}
console.log(`| **all (names and custom sections left out)** | ${total.toLocaleString('en')} | |`);
