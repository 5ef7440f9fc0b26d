// Property tests of the exit flow (acceptance: ≥ 1,000 random action sequences per property).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { INITIAL_STATE, createExitStore, reduce, type FlowAction, type FlowEffect, type FlowState } from '@ai-interview-exit/core';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { anyActionArb, playScenario, scenarioArb, storeInputArb } from '../support/flow-arbitraries.js';
import { FlowStateSchema } from '../support/flow-state-schema.js';
import { contextFor } from '../support/fixtures.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const stores = (effects: FlowEffect[]) => effects.filter((e): e is Extract<FlowEffect, { type: 'storeExit' }> => e.type === 'storeExit');
const emitted = (effects: FlowEffect[], name: string) => effects.filter((e) => e.type === 'emit' && e.event.name === name);

describe('exit flow reducer: properties', () => {
  it('never throws and never leaves the state union (pure chaos)', () => {
    fc.assert(
      fc.property(fc.array(anyActionArb, { maxLength: 60 }), (actions) => {
        let state: FlowState = INITIAL_STATE;
        for (const action of actions) {
          state = reduce(state, action).state;
          const parsed = FlowStateSchema.safeParse(state);
          assert.ok(parsed.success, `${action.type} → ${JSON.stringify(parsed.error?.issues?.slice(0, 2))}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never leaves the state union along realistic sessions with stray events', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { states } = playScenario(scenario);
        for (const state of states) assert.ok(FlowStateSchema.safeParse(state).success, JSON.stringify(state).slice(0, 300));
      }),
      { numRuns: RUNS },
    );
  });

  it('a confirmed exit yields exactly one record, whatever the order of clicks and answers', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { states, effects } = playScenario(scenario);
        const stored = stores(effects);
        // an exit recovered from an earlier page is shown, never recorded again
        const confirmed = states.some((s) => s.status === 'submitting');
        assert.equal(stored.length, confirmed ? 1 : 0, `${stored.length} records`);
        assert.ok(emitted(effects, 'exit-confirm').length <= 1);
        assert.ok(emitted(effects, 'exit-complete').length <= 1);
        const doneAfterConfirm = states.findIndex((s) => s.status === 'done') > states.findIndex((s) => s.status === 'submitting');
        if (confirmed && doneAfterConfirm) assert.equal(emitted(effects, 'exit-confirm').length, 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('every record carries the progress, time and ids of the session that made it', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { actions, effects } = playScenario(scenario);
        const [effect] = stores(effects);
        if (!effect) return;
        const opens = actions.filter((a): a is Extract<FlowAction, { type: 'open' }> => a.type === 'open');
        const { record } = effect;
        const open = opens.findLast((o) => o.context.interviewId === record.interviewId)!;
        assert.equal(record.candidateRef, open.context.candidateRef);
        assert.ok(record.progress, 'progress is kept');
        assert.ok(Date.parse(record.exitedAt) > 0);
        assert.ok(record.reason === null || record.reason.text.length <= 500);
        if (record.verification === 'unverified') assert.equal(record.hrReview, true);
      }),
      { numRuns: RUNS },
    );
  });

  it('cancel from any step returns to idle with nothing recorded, and nothing late records it', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(anyActionArb.filter((a) => a.type !== 'open'), { maxLength: 15 }), (scenario, late) => {
        const { state, actions, effects } = playScenario(scenario);
        if (state.status !== 'help' && state.status !== 'confirm' && state.status !== 'verify') return;
        const cancelled = reduce(state, { type: 'cancel' });
        assert.equal(cancelled.state.status, 'idle');
        assert.deepEqual(cancelled.effects, [{ type: 'emit', event: { name: 'exit-cancel', step: state.status } }]);
        assert.equal(stores(effects).length, 0, `recorded before cancel: ${actions.map((a) => a.type).join(' ')}`);
        let after: FlowState = cancelled.state;
        for (const action of late) {
          const next = reduce(after, action);
          assert.equal(stores(next.effects).length, 0, `late ${action.type} recorded a cancelled exit`);
          after = next.state;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the generator reaches every state and verification phase (guards the tests above)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        for (const s of playScenario(scenario).states) seen.add(s.status === 'verify' ? `verify:${s.verify.phase}` : s.status);
      }),
      { numRuns: RUNS, seed: 42 },
    );
    const expected = ['idle', 'help', 'confirm', 'verify:sending', 'verify:sent', 'verify:checking', 'verify:failed', 'verify:locked', 'submitting', 'done', 'reentry', 'resume', 'complete'];
    assert.deepEqual(expected.filter((s) => !seen.has(s)), []);
  });
});

describe('exit store with the memory adapter: properties', () => {
  it('at most one exit reaches the adapter, and exactly one once the flow is done', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(storeInputArb, { minLength: 4, maxLength: 40, size: 'large' }), fc.constantFrom('engineer', 'executive', 'frontline'), async (inputs, jobType) => {
        const codes: string[] = [];
        const adapter = createMemoryAdapter({ onCode: (code) => codes.push(code) });
        const store = createExitStore({ config: { defaults: { gate: jobType === 'executive' ? 'verify' : 'confirm' } }, context: contextFor({ jobType }), adapter });
        for (const [index, input] of inputs.entries()) {
          if (input.type === 'tick') await new Promise((resolve) => setTimeout(resolve, 0));
          else if (input.type === 'open') store.open('button');
          // half the codes typed are the real one, half are guesses
          else if (input.type === 'submitCode' && codes.length > 0 && index % 2 === 0) store.dispatch({ type: 'submitCode', code: codes.at(-1)! });
          else store.dispatch(input);
        }
        await new Promise((resolve) => setTimeout(resolve, 0));
        const state = store.getState();
        assert.equal(adapter.exits().length, state.status === 'done' ? 1 : 0);
        assert.ok(adapter.calls.submitExit <= 1);
        if (state.status === 'done') assert.equal(adapter.exits()[0]!.idempotencyKey, state.record.idempotencyKey);
      }),
      { numRuns: Math.max(200, RUNS / 5) },
    );
  });
});
