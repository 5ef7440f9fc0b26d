// npm test: type-check, build, every test suite, Storybook, the size budgets. Each stage prints
// its own output; the last line is the summary "N passed, N failed" (", N skipped" if any).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin } from './run.mjs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function findTests(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? findTests(path, keep) : keep(path) ? [path] : [];
  });
}

const nodeTests = findTests('test', (p) => /\.test\.ts$/.test(p) && !p.endsWith('.browser.test.ts')).sort();
// End-to-end tests drive Chromium against built output (Storybook, the demo): after the builds.
const e2eTests = findTests('test', (p) => p.endsWith('.e2e.ts')).sort();
const nodeTestRun = (name, files) => [
  process.execPath, '--conditions=source', '--import', 'tsx', '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/reporters/node-tally.mjs', `--test-reporter-destination=${results}/${name}.json`,
  ...files,
];
const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' };

/** A stage is either one check (exit code) or a suite that writes its own tally file. */
const stages = [
  { name: 'type-check', command: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'build', command: [process.execPath, 'scripts/build.mjs'] },
  { name: 'node tests', tally: `${results}/node.json`, command: nodeTestRun('node', nodeTests) },
  { name: 'browser tests', tally: `${results}/browser.json`, command: [bin('wtr')] },
  // "Never lose an exit", model-based, against the real server with injected faults.
  { name: 'reliability', command: [process.execPath, '--conditions=source', '--import', 'tsx', 'test/reliability/run.ts', '--runs', process.env.RELIABILITY_RUNS ?? '200'] },
  { name: 'storybook build', command: [bin('storybook'), 'build', '--quiet', '-o', 'storybook-static'] },
  { name: 'e2e and stories', tally: `${results}/e2e.json`, command: nodeTestRun('e2e', e2eTests) },
  { name: 'size budgets', command: [process.execPath, 'scripts/size.mjs'] },
];

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const stage of stages) {
  console.log(`\n━━ ${stage.name} ━━`);
  const started = Date.now();
  const [command, ...args] = stage.command;
  const { status, error } = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts;
  if (stage.tally && existsSync(stage.tally)) {
    counts = JSON.parse(readFileSync(stage.tally, 'utf8'));
    // a runner that failed without a failing test (crash, bad config) is still a failure
    if (status !== 0 && counts.failed === 0) counts.failed = 1;
  } else {
    counts = { passed: status === 0 && !error ? 1 : 0, failed: status === 0 && !error ? 0 : 1, skipped: 0 };
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
  lines.push(`${stage.name.padEnd(16)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed  ${seconds.padStart(6)} s`);
}

console.log('\n━━ summary ━━');
for (const line of lines) console.log(line);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
