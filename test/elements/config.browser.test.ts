// "Never trapped, never frozen" (R20) in the real widget: hostile configs and strings, and a fixed
// sample of the generated ones (test/core/config.property.test.ts), each walked to a recorded exit.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { AieErrorEvent } from '@ai-interview-exit/elements';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { parseConfig, resolveExitPlan } from '@ai-interview-exit/core';
import { PROTOTYPE_NAMES, setupArb, type Setup } from '../support/config-arbitraries.js';
import { mountWidget, progressAt, settle, typeInto, until } from './support.js';

const context: Setup['context'] = { jobType: 'engineer', stage: 'professional', answered: 5 };
const throwing = () => {
  throw new Error('boom');
};
/** Each makes the widget refuse what it was given and fall back to the safe defaults, saying so. */
const HOSTILE: [string, Setup][] = [
  ['a reason label keyed "constructor"', { config: { reasons: [{ code: 'other', labels: { constructor: 'Other' } }] }, messages: undefined, context, reasonPick: 0 }],
  ['a help answer keyed "toString"', { config: { help: { faq: [{ question: { en: 'Q?' }, answer: { toString: 'A.' } }] } }, messages: undefined, context, reasonPick: 0 }],
  ['a reason label keyed "hasOwnProperty", from JSON', { config: JSON.parse('{"reasons":[{"code":"other","labels":{"hasOwnProperty":"Other","valueOf":"x"}}]}'), messages: undefined, context, reasonPick: 0 }],
  ['a config whose getter throws', { config: Object.defineProperty({}, 'reasons', { get: throwing, enumerable: true }), messages: undefined, context, reasonPick: 0 }],
  ['strings whose getter throws', { config: undefined, messages: { en: Object.defineProperty({}, 'exit', { get: throwing, enumerable: true }) }, context, reasonPick: 0 }],
];
/** Accepted as they are: a prototype name is a valid code, and nothing may find Object's members for it. */
const ODD_BUT_VALID: [string, Setup][] = [
  ['a reason coded "constructor", a job type "constructor" and its threshold', {
    config: { reasons: [{ code: 'constructor', labels: { en: 'Builder' } }], report: { roleThresholds: { constructor: 0.5 } }, defaults: { reason: 'required' } },
    messages: JSON.parse('{"en":{"__proto__":{"button":"x"},"constructor":{"button":"x"}},"__proto__":{"exit":{"button":"x"}}}'),
    context: { ...context, jobType: 'constructor' },
    reasonPick: 0,
  }],
];
/**
 * 60 generated setups, fixed by the seed: 20 accepted with a code gate, 20 with a prototype name
 * somewhere in the config, 20 of any kind.
 */
const SAMPLE = (() => {
  const pool = fc.sample(setupArb, { numRuns: 3000, seed: 20261202 });
  const gated = (setup: Setup) => {
    const parsed = parseConfig(setup.config);
    const { jobType, stage, answered } = setup.context;
    return parsed.ok && resolveExitPlan(parsed.config, { jobType, stage, progress: { answered, total: 10 } }).verification !== null;
  };
  const hostile = (setup: Setup) => PROTOTYPE_NAMES.some((name) => JSON.stringify(setup.config ?? null).includes(`"${name}"`));
  return [...pool.filter(gated).slice(0, 20), ...pool.filter(hostile).slice(0, 20), ...pool.slice(0, 20)];
})();

