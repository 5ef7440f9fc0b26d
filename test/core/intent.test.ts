import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExitConfigSchema, IntentConfigSchema } from '@ai-interview-exit/core';
import {
  INITIAL_INTENT,
  MAX_SIGNALS,
  NudgeRecordSchema,
  VendorSignalSchema,
  intentScore,
  isQuiet,
  nudgeEnabled,
  quietFrom,
  recordSignal,
  vendorSignal,
  type IntentState,
  type IntentSignal,
} from '@ai-interview-exit/core/intent';

const config = IntentConfigSchema.parse({});
const T0 = Date.parse('2026-03-01T09:00:00Z');
const SECOND = 1000;

function feed(names: IntentSignal[], start = T0, step = SECOND, state: IntentState = INITIAL_INTENT) {
  let reading = { state, signals: [] as IntentSignal[], score: 0, nudge: false };
  names.forEach((name, index) => (reading = recordSignal(reading.state, name, start + index * step, config)));
  return reading;
}

describe('R29 intent: scoring', () => {
  it('defaults: 3 hovers within 60 s, idle after 120 s, threshold 1, quiet for 10 minutes', () => {
    assert.deepEqual(config, { hovers: 3, windowSeconds: 60, idleSeconds: 120, threshold: 1, quietMinutes: 10 });
  });

  it('three hovers within a minute reach the threshold and ask for a nudge', () => {
    assert.equal(feed(['exit-hover', 'exit-hover']).nudge, false);
    const third = feed(['exit-hover', 'exit-hover', 'exit-hover']);
    assert.equal(third.score, 1);
    assert.equal(third.nudge, true);
    assert.deepEqual(third.signals, ['exit-hover']);
  });

  it('hovers spread over more than the window never add up', () => {
    const reading = feed(['exit-hover', 'exit-hover', 'exit-hover'], T0, 31 * SECOND);
    assert.equal(reading.nudge, false);
    assert.ok(reading.score < 1);
    assert.equal(reading.state.signals.length, 2, 'the oldest fell out of the window');
  });

  it('mixed signals add up: a long idle and a media error', () => {
    const reading = feed(['idle', 'media-error']);
    assert.equal(reading.score, 1);
    assert.equal(reading.nudge, true);
    assert.deepEqual(reading.signals, ['idle', 'media-error']);
  });

  it('the score never exceeds 1', () => {
    assert.equal(intentScore(Array.from({ length: 10 }, (_, i) => ({ name: 'media-error' as const, at: T0 + i })), T0 + 10, config), 1);
  });

  it('a flood of signals is capped: memory and work stay bounded', () => {
    let state: IntentState = { signals: [], quietFrom: T0 };
    for (let i = 0; i < 10_000; i += 1) state = recordSignal(state, 'network-unstable', T0 + i, config).state;
    assert.equal(state.signals.length, MAX_SIGNALS);
  });

  it('a lower threshold nudges sooner', () => {
    const eager = IntentConfigSchema.parse({ threshold: 0.5 });
    assert.equal(recordSignal(INITIAL_INTENT, 'answer-failed', T0, eager).nudge, true);
  });
});

describe('R29 intent: the quiet period', () => {
  it('after a nudge, none comes back within the quiet period, then one may', () => {
    const first = feed(['exit-hover', 'exit-hover', 'exit-hover']);
    assert.equal(first.nudge, true);
    assert.deepEqual(first.state.signals, [], 'a nudge starts from fresh hesitation');
    const soon = feed(['exit-hover', 'exit-hover', 'exit-hover'], T0 + 60 * SECOND, SECOND, first.state);
    assert.equal(soon.score, 1);
    assert.equal(soon.nudge, false, 'within 10 minutes: no nudge');
    const later = feed(['exit-hover', 'exit-hover', 'exit-hover'], T0 + 11 * 60 * SECOND, SECOND, soon.state);
    assert.equal(later.nudge, true);
  });

  it('a dismissal starts the quiet period again', () => {
    const state = quietFrom({ signals: [], quietFrom: T0 }, T0 + 9 * 60 * SECOND);
    assert.equal(isQuiet(state, T0 + 15 * 60 * SECOND, config), true);
    assert.equal(isQuiet(state, T0 + 20 * 60 * SECOND, config), false);
  });
});

describe('R29 intent: config and policy', () => {
  it('bounds are enforced: out-of-range thresholds are refused with a path', () => {
    for (const bad of [{ hovers: 1 }, { hovers: 11 }, { windowSeconds: 5 }, { threshold: 0 }, { threshold: 2 }, { quietMinutes: 0 }, { idleSeconds: -1 }]) {
      const result = ExitConfigSchema.safeParse({ intent: bad });
      assert.equal(result.success, false, JSON.stringify(bad));
      assert.equal(result.error?.issues[0]?.path[0], 'intent');
    }
  });

  it('the nudge is off by default; rules turn it on by job type and stage, later rules override', () => {
    const parsed = ExitConfigSchema.parse({
      rules: [
        { when: { stages: ['professional'] }, then: { nudge: true } },
        { when: { jobTypes: ['executive'] }, then: { nudge: false } },
      ],
    });
    assert.equal(nudgeEnabled(parsed, { jobType: 'frontline', stage: 'self-introduction' }), false);
    assert.equal(nudgeEnabled(parsed, { jobType: 'frontline', stage: 'professional' }), true);
    assert.equal(nudgeEnabled(parsed, { jobType: 'executive', stage: 'professional' }), false);
    assert.equal(nudgeEnabled(ExitConfigSchema.parse({ defaults: { nudge: true } }), { jobType: 'x', stage: 'y' }), true);
  });

  it('an unknown signal name is refused with the names it accepts', () => {
    assert.equal(VendorSignalSchema.safeParse('bored').success, false);
    assert.throws(() => vendorSignal('bored'), { name: 'RangeError', message: /"bored".*answer-failed, media-error, network-unstable/ });
    assert.throws(() => vendorSignal('exit-hover'), RangeError, 'the widget\'s own signals cannot be faked');
    assert.equal(vendorSignal('media-error'), 'media-error');
  });

  it('a nudge record: bounded, no personal fields, outcome from a closed list', () => {
    const record = {
      id: '0b7f3c1e-8a52-4d7e-9f00-3c2b1a0d9e8f',
      interviewId: 'iv-1',
      candidateRef: 'c-1',
      jobType: 'frontline',
      stage: 'professional',
      shownAt: '2026-03-01T09:00:00.000Z',
      signals: ['exit-hover'],
      score: 1,
      outcome: 'shown',
    };
    assert.equal(NudgeRecordSchema.safeParse(record).success, true);
    assert.equal(NudgeRecordSchema.safeParse({ ...record, outcome: 'left' }).success, false);
    assert.equal(NudgeRecordSchema.safeParse({ ...record, score: 3 }).success, false);
    assert.equal(NudgeRecordSchema.safeParse({ ...record, signals: Array(6).fill('idle') }).success, false);
  });
});
