// The APG dialog checks in every step a candidate may meet, in both languages: Tab and Shift+Tab
// stay inside the dialog and come round, Escape closes it from the step, and focus goes back to
// the exit button. (keyboard.browser.test.ts checks the confirmation in depth.)
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ARTICLE_POLICY } from '@ai-interview-exit/core/presets';
import { clearKeptProgress, deepActive, describe as describeElement, expectFocusOn, isInside, mountWidget, partsOf, progressAt, until, type WidgetOptions } from './support.js';

type Parts = ReturnType<typeof partsOf>;
interface Step {
  options: WidgetOptions;
  /** What takes the candidate from the opened dialog to the step. */
  reach?: (parts: Parts) => void;
  /** The step is on screen, its later part included. */
  shown: (parts: Parts) => Element | null | undefined;
}

const STEPS: Record<string, Step> = {
  'the confirmation': { options: {}, shown: (parts) => parts.confirmButton() },
  'the help offer with its hand-off form': {
    options: { config: { defaults: { helpOffer: true }, help: ARTICLE_POLICY.help } },
    shown: (parts) => parts.help()?.querySelector('[part=handoff-button]'),
  },
  'the one-time code': {
    options: { jobType: 'executive', config: { defaults: { gate: 'verify' } } },
    reach: (parts) => parts.confirmButton()!.click(),
    shown: (parts) => parts.verify()?.querySelector('input'),
  },
  'the finished interview': {
    options: { progress: progressAt(10) },
    shown: (parts) => parts.inDialog('aie-interview-complete')?.shadowRoot?.querySelector('[part=message]'),
  },
};

/** Presses `key` until focus comes back to a stop already visited; every stop must be in the dialog. */
async function walk(parts: Parts, key: 'Tab' | 'Shift+Tab'): Promise<Element[]> {
  const stops: Element[] = [];
  for (let i = 0; i < 30; i++) {
    await sendKeys({ press: key });
    const active = deepActive()!;
    expect(isInside(parts.dialog(), active), `${key} ${i + 1} left the dialog for ${describeElement(active)}`).to.equal(true);
    if (stops.includes(active)) return stops;
    stops.push(active);
  }
  throw new Error(`${key} did not come round in 30 presses`);
}

describe('keyboard in every step (WAI-ARIA APG dialog pattern)', () => {
  beforeEach(clearKeptProgress);

  for (const locale of ['zh-CN', 'en']) {
    for (const [name, step] of Object.entries(STEPS)) {
      it(`${name} (${locale}): Tab and Shift+Tab stay inside and come round, Escape closes, focus returns`, async () => {
        const parts = await mountWidget({ locale, ...step.options });
        parts.buttonHost().focus();
        await sendKeys({ press: 'Enter' });
        await until(() => parts.dialog().open, 'the dialog to open');
        step.reach?.(parts);
        await until(() => step.shown(parts), name);

        const forward = await walk(parts, 'Tab');
        const backward = await walk(parts, 'Shift+Tab');
        // The same stops both ways round (a stop reachable only one way would be a trap or a hole).
        expect(backward.length, 'as many stops backwards as forwards').to.equal(forward.length);
        expect(forward.every((stop) => backward.includes(stop)), 'the same stops both ways').to.equal(true);

        let cancelled = 0;
        parts.el.addEventListener('aie-exit-cancel', () => cancelled++);
        await sendKeys({ press: 'Escape' });
        await until(() => !parts.dialog().open, 'Escape to close the dialog');
        expect(cancelled).to.equal(1);
        expectFocusOn(parts.button(), 'the exit button');
      });
    }
  }
});
