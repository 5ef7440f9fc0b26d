import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A tooltip that meets WCAG 1.4.13: shown on hover and on keyboard focus, hoverable (a short
 * grace period lets the pointer travel onto it), persistent until the pointer and focus leave,
 * and dismissable with Escape from anywhere without moving either. Positioned by Floating UI: on
 * the side of the button with more room (below in the top corners, above in the bottom ones),
 * shifted to stay inside the viewport. Choosing the side here rather than with Floating UI's
 * `flip` keeps 0.8 KB gzip out of the widget. Floating UI comes with the later parts; until it
 * has (or if it cannot), the tooltip sits under or over the button's start edge.
 */
export class TooltipController implements ReactiveController {
  open = false;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The element the tooltip describes, and the tooltip. */
    private readonly elements: () => [HTMLElement | null | undefined, HTMLElement | null | undefined],
  ) {
    host.addController(this);
  }

  show = (): void => {
    clearTimeout(this.#timer);
    if (this.open) return;
    this.open = true;
    addEventListener('keydown', this.#onKey, true);
    this.host.requestUpdate();
  };

  /** Hide now, or after `delay` ms unless shown again meanwhile. */
  hide = (delay = 0): void => {
    clearTimeout(this.#timer);
    if (delay) {
      this.#timer = setTimeout(this.hide, delay);
      return;
    }
    if (!this.open) return;
    this.open = false;
    removeEventListener('keydown', this.#onKey, true);
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    if (this.open) void this.#position();
  }

  hostDisconnected(): void {
    this.hide();
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.hide();
  };

  readonly #position = async (): Promise<void> => {
    const [anchor, tooltip] = this.elements();
    if (!anchor || !tooltip) return;
    const { top, bottom, left } = anchor.getBoundingClientRect();
    const above = top > innerHeight - bottom;
    const place = (x: number, y: number) => {
      tooltip.style.left = `${x}px`;
      tooltip.style.top = `${y}px`;
    };
    // At once by the button's start edge, so that the tooltip shows while Floating UI is on its way.
    place(Math.max(8, Math.min(left, innerWidth - tooltip.offsetWidth - 8)), above ? top - tooltip.offsetHeight - 6 : bottom + 6);
    try {
      const { computePosition, offset, shift } = await import('../internal/position.js');
      const { x, y } = await computePosition(anchor, tooltip, { strategy: 'fixed', placement: above ? 'top' : 'bottom', middleware: [offset(6), shift({ padding: 8 })] });
      place(x, y);
    } catch {
      // It stays by the button's start edge.
    }
  };
}
