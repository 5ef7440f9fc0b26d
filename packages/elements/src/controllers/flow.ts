import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { INITIAL_STATE, type ExitStore, type FlowState } from '@ai-interview-exit/core';

/** A host that renders one widget's store. */
export type FlowHost = ReactiveControllerHost & { readonly store?: ExitStore | undefined; readonly isConnected: boolean };

/**
 * Re-renders its host whenever the store's state changes. The store is the single truth: an
 * element reads `state` in `render()` and never keeps a copy of it.
 */
export class FlowController implements ReactiveController {
  #store?: ExitStore | undefined;
  #unsubscribe?: (() => void) | undefined;

  constructor(private readonly host: FlowHost) {
    host.addController(this);
  }

  get state(): FlowState {
    return this.#store?.getState() ?? INITIAL_STATE;
  }

  hostConnected(): void {
    // After a reconnect, the next update subscribes again.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const store = this.host.store;
    // A step removed from the dialog still runs the update the removing change asked for: were it
    // to subscribe then, the store would keep it and all its nodes alive (one view per open).
    if (store === this.#store || !this.host.isConnected) return;
    this.#unsubscribe?.();
    this.#store = store;
    this.#unsubscribe = store?.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#store = this.#unsubscribe = undefined;
  }
}
