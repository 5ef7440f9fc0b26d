import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Speaks a prompt with the Web Speech API (R21) for candidates with low vision; silently does
 * nothing where the API is missing. It stops only speech it started: a voice interview may be
 * using the same page-wide synthesiser.
 */
export class VoiceController implements ReactiveController {
  #spoke = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  speak(text: string, lang: string, rate = 1): void {
    const synth = globalThis.speechSynthesis;
    if (!synth) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = rate;
    synth.speak(utterance);
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
