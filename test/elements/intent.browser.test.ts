// R29: exit-intent signals and the polite nudge. It offers help without blocking anything: it
// never takes focus, never covers the exit button, goes on Escape and stays away for the quiet period.
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { AieIntentEvent } from '@ai-interview-exit/elements';
import { accessibleName, clearKeptProgress, deepActive, isInside, mountWidget, partsOf, settle, until } from './support.js';

const NUDGE_ON = { defaults: { nudge: true } };
const WORDS = {
  en: { title: 'Need a hand?', help: 'Get help', dismiss: 'Dismiss' },
  'zh-CN': { title: '需要帮助吗？', help: '获取帮助', dismiss: '关闭提示' },
} as const;

type Parts = Awaited<ReturnType<typeof mountWidget>>;

const nudgeRoot = (parts: Parts) => parts.el.shadowRoot!.querySelector('aie-intent-nudge')?.shadowRoot ?? null;
const nudgeCard = (parts: Parts) => nudgeRoot(parts)?.querySelector<HTMLElement>('[part=nudge]') ?? null;
const inNudge = (parts: Parts, part: string) => nudgeRoot(parts)!.querySelector<HTMLButtonElement>(`[part=${part}]`)!;

/** Move the real mouse onto the exit button and off it again, `times` times. */
async function hover(parts: Parts, times = 3): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    const rect = parts.button().getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
    await sendMouse({ type: 'move', position: [5, innerHeight - 5] });
  }
  await settle();
}

/** A page with a text field the candidate is typing in, and a widget. */
async function pageWithField(options: Parameters<typeof mountWidget>[0] = {}) {
  const field = await fixture<HTMLInputElement>(html`<input aria-label="Answer" />`);
  const parts = await mountWidget({ config: NUDGE_ON, ...options });
  const intents: AieIntentEvent['detail'][] = [];
  document.addEventListener('aie-intent', (event) => intents.push(event.detail));
  field.focus();
  return { field, parts, intents };
}

