// The size check is the budget's only guard: prove that it fails when a bundle is over.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

function check(budgets: Record<string, number>) {
  const dir = mkdtempSync(join(tmpdir(), 'aie-size-'));
  writeFileSync(join(dir, 'widget.min.js'), 'export const a = 1;\n'.repeat(200));
  mkdirSync(join(dir, 'widget-parts'));
  writeFileSync(join(dir, 'widget-parts', 'later-Ab3_x-9Z.js'), 'export const b = 2;\n'.repeat(10));
  writeFileSync(join(dir, 'budgets.json'), JSON.stringify(budgets));
  const run = spawnSync(process.execPath, ['scripts/size.mjs', '--dist', dir, '--budgets', join(dir, 'budgets.json')], { encoding: 'utf8' });
  return { ...run, report: JSON.parse(readFileSync(join(dir, 'size-report.json'), 'utf8')) };
}

describe('npm run size', () => {
  it('passes within budget and writes the report', () => {
    const run = check({ widget: 10_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(Object.keys(run.report[0]).sort(), ['file', 'gzipBytes', 'minBytes', 'name']);
    assert.equal(run.report[0].name, 'widget');
    assert.equal(run.report[0].minBytes, 4000);
    assert.ok(run.report[0].gzipBytes < 200);
    assert.match(run.stdout, /widget\s+4,000/);
  });

  it('lists the later parts a first script fetches, by name without their hash', () => {
    const run = check({ widget: 10_000 });
    assert.deepEqual(run.report.map((row: { name: string }) => row.name), ['widget', 'widget-parts/later']);
    assert.equal(run.report[1].minBytes, 200);
    assert.match(run.stdout, /widget-parts\/later\s+200/);
  });

  it('fails when a bundle is over its budget', () => {
    const run = check({ widget: 10 });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /widget is \d+ B gzip, over its budget of 10 B/);
  });

  it('fails when a budgeted bundle is missing', () => {
    const run = check({ widget: 10_000, core: 10_000 });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /core has a budget but no bundle/);
  });
});
