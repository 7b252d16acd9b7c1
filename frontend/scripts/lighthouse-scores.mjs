// Prints the scores of a Lighthouse CI collection (scripts/lighthouse.sh): per page, each run's
// category scores and the median, and the median run's paint, blocking and shift figures with
// its CPU benchmark and slowdown multiplier.
// `lhci assert` then judges the budgets; this only reports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: lighthouse-scores.mjs <.lighthouseci directory>');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const metrics = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
];

const byUrl = new Map();
for (const name of readdirSync(dir).filter((n) => /^lhr-.*\.json$/.test(n)).sort()) {
  const lhr = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const runs = byUrl.get(lhr.requestedUrl) ?? [];
  runs.push(lhr);
  byUrl.set(lhr.requestedUrl, runs);
}
if (byUrl.size === 0) throw new Error(`no Lighthouse results in ${dir}`);

const score = (lhr, c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

console.log(`${'page'.padEnd(40)} ${categories.map((c) => c.padEnd(15)).join(' ')} median run`);
for (const [url, runs] of byUrl) {
  const cells = categories.map((c) => {
    const all = runs.map((r) => score(r, c));
    return `${median(all)} (${all.join('/')})`.padEnd(15);
  });
  const perf = median(runs.map((r) => score(r, 'performance')));
  const mid = runs.find((r) => score(r, 'performance') === perf) ?? runs[0];
  const figures = metrics.map(([id, label]) => `${label} ${mid.audits[id]?.displayValue ?? '?'}`).join(', ');
  const cpu = `CPU benchmark ${Math.round(mid.environment.benchmarkIndex)}, x${mid.configSettings.throttling.cpuSlowdownMultiplier}`;
  console.log(`${new URL(url).pathname.concat(new URL(url).search).padEnd(40)} ${cells.join(' ')} ${figures} (${cpu})`);
}
