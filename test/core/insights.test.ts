import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig, newUuid } from '@ai-interview-exit/core';
import { createI18n, hrResources } from '@ai-interview-exit/core/i18n';
import {
  DEFAULT_PLAUSIBILITY,
  InsightsSchema,
  computeInsights,
  createMemoryHrAdapter,
  exitRateAlerts,
  exitRateByRole,
  exitsOverTime,
  OVER_TIME_MAX_DAYS,
  matchesFilter,
  parseCsv,
  plausibilityFlags,
  rateAlertChange,
  roleRate,
  reasonBreakdown,
  toCsv,
  hrLiveLine,
  type ExitFact,
  type HrExitRow,
  type StartedInterview,
} from '@ai-interview-exit/core/insights';
import { T0, progressAt } from '../support/fixtures.js';

function exit(overrides: Partial<ExitFact> & { code?: string | null; answered?: number; minutes?: number } = {}): ExitFact {
  const { code = 'emergency', answered = 5, minutes = 10, ...rest } = overrides;
  const progress = progressAt(answered);
  return {
    idempotencyKey: newUuid(),
    candidateRef: `c-${Math.random().toString(36).slice(2, 8)}`,
    jobType: 'frontline',
    stage: 'professional',
    exitedAt: new Date(Date.parse(progress.startedAt) + minutes * 60_000).toISOString(),
    reason: code === null ? null : { code, text: '' },
    progress,
    ...rest,
  };
}
const started = (jobType: string, n: number): StartedInterview[] =>
  Array.from({ length: n }, (_, i) => ({ interviewId: `${jobType}-${i}`, jobType, startedAt: T0 }));

describe('insights (R24, R26)', () => {
  it('reason breakdown: counts and shares, largest first, "no reason" as null', () => {
    const exits = [exit({ code: 'not-interested' }), exit({ code: 'not-interested' }), exit({ code: 'emergency' }), exit({ code: null })];
    assert.deepEqual(reasonBreakdown(exits), [
      { code: 'not-interested', count: 2, share: 0.5 },
      { code: 'emergency', count: 1, share: 0.25 },
      { code: null, count: 1, share: 0.25 },
    ]);
  });

  it('exit rate per role over interviews started, and the 30 % alert', () => {
    const exits = [...Array(4)].map(() => exit({ jobType: 'frontline' })).concat(exit({ jobType: 'manager' }));
    const byRole = exitRateByRole(exits, [...started('frontline', 10), ...started('manager', 10)]);
    assert.deepEqual(byRole, [
      { key: 'frontline', exits: 4, started: 10, rate: 0.4 },
      { key: 'manager', exits: 1, started: 10, rate: 0.1 },
    ]);
    const report = defaultConfig().report;
    assert.deepEqual(exitRateAlerts(byRole, report).map((a) => a.jobType), ['frontline']);
    assert.deepEqual(exitRateAlerts(byRole, { ...report, roleThresholds: { frontline: 0.5 } }), []);
  });

  it('a job type named like an Object.prototype member ("constructor") gets the default threshold, or its own', () => {
    const byRole = [{ key: 'constructor', exits: 4, started: 10, rate: 0.4 }];
    const report = defaultConfig().report;
    assert.deepEqual(exitRateAlerts(byRole, report).map((a) => [a.jobType, a.threshold]), [['constructor', 0.3]]);
    assert.deepEqual(exitRateAlerts(byRole, { ...report, roleThresholds: { constructor: 0.5 } }), []);
  });

  it('exits over time fill the empty days, in the given time zone', () => {
    const exits = [
      exit({ exitedAt: '2026-11-20T15:30:00.000Z' }), // 23:30 in Shanghai
      exit({ exitedAt: '2026-11-20T16:30:00.000Z' }), // 00:30 next day in Shanghai
      exit({ exitedAt: '2026-11-23T02:00:00.000Z' }),
    ];
    assert.deepEqual(exitsOverTime(exits, 'Asia/Shanghai'), [
      { date: '2026-11-20', count: 1 },
      { date: '2026-11-21', count: 1 },
      { date: '2026-11-22', count: 0 },
      { date: '2026-11-23', count: 1 },
    ]);
  });

  it('the series spans at most OVER_TIME_MAX_DAYS, and no day outside the given range, whatever the dates', () => {
    const exits = [exit({ exitedAt: '1000-01-01T00:00:00.000Z' }), exit({ exitedAt: '2026-11-23T02:00:00.000Z' }), exit({ exitedAt: '9999-12-31T00:00:00.000Z' })];
    const series = exitsOverTime(exits, 'UTC');
    assert.equal(series.length, OVER_TIME_MAX_DAYS);
    assert.equal(series.at(-1)!.date, '9999-12-31');
    assert.deepEqual(exitsOverTime(exits, 'UTC', { fromMs: Date.parse('2026-11-22T00:00:00Z'), toMs: Date.parse('2026-11-24T00:00:00Z') }), [
      { date: '2026-11-23', count: 1 },
    ]);
  });
});

