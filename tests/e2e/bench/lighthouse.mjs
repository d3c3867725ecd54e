// Lighthouse mobile performance (its default: an emulated mid-range phone, slow 4G, CPU slowed
// 4×), in Debian's Chromium, of the site at BASE_URL, which should be served compressed as a CDN
// would (`node serve.mjs PORT /preflight/ --compress`). Runs it RUNS times and prints each run
// and the median score.
// Usage: node lighthouse.mjs LIGHTHOUSE_BIN BASE_URL [RUNS]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { executablePath } from '../chromium.mjs';

const [bin, url, runs = '3'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const scores = [];
console.log('| run | score | FCP | LCP | TBT | CLS | Speed Index |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (let i = 1; i <= Number(runs); i++) {
  const out = join(dir, `run-${i}.json`);
  execFileSync(bin, [url, '--only-categories=performance', '--output=json', `--output-path=${out}`, '--quiet',
    '--chrome-flags=--headless=new --no-sandbox'], { env: { ...process.env, CHROME_PATH: executablePath }, stdio: 'inherit' });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const a = report.audits;
  const score = Math.round(report.categories.performance.score * 100);
  scores.push(score);
  console.log(`| ${i} | ${score} | ${a['first-contentful-paint'].displayValue} | ${a['largest-contentful-paint'].displayValue} | ${a['total-blocking-time'].displayValue} | ${a['cumulative-layout-shift'].displayValue} | ${a['speed-index'].displayValue} |`);
}
const median = [...scores].sort((x, y) => x - y)[Math.floor(scores.length / 2)];
const version = JSON.parse(readFileSync(resolve(dirname(bin), '../lighthouse/package.json'), 'utf8')).version;
console.log(`\nLighthouse ${version} mobile performance: median ${median} of ${scores.join(', ')} (budget ≥ 98).`);