describe('R29 exit intent and the nudge', () => {
  beforeEach(clearKeptProgress);
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  it('three hovers on the exit button: aie-intent with signals, score and time, then the nudge, focus untouched', async () => {
    const { field, parts, intents } = await pageWithField();
    await hover(parts);
    expect(intents.map((i) => i.score)).to.deep.equal([0.333, 0.667, 1]);
    const last = intents.at(-1)!;
    expect(last).to.include({ signal: 'exit-hover', nudge: true });
    expect(last.signals).to.deep.equal(['exit-hover']);
    expect(Date.parse(last.at)).to.be.closeTo(Date.now(), 5000);
    await until(() => nudgeCard(parts), 'the nudge');
    expect(deepActive(), 'the nudge never takes focus').to.equal(field);
    // Announced politely: the card sits in the widget's polite live region; it is not a dialog.
    const region = parts.el.shadowRoot!.querySelector('[aria-live=polite]')!;
    expect(isInside(region, nudgeCard(parts))).to.equal(true);
    expect(nudgeRoot(parts)!.querySelector('dialog, [role=dialog], [role=alertdialog]')).to.equal(null);
    await settle(5);
    expect(deepActive()).to.equal(field);
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`speaks the candidate's language, is axe-clean, and Tab reaches Get help then Dismiss (${locale})`, async () => {
      const parts = await mountWidget({ config: NUDGE_ON, locale });
      await hover(parts);
      await until(() => nudgeCard(parts), 'the nudge');
      const words = WORDS[locale];
      expect(inNudge(parts, 'title').textContent).to.equal(words.title);
      expect(accessibleName(inNudge(parts, 'help-button'))).to.equal(words.help);
      expect(accessibleName(inNudge(parts, 'dismiss-button'))).to.equal(words.dismiss);
      expect(accessibleName(nudgeCard(parts)!)).to.equal(words.title);
      await expect(parts.el).to.be.accessible();
      parts.button().focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(inNudge(parts, 'help-button'));
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(inNudge(parts, 'dismiss-button'));
    });
  }

  it('Escape dismisses it, and it stays away for the quiet period (aie-intent still fires)', async () => {
    const { field, parts, intents } = await pageWithField();
    await hover(parts);
    await until(() => nudgeCard(parts), 'the nudge');
    await sendKeys({ press: 'Escape' });
    await until(() => !nudgeCard(parts), 'the nudge to go');
    expect(deepActive()).to.equal(field);
    await hover(parts, 4);
    expect(intents.at(-1)).to.include({ score: 1, nudge: false });
    expect(nudgeCard(parts)).to.equal(null);
    const [record] = parts.adapter.nudges();
    expect(record).to.include({ outcome: 'stayed', interviewId: 'iv-1', jobType: 'engineer', stage: 'professional' });
  });

  it('dismissed from its own button with the keyboard, focus goes to the exit button beside it, not to the page', async () => {
    const parts = await mountWidget({ config: NUDGE_ON });
    await hover(parts);
    await until(() => nudgeCard(parts), 'the nudge');
    inNudge(parts, 'dismiss-button').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !nudgeCard(parts), 'the nudge to go');
    expect(deepActive()).to.equal(parts.button());
  });

  for (const width of [800, 375]) {
    it(`never covers the exit button, which stays one click away (${width} px)`, async () => {
      await setViewport({ width, height: 700 });
      const parts = await mountWidget({ config: NUDGE_ON });
      await hover(parts);
      await until(() => nudgeCard(parts), 'the nudge');
      const button = parts.button().getBoundingClientRect();
      const card = nudgeCard(parts)!.getBoundingClientRect();
      const overlaps = card.left < button.right && button.left < card.right && card.top < button.bottom && button.top < card.bottom;
      expect(overlaps, 'the nudge overlaps the exit button').to.equal(false);
      expect(card.left).to.be.at.least(0);
      expect(card.right).to.be.at.most(width);
      // What the pointer hits at the button's centre is the button.
      const hit = parts.el.shadowRoot!.elementFromPoint(button.x + button.width / 2, button.y + button.height / 2);
      expect(hit).to.equal(parts.buttonHost());
      parts.button().click();
      await until(() => parts.dialog().open && parts.confirmButton(), 'the exit dialog, at the first click');
      expect(nudgeCard(parts), 'the nudge goes when the exit opens').to.equal(null);
    });
  }

  it('Get help opens the help offer; HR gets the nudge with "help", then "exited" when the exit follows', async () => {
    const parts = await mountWidget({ config: NUDGE_ON });
    const requests: string[] = [];
    parts.el.addEventListener('aie-exit-request', (event) => requests.push(event.detail.source));
    await hover(parts);
    await until(() => nudgeCard(parts), 'the nudge');
    inNudge(parts, 'help-button').click();
    await until(() => parts.dialog().open && parts.help()?.querySelector('[part=handoff-button]'), 'the help offer');
    expect(requests).to.deep.equal(['nudge']);
    await until(() => parts.adapter.nudges()[0]?.outcome === 'help', 'the "help" outcome');
    const dialog = partsOf(parts.el);
    dialog.inDialog<HTMLButtonElement>('[part~=continue-button], [part~=confirm-button]')?.click();
    await until(() => dialog.confirmButton() && dialog.inDialog('aie-reason-form'), 'the confirmation');
    dialog.confirmButton()!.click();
    await until(() => parts.adapter.exits().length === 1, 'the exit');
    await until(() => parts.adapter.nudges()[0]?.outcome === 'exited', 'the "exited" outcome');
    expect(parts.adapter.nudges()[0]!.exitKey).to.equal(parts.adapter.exits()[0]!.idempotencyKey);
  });

  it('signal(): the page reports trouble; two signals offer help; an unknown name throws, naming the known ones', async () => {
    const { parts, intents } = await pageWithField();
    expect(() => parts.el.signal('bored' as never)).to.throw(RangeError, /answer-failed, media-error, network-unstable/);
    parts.el.signal('media-error');
    parts.el.signal('answer-failed');
    expect(intents.map((i) => i.signal)).to.deep.equal(['media-error', 'answer-failed']);
    expect(intents.at(-1)).to.include({ score: 1, nudge: true });
    await until(() => nudgeCard(parts), 'the nudge');
  });

  it('where the policy does not offer it, no nudge is shown but aie-intent still fires', async () => {
    const { parts, intents } = await pageWithField({ config: { rules: [{ when: { stages: ['closing'] }, then: { nudge: true } }] } });
    await hover(parts);
    expect(intents.at(-1)).to.include({ score: 1, nudge: false });
    await settle(5);
    expect(nudgeCard(parts)).to.equal(null);
  });

  it('a long idle is a signal (configurable), told once per idle stretch', async () => {
    const { parts, intents } = await pageWithField({ config: { ...NUDGE_ON, intent: { idleSeconds: 1 } } });
    await until(() => intents.some((i) => i.signal === 'idle'), 'the idle signal', 4000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(intents.filter((i) => i.signal === 'idle')).to.have.length(1);
    expect(nudgeCard(parts), 'an idle alone does not nudge').to.equal(null);
  });
});