/** Every widget's sendCode fails: a code gate must then reach its way out. */
async function exitThrough(setup: Setup, interviewId: string) {
  const adapter = createMemoryAdapter();
  adapter.fail('sendCode', 'unavailable');
  const errors: AieErrorEvent['detail'][] = [];
  const listen = (event: AieErrorEvent) => errors.push(event.detail);
  document.addEventListener('aie-error', listen);
  try {
    const { jobType, stage, answered } = setup.context;
    const parts = await mountWidget({ interviewId, jobType, stage, adapter, progress: progressAt(answered, 10, stage, interviewId), config: setup.config as never, messages: setup.messages });
    const confirmed = new Promise<void>((resolve) => parts.el.addEventListener('aie-exit-confirm', () => resolve(), { once: true }));
    parts.button().click();
    const closeButton = () => parts.inDialog<HTMLButtonElement>('[part=close-button]');
    await until(() => parts.dialog().open && (parts.confirmButton() || closeButton()), 'the dialog');
    const status = () => parts.el.store!.getState().status;
    // Every question answered (and the policy does not say to record it): not an exit, and the
    // candidate is not held either: Close closes, and nothing is recorded (bug 7).
    if (status() === 'complete') {
      closeButton()!.click();
      await until(() => !parts.dialog().open, 'Close to close the finished interview');
      await settle();
      expect(adapter.exits(), 'a finished interview records no exit').to.deep.equal([]);
      return { parts, errors, record: null };
    }
    if (status() === 'help') {
      parts.confirmButton()!.click();
      await until(() => status() === 'confirm', 'the way on past the help');
    }
    const state = parts.el.store!.getState();
    if (state.status === 'confirm' && state.session.plan.reason === 'required') {
      const reasons = parts.reasonForm()!.querySelectorAll<HTMLInputElement>('input[name=reason]');
      if (reasons.length) reasons[setup.reasonPick % reasons.length]!.click();
      else typeInto(parts.reasonForm()!.querySelector('textarea')!, 'I have to go');
    }
    parts.confirmButton()!.click();
    await until(() => status() !== 'confirm', 'the confirmation');
    if (status() === 'verify') {
      await until(() => parts.verify()?.querySelector('[part=exit-unverified-button]'), 'the way out of the code');
      parts.verify()!.querySelector<HTMLButtonElement>('[part=exit-unverified-button]')!.click();
    }
    await confirmed;
    await until(() => adapter.exits().length === 1, 'the exit to reach the backend');
    await settle();
    return { parts, errors, record: adapter.exits()[0]! };
  } finally {
    document.removeEventListener('aie-error', listen);
  }
}

describe('any config (R20): the exit button always leads to a recorded exit', () => {
  HOSTILE.forEach(([name, setup], index) => {
    it(`${name}: refused, said with aie-error (config-invalid), the exit still recorded`, async () => {
      const { errors, record } = await exitThrough(setup, `iv-hostile-${index}`);
      expect(errors.map((e) => e.code)).to.include('config-invalid');
      expect(record!.verification).to.equal('not-required');
    });
  });

  it('strings that throw do not cost the vendor its valid config: the code step stays, the shipped strings apply', async () => {
    const messages = { en: Object.defineProperty({}, 'exit', { get: throwing, enumerable: true }) };
    const { parts, errors, record } = await exitThrough({ config: { defaults: { gate: 'verify' } }, messages, context, reasonPick: 0 }, 'iv-bad-strings');
    expect(errors.map((e) => e.code)).to.include('config-invalid');
    expect(parts.el.store!.configProblems).to.deep.equal([]);
    expect(record!.verification, 'the code gate of the vendor\'s config still applied').to.equal('unverified');
    expect(parts.button().textContent!.trim()).to.equal('Exit interview');
  });

  ODD_BUT_VALID.forEach(([name, setup], index) => {
    it(`${name}: accepted, and the exit recorded with its reason`, async () => {
      const { parts, errors, record } = await exitThrough(setup, `iv-odd-${index}`);
      expect(errors.map((e) => e.code)).to.deep.equal([]);
      expect(parts.el.store!.configProblems).to.deep.equal([]);
      // A vendor's own code carries its labels (item 14 of the journey issue).
      expect(record!.reason).to.deep.equal({ code: 'constructor', text: '', labels: { en: 'Builder' } });
      expect(parts.button().textContent!.trim()).to.equal('Exit interview');
    });
  });

  const tally = { recorded: 0, finished: 0, accepted: 0, unverified: 0 };
  after(() => console.log(`configs run in Chromium: ${SAMPLE.length + HOSTILE.length + ODD_BUT_VALID.length}; of the ${SAMPLE.length} generated, ${tally.accepted} accepted, ${tally.recorded} exits recorded (${tally.unverified} through the way out of a code), ${tally.finished} finished interviews closed with nothing recorded`));
  SAMPLE.forEach((setup, index) => {
    it(`generated config #${index}: the button opens the dialog and the exit is recorded (or, the interview finished, closes with nothing recorded)`, async () => {
      const { parts, record } = await exitThrough(setup, `iv-sample-${index}`);
      if (!record) {
        expect(setup.context.answered, 'only a finished interview records nothing').to.equal(10);
        tally.finished++;
        return;
      }
      expect(record.interviewId).to.equal(`iv-sample-${index}`);
      tally.recorded++;
      if (parts.el.store!.configProblems.length === 0) tally.accepted++;
      if (record.verification === 'unverified') tally.unverified++;
    });
  });
});
