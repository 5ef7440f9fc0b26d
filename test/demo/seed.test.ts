// The demo's first start shows something worth seeing, and a restart adds nothing (issue: seeding).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { HrExitsResponse } from '@ai-interview-exit/core/insights';
import { createDemoApp, DEMO_HR_TOKEN } from '../../examples/demo/app.js';

const dir = mkdtempSync(join(tmpdir(), 'aie-seed-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function report(): Promise<HrExitsResponse> {
  const app = await createDemoApp({ dbPath: join(dir, 'demo.sqlite'), console: false });
  try {
    const response = await app.inject({ method: 'GET', url: '/v1/hr/exits', headers: { authorization: `Bearer ${DEMO_HR_TOKEN}` } });
    return response.json() as HrExitsResponse;
  } finally {
    await app.close();
  }
}

describe('demo seeding', () => {
  it('shows the chart, front-line just under 30 % (one exit crosses it, live) and plausibility flags on the first start, and nothing more on the next', async () => {
    const first = await report();
    assert.equal(first.exits.length, 9);
    assert.ok(first.insights.reasons.length >= 5, 'a chart with several reasons');
    assert.deepEqual(first.insights.alerts, [], 'no alarm yet');
    const frontline = first.insights.byRole.find((r) => r.key === 'frontline')!;
    assert.ok(frontline.rate < 0.3 && (frontline.exits + 1) / (frontline.started + 1) > 0.3, JSON.stringify(frontline));
    const rules = Object.values(first.insights.flags).flat().map((f) => f.rule);
    assert.ok(rules.includes('late-mis-click'), rules.join());
    assert.ok(rules.includes('repeated-reason'), rules.join());
    assert.equal(first.insights.byRole.reduce((n, r) => n + r.started, 0), 38);

    const second = await report();
    assert.deepEqual(second.exits.map((e) => e.idempotencyKey).sort(), first.exits.map((e) => e.idempotencyKey).sort());
    assert.equal(second.insights.byRole.reduce((n, r) => n + r.started, 0), 38);
  });
});