describe('plausibility flags (R16)', () => {
  it('"mis-click" at 90 % progress is flagged', () => {
    assert.deepEqual(plausibilityFlags(exit({ code: 'mis-click', answered: 9, minutes: 12 }), []), [
      { rule: 'late-mis-click', params: { reason: 'mis-click', percent: 90, minutes: 12 } },
    ]);
  });
  it('"mis-click" after 40 minutes is flagged', () => {
    assert.equal(plausibilityFlags(exit({ code: 'mis-click', answered: 2, minutes: 41 }), [])[0]?.rule, 'late-mis-click');
  });
  it('"mis-click" after answering 3 questions contradicts the progress', () => {
    assert.deepEqual(plausibilityFlags(exit({ code: 'mis-click', answered: 3, minutes: 6 }), []), [
      { rule: 'contradicts-progress', params: { reason: 'mis-click', answered: 3, total: 10 } },
    ]);
  });
  it('an early "mis-click" is plausible', () => {
    assert.deepEqual(plausibilityFlags(exit({ code: 'mis-click', answered: 0, minutes: 1 }), []), []);
  });
  it('the same candidate giving "emergency" again is flagged', () => {
    const first = exit({ code: 'emergency', candidateRef: 'c-1', exitedAt: '2026-10-01T08:00:00.000Z' });
    const second = exit({ code: 'emergency', candidateRef: 'c-1', exitedAt: '2026-11-01T08:00:00.000Z' });
    assert.deepEqual(plausibilityFlags(second, [first, second]), [{ rule: 'repeated-reason', params: { reason: 'emergency', count: 2, days: 90 } }]);
    assert.deepEqual(plausibilityFlags(first, [first, second]), [], 'the first one was not a repeat');
  });
  it('rules can be tuned or turned off', () => {
    const late = exit({ code: 'mis-click', answered: 9 });
    assert.deepEqual(plausibilityFlags(late, [], { ...DEFAULT_PLAUSIBILITY, lateMisClick: null, contradictsProgress: null }), []);
  });
});

describe('exit-rate alerts (R26)', () => {
  const report = { ...defaultConfig().report, minInterviews: 5, roleThresholds: { frontline: 0.4 } };
  it('wait for the minimum sample: 1 exit of 2 interviews is no alarm, 2 of 5 is', () => {
    assert.deepEqual(exitRateAlerts([roleRate('office', 1, 2)], report), []);
    assert.deepEqual(exitRateAlerts([roleRate('office', 2, 5)], report).map((a) => [a.jobType, a.threshold]), [['office', 0.3]]);
    assert.deepEqual(exitRateAlerts([roleRate('frontline', 2, 5)], report), [], "a role's own line: 40 % is not above 40 %");
    assert.equal(defaultConfig().report.minInterviews, 10, 'the default sample');
  });
  it('change once per crossing: above, then nothing while above, then below once recovered', () => {
    assert.equal(rateAlertChange(null, roleRate('office', 1, 10), report), null, 'never alerted: no recovery to tell');
    const up = rateAlertChange(null, roleRate('office', 2, 5), report);
    assert.deepEqual(up, { jobType: 'office', state: 'above', rate: 0.4, threshold: 0.3, exits: 2, started: 5 });
    assert.equal(rateAlertChange('above', roleRate('office', 3, 6), report), null);
    assert.equal(rateAlertChange('above', roleRate('office', 3, 10), report)?.state, 'below', '30 % is no longer above 30 %');
    assert.equal(rateAlertChange('below', roleRate('office', 3, 11), report), null);
  });
});

describe('HR live lines in the viewer\'s language (issue 11, item 4)', () => {
  const row: HrExitRow = {
    idempotencyKey: newUuid(), interviewId: 'iv-1', candidateRef: 'c-1', candidateName: '李雷', roleTitle: '操作工', jobType: 'frontline', stage: 'professional',
    progress: null, exitedAt: '2026-11-01T08:00:00.000Z', receivedAt: '2026-11-01T08:00:00.000Z', reason: { code: 'not-interested', text: '' },
    dataChoice: 'keep', source: 'button', verification: 'not-required', review: 'none', anonymised: false, personRequested: false,
  };
  it('words an exit and an alert in English for an English viewer, in Chinese for a Chinese one', () => {
    const en = createI18n('en', hrResources);
    const zh = createI18n('zh-CN', hrResources);
    assert.equal(hrLiveLine(en, { type: 'exit', row }), 'Candidate 李雷 exited the interview. Reason: Not interested in the role');
    assert.equal(hrLiveLine(zh, { type: 'exit', row }), '候选人李雷已退出面试，原因：对岗位不感兴趣');
    const alert = { jobType: 'frontline', state: 'above', rate: 0.333, threshold: 0.3, exits: 5, started: 15 } as const;
    assert.equal(hrLiveLine(en, { type: 'alert', alert }), 'Alert: the exit rate for Front-line is 33%, above the 30% line (5 of 15 interviews).');
    assert.match(hrLiveLine(zh, { type: 'alert', alert: { ...alert, state: 'below', rate: 0.25 } }), /^已恢复：一线岗位退出率降至25%/);
  });
});

