import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where the candidate's own choice is kept on this device: it wins over the vendor's default. */
const PREFERENCE_KEY = 'aie:voice';

/**
 * Speaks a prompt with the Web Speech API (R21) for candidates with low vision. The vendor turns
 * it on by default, the candidate turns it on or off (remembered on this device); where the API is
 * missing, `available` is false and the dialog says so. It stops only speech it started: a voice
 * interview may be using the same page-wide synthesiser.
 */
export class VoiceController implements ReactiveController {
  #spoke = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether this browser can speak at all. */
  get available(): boolean {
    return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance === 'function';
  }

  /** Whether to speak: the candidate's choice on this device, else the vendor's default. */
  on(vendorDefault: boolean): boolean {
    try {
      const kept = localStorage.getItem(PREFERENCE_KEY);
      if (kept === 'on' || kept === 'off') return kept === 'on';
    } catch {
      // Storage may be off (private browsing, a sandboxed frame): the default holds.
    }
    return vendorDefault;
  }

  /** Keep the candidate's choice on this device (silently not, where storage is off). */
  choose(on: boolean): void {
    try {
      localStorage.setItem(PREFERENCE_KEY, on ? 'on' : 'off');
    } catch {
      // see above
    }
    if (!on) this.stop();
    this.host.requestUpdate();
  }

  speak(text: string, lang: string, rate = 1): void {
    if (!this.available) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = rate;
    speechSynthesis.speak(utterance);
    this.#spoke = true;
  }

  /** Stop the prompt if it is still queued or speaking. */
  stop(): void {
    if (this.#spoke) speechSynthesis.cancel();
    this.#spoke = false;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
