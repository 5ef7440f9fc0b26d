// Prints every shipped bundle's size (minified and gzip -9), the later parts a first script
// fetches (dist/<name>-parts/, named without their hash) included, writes dist/size-report.json,
// and exits 1 when a bundle is over its budget in size-budgets.json (or a budgeted one is missing).
//   node scripts/size.mjs [--dist dir] [--budgets file]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, budgets: { type: 'string', default: 'size-budgets.json' } } });
const budgets = Object.fromEntries(Object.entries(JSON.parse(readFileSync(values.budgets, 'utf8'))).filter(([key]) => !key.startsWith('$')));

const measure = (name, file) => {
  const code = readFileSync(file);
  return { name, file, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
};
const bundles = readdirSync(values.dist).filter((file) => file.endsWith('.min.js')).sort();
const report = bundles.flatMap((file) => {
  const name = file.replace(/\.min\.js$/, '');
  const partsDir = join(values.dist, `${name}-parts`);
  const parts = existsSync(partsDir) ? readdirSync(partsDir).filter((part) => part.endsWith('.js')).sort() : [];
  return [measure(name, join(values.dist, file)), ...parts.map((part) => measure(`${name}-parts/${part.replace(/-[\w-]{8}\.js$/, '')}`, join(partsDir, part)))];
});
writeFileSync(join(values.dist, 'size-report.json'), `${JSON.stringify(report, null, 2)}\n`);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const problems = [];
const rows = report.map(({ name, minBytes, gzipBytes }) => {
  const budget = budgets[name];
  const verdict = budget === undefined ? 'no budget' : gzipBytes <= budget ? `ok (${Math.round((gzipBytes / budget) * 100)} %)` : 'OVER';
  if (budget !== undefined && gzipBytes > budget) problems.push(`${name} is ${gzipBytes} B gzip, over its budget of ${budget} B`);
  return [name, minBytes.toLocaleString('en'), gzipBytes.toLocaleString('en'), budget === undefined ? '-' : kb(budget), verdict];
});
for (const name of Object.keys(budgets)) {
  if (!report.some((r) => r.name === name)) problems.push(`${name} has a budget but no bundle in ${values.dist}`);
}
const header = ['bundle', 'min bytes', 'gzip bytes', 'budget', 'verdict'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
for (const problem of problems) console.error(`size: ${problem}`);
process.exit(problems.length ? 1 : 0);
