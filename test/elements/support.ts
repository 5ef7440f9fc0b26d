// Shared by the element tests: mounting a widget, reaching into its shadow roots, waiting, and
// the accessible name as axe-core computes it (the same engine the a11y assertions use).
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import '@ai-interview-exit/elements/define';
import { clearOutboxes } from '@ai-interview-exit/core/delivery';
import type { ExitConfigInput, ProgressSnapshot } from '@ai-interview-exit/core';
import { createMemoryAdapter, type MemoryAdapter } from '@ai-interview-exit/core/memory';
import type { AieExitButton, AiInterviewExit } from '@ai-interview-exit/elements';
import { progressAt } from '../support/fixtures.js';
import { settle as settleRounds, until } from '../support/wait.js';

export { progressAt };

export interface WidgetOptions {
  interviewId?: string;
  jobType?: string;
  stage?: string;
  locale?: string;
  placement?: string;
  config?: ExitConfigInput;
  /** `null`: no adapter at all. */
  adapter?: MemoryAdapter | null;
  progress?: ProgressSnapshot | null;
  /** The widget's `messages` (replacement strings), as a vendor sets them. */
  messages?: unknown;
}

/** A widget in the page, with its memory backend and handles on its parts. */
export async function mountWidget(options: WidgetOptions = {}) {
  const adapter = options.adapter === undefined ? createMemoryAdapter() : options.adapter;
  const interviewId = options.interviewId ?? 'iv-1';
  const el = await fixture<AiInterviewExit>(html`<ai-interview-exit
    interview-id=${interviewId}
    candidate-ref="cand-7f3a"
    job-type=${options.jobType ?? 'engineer'}
    stage=${options.stage ?? 'professional'}
    locale=${options.locale ?? 'en'}
    placement=${options.placement ?? 'top-right'}
    .adapter=${adapter ?? undefined}
    .config=${options.config}
    .messages=${options.messages}
    .progress=${options.progress === undefined ? progressAt(5, 10, 'professional', interviewId) : options.progress}
  ></ai-interview-exit>`);
  await settle();
  return { el, adapter: adapter!, ...partsOf(el) };
}

/** Handles on the parts of a widget, looked up fresh each time (views re-render). */
export function partsOf(el: AiInterviewExit) {
  const root = el.shadowRoot!;
  const dialogRoot = () => root.querySelector('aie-exit-dialog')!.shadowRoot!;
  const inner = (tag: string) => () => dialogRoot().querySelector(tag)?.shadowRoot ?? null;
  return {
    buttonHost: () => root.querySelector<AieExitButton>('aie-exit-button')!,
    button: () => root.querySelector('aie-exit-button')!.shadowRoot!.querySelector('button')!,
    tooltip: () => root.querySelector('aie-exit-button')!.shadowRoot!.querySelector<HTMLElement>('[role=tooltip]')!,
    dialog: () => dialogRoot().querySelector('dialog')!,
    inDialog: <T extends Element = HTMLElement>(selector: string) => dialogRoot().querySelector<T>(selector),
    help: inner('aie-help-offer'),
    confirmButton: () => dialogRoot().querySelector<HTMLButtonElement>('[part=confirm-button]'),
    cancelButton: () => dialogRoot().querySelector<HTMLButtonElement>('[part=cancel-button]'),
    reasonForm: inner('aie-reason-form'),
    verify: inner('aie-verify-code'),
    result: inner('aie-exit-result'),
    panel: () => root.querySelector<HTMLElement>('[part=panel]'),
    panelPart: (tag: string) => root.querySelector(tag)?.shadowRoot ?? null,
  };
}

/** Let pending microtasks, timers and renders run: three rounds, as a widget renders in steps. */
export const settle = (rounds = 3): Promise<void> => settleRounds(rounds);
export { until };

/** The focused element, looking into shadow roots. */
export function deepActive(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** Whether `node` is inside `container`, across shadow roots. */
export function isInside(container: Node, node: Node | null): boolean {
  for (let current = node; current; current = current.parentNode ?? (current as ShadowRoot).host ?? null) {
    if (current === container) return true;
  }
  return false;
}

interface Axe {
  setup(node: Node): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(node: unknown): string } };
}

/** The accessible name, computed by axe-core over the composed tree. */
export function accessibleName(element: Element): string {
  const axe = (window as unknown as { axe: Axe }).axe;
  axe.setup(document);
  try {
    return axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(element));
  } finally {
    axe.teardown();
  }
}

/** Wait for running animations in the widget (the dialog fades in) to end, e.g. before axe checks contrast. */
export async function untilStill(el: Element): Promise<void> {
  const roots = [el.shadowRoot!, el.shadowRoot!.querySelector('aie-exit-dialog')?.shadowRoot];
  const animations = roots.flatMap((root) => [...(root?.querySelectorAll('*') ?? [])].flatMap((node) => node.getAnimations()));
  await Promise.all(animations.map((animation) => animation.finished));
}

/** Open a widget's dialog with a click on its exit button. */
export async function openDialog(parts: ReturnType<typeof partsOf>): Promise<void> {
  parts.button().click();
  await until(() => parts.dialog().open && parts.confirmButton(), 'the dialog');
}

/** Open a widget's dialog from its exit button with the keyboard. */
export async function openWithKeyboard(parts: ReturnType<typeof partsOf>, key = 'Enter'): Promise<void> {
  parts.buttonHost().focus();
  await sendKeys({ press: key });
  await until(() => parts.dialog().open && parts.cancelButton(), 'the dialog to open');
}

/** Set a text field as a person would (an input event after the value). */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Where the widget keeps an interview's progress on this device (R15). */
export const keptProgressKey = (interviewId: string): string => `aie:progress:${interviewId}`;

/** Progress an earlier visit left on this device: `answered` of 10, in the professional stage. */
export function keepProgressFor(interviewId: string, answered: number): void {
  localStorage.setItem(keptProgressKey(interviewId), JSON.stringify(progressAt(answered, 10, 'professional', interviewId)));
}

/** Start from a clean device: no kept progress from another test. */
export function clearKeptProgress(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(keptProgressKey(''))) localStorage.removeItem(key);
}

/** A short description of an element for assertion messages (chai would serialise the whole DOM). */
export function describe(element: Element | null | undefined): string {
  if (!element) return 'nothing';
  const part = element.getAttribute('part');
  return `<${element.localName}${part ? ` part="${part}"` : ''}${element instanceof HTMLInputElement ? ` type="${element.type}"` : ''}>`;
}

/** Assert that `element` is the one with focus (through shadow roots). */
export function expectFocusOn(element: Element | null | undefined, what: string): void {
  const active = deepActive();
  if (active !== element) throw new Error(`expected focus on ${what} ${describe(element)}, but it is on ${describe(active)}`);
}

/** Assert two elements are the same node. */
export function expectSame(actual: Element | null | undefined, expected: Element | null | undefined, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${describe(expected)}, got ${describe(actual)}`);
}

// Every test starts with no exit stored on this "device": widgets recover stored exits (R11).
// Only the widgets' interviews ("iv-…"): other test files share this origin's IndexedDB.
beforeEach(() => clearOutboxes((name) => name.startsWith('iv-')));
