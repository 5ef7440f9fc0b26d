import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { canOpen, type ExitStore } from '@ai-interview-exit/core';
import { INITIAL_INTENT, nudgeEnabled, quietFrom, recordSignal, vendorSignal, type IntentSignal } from '@ai-interview-exit/core/intent';
import { AieIntentEvent, type AieIntentDetail } from '../events/intent.js';

/** What the candidate does that shows they are still there. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Exit-intent signals (R29): counts approaches to the exit button, notices a long idle, takes the
 * page's own signals, and tells the page with `aie-intent`. The scoring is core's; the nudge that
 * offers help is a later part, shown by the host while `nudge` is set. Nothing here blocks the exit.
 */
export class IntentController implements ReactiveController {
  /** The nudge on show, if any; the host renders it while it is set. */
  nudge: AieIntentDetail | null = null;
  #state = INITIAL_INTENT;
  #lastInput = 0;
  #pointerOn = false;
  #armedWith?: unknown;
  #idleTold = false;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { readonly store?: ExitStore | undefined }) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ACTIVITY) addEventListener(type, this.active, { capture: true, passive: true });
    this.active();
    this.#armedWith = undefined;
  }

  /** A new store (a new config) may change the idle time: start counting with it. */
  hostUpdated(): void {
    if (this.#armedWith === this.host.store?.config) return;
    this.#armedWith = this.host.store?.config;
    this.#armIdle();
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) removeEventListener(type, this.active, { capture: true });
    clearTimeout(this.#timer);
  }

  /**
   * The pointer or keyboard focus reached the exit button: one approach. The focus a click gives
   * the button while the pointer is on it is the same approach, not another.
   */
  approach(event: Event): void {
    if (event.type === 'pointerleave') this.#pointerOn = false;
    else if (event.type === 'pointerenter' || !this.#pointerOn) {
      this.#pointerOn ||= event.type === 'pointerenter';
      this.signal('exit-hover', true);
    }
  }

  /** Take a signal: the page's (checked: an unknown name throws a RangeError naming the known ones) or the widget's own. */
  signal(name: IntentSignal, own: boolean): void {
    const store = this.host.store;
    if (!store) return;
    const checked = own ? name : vendorSignal(name);
    const now = Date.now();
    const reading = recordSignal(this.#state, checked, now, store.config.intent);
    this.#state = reading.state;
    const nudge = reading.nudge && canOpen(store.getState()) && nudgeEnabled(store.config, store.getContext());
    const detail: AieIntentDetail = { signal: checked, signals: reading.signals, score: reading.score, at: new Date(now).toISOString(), nudge };
    this.host.dispatchEvent(new AieIntentEvent(detail));
    if (nudge) {
      this.nudge = detail;
      this.host.requestUpdate();
    }
  }

  /** The nudge goes (dismissed, or the exit flow opened): none again for the quiet period. */
  close(): void {
    if (!this.nudge) return;
    this.nudge = null;
    this.#state = quietFrom(this.#state, Date.now());
    this.host.requestUpdate();
  }

  /** The candidate is still there (input, or new progress from the page). */
  readonly active = (): void => {
    this.#lastInput = Date.now();
    if (this.#idleTold) {
      this.#idleTold = false;
      this.#armIdle();
    }
  };

  /** One timer per idle stretch: it fires when no input came for `idleSeconds`, once, until the candidate is back. */
  readonly #armIdle = (): void => {
    clearTimeout(this.#timer);
    const store = this.host.store;
    const ms = (store?.config.intent.idleSeconds ?? 0) * 1000;
    const wait = this.#lastInput + ms - Date.now();
    // Off (or no store yet): look again in a minute, the config may change.
    if (!store || !ms || wait > 0) this.#timer = setTimeout(this.#armIdle, ms ? wait : 60_000);
    else if (canOpen(store.getState())) {
      this.#idleTold = true;
      this.signal('idle', true);
    } else this.#timer = setTimeout(this.#armIdle, ms);
  };
}