describe('computeInsights', () => {
  it('gives everything the report shows, matching its schema', () => {
    const exits = [exit({ code: 'mis-click', answered: 9 }), exit({ code: 'not-interested', jobType: 'manager' })];
    const insights = computeInsights({ exits, started: [...started('frontline', 3), ...started('manager', 5)], report: { ...defaultConfig().report, minInterviews: 3 } });
    assert.ok(InsightsSchema.safeParse(insights).success);
    assert.equal(insights.total, 2);
    assert.equal(Object.keys(insights.flags).length, 1);
    assert.deepEqual(insights.alerts.map((a) => a.jobType), ['frontline']);
  });
  it('is empty but well-formed with no exits', () => {
    const insights = computeInsights({ exits: [], started: [], report: defaultConfig().report });
    assert.deepEqual(insights, { total: 0, reasons: [], byRole: [], byStage: [], overTime: [], alerts: [], flags: {} });
  });
});

describe('memory HR adapter', () => {
  it('filters by role and time, newest first, computes insights, and plays new exits live', async () => {
    const row = (jobType: string, exitedAt: string) => ({
      ...exit({ jobType, exitedAt }),
      interviewId: `iv-${exitedAt}`,
      candidateName: '张三',
      roleTitle: '操作工',
      receivedAt: exitedAt,
      dataChoice: 'keep' as const,
      source: 'button' as const,
      verification: 'not-required' as const,
      review: 'none' as const,
      anonymised: false,
      personRequested: false,
    });
    const hr = createMemoryHrAdapter({ rows: [row('frontline', '2026-11-01T08:00:00.000Z'), row('manager', '2026-11-03T08:00:00.000Z'), row('frontline', '2026-11-05T08:00:00.000Z')], report: defaultConfig().report });
    const frontline = await hr.listExits({ jobType: 'frontline' });
    assert.deepEqual(frontline.exits.map((e) => e.exitedAt), ['2026-11-05T08:00:00.000Z', '2026-11-01T08:00:00.000Z']);
    assert.equal(frontline.insights.total, 2);
    const window = await hr.listExits({ from: '2026-11-02T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z' });
    assert.deepEqual(window.exits.map((e) => e.jobType), ['manager']);
    const seen: string[] = [];
    const stop = hr.watch((r) => seen.push(r.jobType));
    hr.add(row('executive', '2026-11-06T08:00:00.000Z'));
    stop();
    hr.add(row('executive', '2026-11-07T08:00:00.000Z'));
    assert.deepEqual(seen, ['executive']);
    assert.equal(matchesFilter({ jobType: 'x', exitedAt: '2026-11-01T00:00:00.000Z' }, { to: '2026-10-31T00:00:00.000Z' }), false);
  });
});

describe('CSV export', () => {
  it('round-trips commas, quotes, new lines and Chinese, and defuses formulas', async () => {
    const rows = [['张三', 'a, b', 'say "hi"'], ['line\nbreak', '=HYPERLINK("x")', '-1']];
    const text = toCsv(['候选人', 'note', 'quote'], rows);
    assert.ok(text.startsWith('\uFEFF'));
    assert.ok(text.endsWith('\r\n'));
    assert.deepEqual(parseCsv(text), [['候选人', 'note', 'quote'], ['张三', 'a, b', 'say "hi"'], ['line\nbreak', `'=HYPERLINK("x")`, `'-1`]]);
  });

  it('leaves no formula however a spreadsheet splits the file (comma, semicolon, tab, bar, line breaks)', () => {
    const hostile = ['a;=1+1;', 'b|@SUM(A1)', 'c\t+1', 'd\r\n-2', 'e\n=cmd', 'f,\t=1', 'g; "=1"', 'h\r@x', '\t=2', '=3', 'x;;-4', 'y| +5'];
    const text = toCsv(['name', 'note'], hostile.map((value) => [value, `ok ${value}`]));
    // A piece a spreadsheet could split off, as it reads it: spaces and quotes before a trigger do not make it text.
    const triggers = /^[ "]*[=+\-@\t\r]/;
    // Rows at any line break, quoted or not; then cells at one separator, quotes or not.
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
    for (const separator of [',', ';', '\t', '|']) {
      const live = lines.flatMap((line) => line.split(separator)).filter((piece) => triggers.test(piece));
      assert.deepEqual(live, [], `split on ${JSON.stringify(separator)}`);
    }
    // Every cell holding a separator is quoted, and the data still reads back, each trigger behind an apostrophe.
    const parsed = parseCsv(text).slice(1);
    assert.deepEqual(parsed.map((row) => row[0]), ["a;'=1+1;", "b|'@SUM(A1)", "c\t'+1", "d\r\n'-2", "e\n'=cmd", "f,'\t'=1", `g; "'=1"`, "h\r'@x", "'\t'=2", "'=3", "x;;'-4", "y| '+5"]);
    for (const line of text.split('\r\n').slice(1, 3)) assert.match(line, /^"/);
  });
});
