// The candidate's own voice control (R21): a toggle in the dialog, reached with the keyboard,
// remembered on this device, winning over the vendor's default; where the browser cannot speak,
// the dialog says so.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectFocusOn, mountWidget, openDialog, settle, until } from './support.js';

const PREFERENCE_KEY = 'aie:voice';

/** Record what the widget asks the browser to say, and what it cancels. */
function listen(): { spoken: string[]; cancels: () => number; restore: () => void } {
  const spoken: string[] = [];
  let cancels = 0;
  const { speak, cancel } = speechSynthesis;
  speechSynthesis.speak = (utterance) => void spoken.push(utterance.text);
  speechSynthesis.cancel = () => void cancels++;
  return { spoken, cancels: () => cancels, restore: () => Object.assign(speechSynthesis, { speak, cancel }) };
}

type Parts = Awaited<ReturnType<typeof mountWidget>>;
const toggle = (parts: Parts) => parts.inDialog<HTMLButtonElement>('[part=voice-button]')!;

async function reopen(parts: Parts): Promise<void> {
  parts.cancelButton()!.click();
  await until(() => !parts.dialog().open, 'the dialog to close');
  await openDialog(parts);
}

describe('the voice control (R21)', () => {
  let voice: ReturnType<typeof listen>;
  beforeEach(() => {
    localStorage.removeItem(PREFERENCE_KEY);
    voice = listen();
  });
  afterEach(() => {
    voice.restore();
    localStorage.removeItem(PREFERENCE_KEY);
  });

  it('lets the candidate turn the prompt on with the keyboard; it speaks at once and at every later open', async () => {
    const parts = await mountWidget({ locale: 'en' });
    await openDialog(parts);
    await settle();
    expect(voice.spoken).to.deep.equal([]);
    expect(toggle(parts).getAttribute('aria-pressed')).to.equal('false');
    expect(toggle(parts).textContent!.trim()).to.equal('Read aloud');

    // Shift+Tab from Cancel, back through the dialog, reaches the toggle.
    for (let i = 0; i < 20 && parts.inDialog(':focus') !== toggle(parts); i++) await sendKeys({ press: 'Shift+Tab' });
    expectFocusOn(toggle(parts), 'the voice toggle');
    await sendKeys({ press: 'Enter' });
    await until(() => voice.spoken.length === 1, 'the prompt');
    expect(voice.spoken[0]).to.equal('You are about to exit the interview. Please confirm whether to continue.');
    expect(toggle(parts).getAttribute('aria-pressed')).to.equal('true');
    expect(localStorage.getItem(PREFERENCE_KEY)).to.equal('on');

    await reopen(parts);
    await until(() => voice.spoken.length === 2, 'the prompt on the next open');
  });

  it('lets the candidate turn off what the vendor turned on, on this device', async () => {
    const parts = await mountWidget({ locale: 'zh-CN', config: { voice: { enabled: true } } });
    await openDialog(parts);
    await until(() => voice.spoken.length === 1, 'the vendor\'s prompt');
    expect(toggle(parts).getAttribute('aria-pressed')).to.equal('true');
    toggle(parts).click();
    await settle();
    expect(toggle(parts).getAttribute('aria-pressed')).to.equal('false');
    expect(voice.cancels()).to.be.greaterThan(0);
    expect(localStorage.getItem(PREFERENCE_KEY)).to.equal('off');

    await reopen(parts);
    await settle();
    expect(voice.spoken).to.have.length(1);
  });

  it('says so where the browser cannot speak, instead of failing silently', async () => {
    const own = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    try {
      const parts = await mountWidget({ locale: 'en' });
      await openDialog(parts);
      toggle(parts).click();
      await until(() => parts.inDialog('[part=voice-status]')?.textContent, 'the note');
      expect(parts.inDialog('[part=voice-status]')!.textContent).to.equal('Read aloud is not available in this browser.');
      expect(toggle(parts).getAttribute('aria-pressed')).to.equal('false');
    } finally {
      if (own) Object.defineProperty(window, 'speechSynthesis', own);
      else delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    }
  });
});
