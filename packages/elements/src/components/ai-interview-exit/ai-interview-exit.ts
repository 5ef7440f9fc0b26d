import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import {
  AdapterError,
  canOpen,
  createExitStore,
  ExitContextSchema,
  ProgressSnapshotSchema,
  type ExitAdapter,
  type ExitConfigInput,
  type ExitSource,
  type ExitStore,
  type ProgressSnapshot,
  type StoreEvent,
} from '@ai-interview-exit/core';
import type { VendorSignal } from '@ai-interview-exit/core/intent';
import { createOutbox, outboxDelivery, type Outbox } from '@ai-interview-exit/core/delivery';
import { addBundles, configResources, createI18n, DEFAULT_LOCALE, type MessageOverrides } from '@ai-interview-exit/core/i18n';
import { FlowController } from '../../controllers/flow.js';
import { I18nController } from '../../controllers/i18n.js';
import { IntentController } from '../../controllers/intent.js';
import * as events from '../../events/index.js';
import { deepActiveElement, widgetLocale } from '../../internal/dom.js';
import { keepProgress, keptProgress } from '../../internal/kept-progress.js';
import { loadLaterParts, prefetchLaterParts, whenIdle } from '../../internal/later-parts.js';
import { deviceTimeZone, knownTimeZone } from '../../internal/time-zone.js';
import { base } from '../../styles/base.js';
import { EXIT_DIALOG_PARTS, RESULT, type AieExitDialog } from '../exit-dialog/exit-dialog.js';
import { EXIT_RESULT_PARTS } from '../exit-result/exit-result.js';
import { INTENT_NUDGE_PARTS } from '../intent-nudge/parts.js';
import { RESUME_PROMPT_PARTS } from '../resume-prompt/parts.js';
import { styles } from './ai-interview-exit.styles.js';

/** Where the exit button sits: a corner of the viewport (fixed), or in the page's flow. */
export type Placement = 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left' | 'inline';

/** Stands in for a missing backend: every call fails as `unavailable`, so exits stay queued. */
const noBackend = new Proxy({} as ExitAdapter, {
  get: () => () => Promise.reject(new AdapterError('unavailable', 'No adapter is set.')),
});

const STORE_EVENTS = {
  'exit-confirm': events.AieExitConfirmEvent,
  'exit-complete': events.AieExitCompleteEvent,
  'exit-queued': events.AieExitQueuedEvent,
  'exit-cancel': events.AieExitCancelEvent,
  'deletion-request': events.AieDeletionRequestEvent,
  'deletion-complete': events.AieDeletionCompleteEvent,
  resume: events.AieResumeEvent,
  error: events.AieErrorEvent,
};

/**
 * The drop-in exit for an AI interview. An always-visible exit button (R2, R3) opens one
 * accessible dialog that walks the steps the vendor's policy asks for (R5–R10, R17–R19), records
 * the exit in the store before any network (R11), and shows the result (R12). On connect it asks
 * the backend whether this interview was already exited (R14) and offers to resume an unfinished
 * one (R15), again when the connection returns. Attributes and properties may come in any order.
 * Each widget has its own store and translations: two on a page share nothing.
 *
 * @summary The candidate's exit widget.
 *
 * @fires aie-exit-request - Before the dialog opens; cancelable. `detail.source`: button, link, api or resume-prompt.
 * @fires aie-exit-confirm - The exit is recorded; `detail.record` is the exit record.
 * @fires aie-exit-complete - The backend acknowledged it; `detail.receipt`.
 * @fires aie-exit-queued - Not delivered yet (offline or no backend); `detail.error`.
 * @fires aie-exit-cancel - The candidate stayed; `detail.step`.
 * @fires aie-deletion-request - The candidate asked to anonymise or delete their data; `detail.request`.
 * @fires aie-deletion-complete - The backend issued the data request's receipt; `detail.receipt`.
 * @fires aie-resume - The candidate continues an unfinished interview; `detail.snapshot`.
 * @fires aie-error - A problem to fix (config, context, adapter); the exit still works. `detail.code`, `detail.message`.
 * @fires aie-intent - A sign the candidate may be about to leave (R29): `detail.signals`, `detail.score` (0..1), `detail.at`, and `detail.nudge` when help is offered.
 *
 * @csspart anchor - The box that holds the button and the panel, fixed in a corner or inline.
 * @csspart button - The exit button.
 * @csspart icon - The red "×" of the exit button.
 * @csspart label - The exit button's text.
 * @csspart tooltip - The exit button's tooltip.
 * @csspart panel - The card for re-entry (R14) and resume (R15).
 * @csspart title - The title of the dialog and of the panel.
 * @csspart dialog - The exit dialog.
 * @csspart body - The dialog's scrolling middle, between its title and its buttons.
 * @csspart message - Main sentences of the dialog, the result and the prompts.
 * @csspart progress - The progress sentence (R7).
 * @csspart notice - HR review and cooldown notices.
 * @csspart actions - Rows of buttons.
 * @csspart confirm-button - "确认退出" / "Confirm exit".
 * @csspart cancel-button - "取消" / "Cancel".
 * @csspart close-button - "关闭" / "Close" on the result view, and on the re-entry and resume panel (Escape too).
 * @csspart faq - A common question and its answer in the help offer (R27).
 * @csspart handoff-button - "转人工客服" / "Talk to a person" in the help offer (R27).
 * @csspart fieldset - The reason and data-choice groups.
 * @csspart legend - A group's question.
 * @csspart option - A radio button with its label.
 * @csspart textarea - The free-text reason.
 * @csspart counter - The free text's character counter.
 * @csspart hint - A data choice's explanation.
 * @csspart error - Error messages.
 * @csspart status - Live status lines (code sent, delivery).
 * @csspart input - The one-time code input.
 * @csspart submit-button - "Verify and exit".
 * @csspart attempts - Attempts left.
 * @csspart resend-button - "Send a new code" with its countdown.
 * @csspart exit-unverified-button - Exit without the code.
 * @csspart link - Links to HR.
 * @csspart time - The exit time on the result.
 * @csspart reason - The reason on the result.
 * @csspart receipt - The data request's receipt.
 * @csspart continue-button - "Continue" on the resume prompt.
 * @csspart exit-button - "Exit interview" on the resume prompt.
 * @csspart nudge - The card that offers help when the candidate seems about to leave (R29); it never covers the exit button.
 * @csspart help-button - "Get help" on the nudge.
 * @csspart dismiss-button - The nudge's "×".
 *
 * @cssproperty --aie-inset - Distance from the viewport's edges in the corner placements (default 16px).
 * @cssproperty --aie-z-index - Stacking level of the button (default 2147483000).
 * @cssproperty --aie-font-family - Typeface (default the system UI font).
 * @cssproperty --aie-font-size - Base text size (default 1rem).
 * @cssproperty --aie-radius - Corner radius (default 8px).
 * @cssproperty --aie-shadow - Shadow of the button, the panel and the dialog.
 * @cssproperty --aie-motion-duration - Transitions (default 160ms; 0 with reduced motion).
 * @cssproperty --aie-color-scheme - `light dark` (default, follows the system), `light` or `dark`, for native controls.
 * @cssproperty --aie-color-text - Text (default #1f1f1f; dark #ededed).
 * @cssproperty --aie-color-muted - Secondary text (default #575757; dark #c2c2c2).
 * @cssproperty --aie-color-surface - Backgrounds (default white; dark #202124).
 * @cssproperty --aie-color-border - Borders (default #767676; dark #9aa0a6).
 * @cssproperty --aie-color-danger - The confirm button's red (default #c62828).
 * @cssproperty --aie-color-on-danger - Text on red (default white).
 * @cssproperty --aie-color-danger-text - Red text and icon on the surface (default #c62828; dark #ff8a80).
 * @cssproperty --aie-color-neutral - The cancel button's grey (default #e3e3e3; dark #3c4043).
 * @cssproperty --aie-color-on-neutral - Text on grey (default #1f1f1f; dark #ededed).
 * @cssproperty --aie-color-focus - Focus ring, links, continue button (default #1a5fd0; dark #8ab4f8).
 * @cssproperty --aie-color-accent - Radio buttons (default the focus colour).
 * @cssproperty --aie-exit-button-background - The exit button's background.
 * @cssproperty --aie-dialog-width - The dialog's width.
 * @cssproperty --aie-backdrop - What covers the page behind the dialog.
 * @cssproperty --aie-divider-color - The line above the dialog's buttons.
 */
export class AiInterviewExit extends LitElement {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    interviewId: { attribute: 'interview-id' },
    candidateRef: { attribute: 'candidate-ref' },
    jobType: { attribute: 'job-type' },
    stage: {},
    locale: {},
    placement: {},
    voice: { type: Boolean },
    config: { attribute: false },
    adapter: { attribute: false },
    messages: { attribute: false },
    // Declared so that a value set before the tag is upgraded reaches the setter below.
    progress: { attribute: false, noAccessor: true },
  };

  /** The vendor's id of this interview. */
  interviewId = '';
  /** The candidate's pseudonymous reference (never a name or contact). */
  candidateRef = '';
  /** The role's job type, as the policy's rules name it (e.g. `frontline`, `executive`). */
  jobType = '';
  /** The interview stage now (e.g. `self-introduction`, `professional`); the policy may depend on it. */
  stage = '';
  /** Language: `zh-CN` or `en`. Else the nearest `lang`, else the browser's, else zh-CN. */
  locale?: string;
  /** Where the exit button sits: `top-right` (default), `top-left`, `bottom-right`, `bottom-left` or `inline`. Left and right follow the text direction. */
  placement: Placement = 'top-right';
  /** Speak the confirmation prompt aloud (R21), as `config.voice.enabled` does. */
  voice = false;
  /** The exit policy as JSON (`ExitConfigInput`); validated, and replaced by the safe defaults if refused. */
  config?: ExitConfigInput;
  /** The backend (`ExitAdapter`). Without one, nothing is sent: exits stay queued in the page and `aie-error` says so. */
  adapter?: ExitAdapter;
  /** Replacements for any shown string, by locale (R23): `{ en: { exit: { button: 'Leave' } } }`. */
  messages?: Record<string, MessageOverrides>;

  /** This widget's translator (its own, never the page's): `t(key, values)`, `changeLanguage(lng)`, i18next's resource format. */
  readonly i18n = createI18n(DEFAULT_LOCALE);

  #store?: ExitStore;
  /** Durable delivery (R11): one IndexedDB outbox per interview and backend. */
  #outbox?: Outbox;
  #progress: ProgressSnapshot | null = null;
  #built: unknown[] = [];
  /** The store whose context was judged (at its first use): the vendor hears of a gap once, not during set-up. */
  #judged?: ExitStore;
  /** The state whose panel the candidate closed (Close or Escape): it does not cover the page again. */
  #closedPanel?: unknown;
  /** The page was idle, or the pointer or focus reached the button: the dialog is built, closed. */
  #prepared = false;
  readonly #flow = new FlowController(this);
  readonly #text = new I18nController(this);
  readonly #intent = new IntentController(this);
  /** A nudge was shown: its element stays, to tell HR what followed (R29). */
  #nudged = false;

  /** The headless store behind this widget: its state, and actions for custom flows. */
  get store(): ExitStore | undefined {
    return this.#store;
  }

  /** The interview's live progress (R7, R8); also kept on this device for resuming (R15). */
  get progress(): ProgressSnapshot | null {
    return this.#progress;
  }
  set progress(snapshot: ProgressSnapshot | null) {
    const old = this.#progress;
    if (snapshot && !ProgressSnapshotSchema.safeParse(snapshot).success) {
      this.#error('progress-invalid', 'setProgress: not a valid ProgressSnapshot; ignored.');
      return;
    }
    this.#progress = snapshot;
    this.#intent.active();
    const store = this.#store;
    store?.setProgress(snapshot);
    // Kept for the interview the store was built for: one whose id just arrived reads its kept progress first.
    if (store && !RESULT.has(store.getState().status)) keepProgress(store.getContext().interviewId, snapshot);
    this.requestUpdate('progress', old);
  }

  /** Update the live progress, as `progress = snapshot` does. */
  setProgress(snapshot: ProgressSnapshot | null): void {
    this.progress = snapshot;
  }

  /**
   * Report a sign that the candidate may be about to leave (R29): `answer-failed`, `media-error` or
   * `network-unstable`. It fires `aie-intent` and may offer help; an unknown name throws a RangeError.
   */
  signal(name: VendorSignal): void {
    this.#intent.signal(name, false);
  }

  /**
   * Open the exit flow, as the button does. `aie-exit-request` fires first and may be prevented.
   * After an exit it shows the result again; on re-entry it takes focus to the panel.
   */
  open(source: ExitSource = 'api', opener?: HTMLElement | null): void {
    deviceTimeZone(); // what the dialog and the record read (see internal/time-zone.ts)
    const store = this.#sync();
    this.#judge(store);
    const find = <T extends HTMLElement>(selector: string) => this.shadowRoot?.querySelector<T>(selector) ?? null;
    const focused = opener ?? deepActiveElement();
    // The resume prompt goes away as the dialog opens: focus comes back to the exit button then.
    const returnTo = source !== 'resume-prompt' && focused !== document.body ? focused : find('aie-exit-button');
    const { status } = store.getState();
    if (RESULT.has(status)) find<AieExitDialog>('aie-exit-dialog')?.showResult(returnTo);
    else if (status === 'reentry') {
      // Closed earlier: the exit button brings the panel back.
      this.#closedPanel = undefined;
      this.requestUpdate();
      void this.updateComplete.then(() => find('[part=panel]')?.focus());
    }
    else if (status === 'idle' || status === 'resume') {
      const request = new events.AieExitRequestEvent({ source });
      /** @ignore documented with @fires */
      this.dispatchEvent(request);
      if (request.defaultPrevented) return;
      this.#intent.close();
      const dialog = find<AieExitDialog>('aie-exit-dialog');
      if (dialog) dialog.opener = returnTo;
      store.open(source);
    }
  }

  protected override willUpdate(): void {
    this.#sync();
  }

  protected override firstUpdated(): void {
    // The button is on screen: the rest of the widget may come now (see internal/later-parts.ts),
    // and the dialog may be built, closed, so that a click only shows it.
    prefetchLaterParts();
    whenIdle(this.#prepare);
  }

  protected override render() {
    const { status } = this.#flow.state;
    const { t, lang } = this.#text;
    // The resume prompt is a later part: its panel shows once it is here (never, if it cannot be fetched).
    // A panel the candidate closed stays closed until the state changes (or the exit button asks for it).
    const panel = this.#flow.state !== this.#closedPanel && (status === 'reentry' || (status === 'resume' && this.#laterPart('aie-resume-prompt')));
    return html`<div part="anchor" class=${this.placement} lang=${lang}>
        <aie-exit-button
          exportparts="button,icon,label,tooltip"
          .i18n=${this.i18n}
          @pointerenter=${this.#approach}
          @pointerleave=${this.#approach}
          @focusin=${this.#approach}
          @click=${(event: Event) => this.open('button', event.currentTarget as HTMLElement)}
        ></aie-exit-button>
        <div aria-live="polite">
          ${panel
            ? html`<section part="panel" class="surface" tabindex="-1" aria-labelledby="panel-title" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.#closePanel()}>
                <header>
                  <h2 part="title" id="panel-title">${t(`${status}.title`)}</h2>
                  <button part="close-button" class="neutral" type="button" @click=${this.#closePanel}>${t('done.close')}</button>
                </header>
                ${status === 'resume'
                  ? html`<aie-resume-prompt exportparts=${RESUME_PROMPT_PARTS} .store=${this.#store} .i18n=${this.i18n}></aie-resume-prompt>`
                  : html`<aie-exit-result exportparts=${EXIT_RESULT_PARTS} .store=${this.#store} .i18n=${this.i18n}></aie-exit-result>`}
              </section>`
            : nothing}
          ${(this.#nudged ||= !!this.#intent.nudge) && this.#laterPart('aie-intent-nudge')
            ? html`<aie-intent-nudge
                exportparts=${INTENT_NUDGE_PARTS}
                .store=${this.#store}
                .i18n=${this.i18n}
                .adapter=${this.adapter}
                .nudge=${this.#intent.nudge}
                @aie-nudge-help=${() => this.open('nudge', this.shadowRoot!.querySelector('aie-exit-button'))}
                @aie-nudge-dismiss=${(event: CustomEvent<boolean>) => {
                  this.#intent.close();
                  // Focus was on the nudge's own button: it goes to the exit button beside it, not to the page's start.
                  if (event.detail) this.shadowRoot!.querySelector('aie-exit-button')!.focus();
                }}
              ></aie-intent-nudge>`
            : nothing}
        </div>
      </div>
      <aie-exit-dialog
        exportparts=${EXIT_DIALOG_PARTS}
        .store=${this.#store}
        .i18n=${this.i18n}
        ?voice=${this.voice || !!this.#store?.config.voice.enabled}
        .voiceRate=${this.#store?.config.voice.rate ?? 1}
        .preview=${this.#prepared && this.#store && canOpen(this.#flow.state) ? this.#store.preview() : undefined}
      ></aie-exit-dialog>`;
  }

  /** The panel (re-entry, resume) goes, from Close or Escape inside it: focus goes to the exit button. */
  readonly #closePanel = (): void => {
    this.#closedPanel = this.#flow.state;
    this.requestUpdate();
    this.shadowRoot?.querySelector<HTMLElement>('aie-exit-button')?.focus();
  };

  /** Whether a later part's tag is defined; if not, fetch the parts and render again once they are here. */
  #laterPart(tag: string): boolean {
    if (customElements.get(tag)) return true;
    void loadLaterParts().then((loaded) => loaded && this.requestUpdate());
    return false;
  }

  /** The pointer or focus reached the exit button: a sign of hesitation (R29), and a reason to prepare. */
  readonly #approach = (event: Event): void => {
    this.#prepare();
    this.#intent.approach(event);
  };

  /** The candidate may be about to leave: whatever the dialog needs should be here before the click. */
  readonly #prepare = (): void => {
    deviceTimeZone();
    void loadLaterParts();
    if (this.#prepared) return;
    this.#prepared = true;
    this.requestUpdate();
  };

  /**
   * Bring the language up to date, and (re)build the store when what it was built from changed
   * and no exit is under way: the context of a store is fixed, the stage included.
   */
  #sync(): ExitStore {
    const locale = widgetLocale(this, this.locale);
    const inputs = [this.adapter, this.config, this.messages, this.interviewId, this.candidateRef, this.jobType];
    const status = this.#store?.getState().status;
    const resting = !status || status === 'idle' || status === 'resume' || status === 'reentry';
    if (!this.#store || (resting && inputs.some((input, index) => input !== this.#built[index]))) this.#build(locale, inputs);
    // A new stage or language (or the zone, once read) only changes what later plans and records read (R18).
    const context = this.#store!.getContext();
    const timeZone = knownTimeZone() ?? context.timeZone;
    if (context.stage !== this.stage || context.locale !== locale || context.timeZone !== timeZone) this.#store!.setContext({ stage: this.stage, locale, timeZone });
    if (this.i18n.language !== locale) void this.i18n.changeLanguage(locale);
    return this.#store!;
  }

  #build(locale: string, inputs: unknown[]): void {
    const first = !this.#store;
    const configChanged = first || this.config !== this.#built[1];
    const adapterChanged = first || this.adapter !== this.#built[0];
    const idChanged = this.interviewId !== this.#built[3];
    this.#built = inputs;
    const context = {
      interviewId: this.interviewId,
      candidateRef: this.candidateRef,
      jobType: this.jobType,
      stage: this.stage,
      locale,
      // UTC until the device's zone is read, when idle or at the first open (internal/time-zone.ts).
      timeZone: knownTimeZone() ?? 'UTC',
      progress: this.#progress,
    };
    if (adapterChanged || this.interviewId !== this.#outbox?.name) this.#connectOutbox();
    const storeOn = (config: unknown): ExitStore =>
      createExitStore({
        config,
        context,
        adapter: this.adapter ?? noBackend,
        delivery: this.#outbox && outboxDelivery(this.#outbox),
        onEvent: (event) => {
          // A refused config is told once, not again at every rebuild for a new stage.
          if (store === this.#store && (event.name !== 'error' || event.code !== 'config-invalid' || configChanged)) this.#forward(event);
        },
      });
    // Whatever a vendor's config or strings do (a getter that throws…), the button keeps its way out:
    // a config that cannot be used gives way to the defaults, strings that cannot be used to the shipped ones.
    let store: ExitStore;
    try {
      store = storeOn(this.config);
      addBundles(this.i18n, configResources(store.config));
    } catch {
      store = storeOn(undefined);
      if (configChanged) this.#error('config-invalid', 'The config could not be used; the safe defaults apply.');
    }
    try {
      addBundles(this.i18n, this.messages);
    } catch {
      this.#error('config-invalid', 'The replacement strings (messages) could not be used; the shipped ones apply.');
    }
    this.#store = store;
    void this.i18n.changeLanguage(locale);
    // An exit an earlier page stored (R11), else re-entry (R14), else resume (R15) from the
    // progress the last visit kept on this device, read whenever the interview's id arrives or changes.
    const saved = idChanged ? keptProgress(this.interviewId) : null;
    if (this.#progress) keepProgress(this.interviewId, this.#progress);
    void (async () => {
      if ((await store.recover()) || store !== this.#store) return;
      if (this.adapter) await store.checkStatus();
      if (store === this.#store) this.#offerResume(saved);
    })();
  }

  /** Offer to continue an unfinished interview (R15); the reducer takes it only while nothing else is under way. */
  #offerResume(snapshot: ProgressSnapshot | null | undefined): void {
    if (snapshot && snapshot.answered < snapshot.total) this.#store?.dispatch({ type: 'resumeFound', snapshot });
  }

  /** The connection is back (the candidate may have seen "offline"): offer to continue, in the polite live region, focus untouched. */
  readonly #online = (): void => this.#offerResume(this.#progress ?? keptProgress(this.interviewId));

  /** Once per store, at its first use: what the vendor left out (set-up may take the page a while, so not before). */
  #judge(store: ExitStore): void {
    if (this.#judged === store) return;
    this.#judged = store;
    const checked = ExitContextSchema.safeParse(store.getContext());
    if (!checked.success) this.#error('context-invalid', `Invalid: ${[...new Set(checked.error.issues.map((issue) => issue.path.join('.')))].join(', ')}.`);
    if (!this.adapter) this.#error('adapter-missing', 'No adapter: exits stay queued in this page and reach no backend.');
  }

  /** One outbox per interview and backend; it sends what earlier pages left, and says when it cannot keep anything. */
  #connectOutbox(): void {
    this.#outbox?.stop();
    this.#outbox = undefined;
    if (!this.adapter || !this.interviewId) return;
    const outbox = createOutbox({ adapter: this.adapter, name: this.interviewId });
    outbox.subscribe((event) => {
      if (event.type === 'degraded') this.#error('storage-degraded', `Exits are kept in memory only (${event.reason}): a reload before delivery would lose them.`);
    });
    if (this.isConnected) outbox.start();
    this.#outbox = outbox;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.#online);
    this.#outbox?.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.#online);
    this.#outbox?.stop();
  }

  #forward(event: StoreEvent | { name: 'error'; code: events.AieErrorDetail['code']; message: string }): void {
    const { name, ...detail } = event;
    if (name === 'exit-confirm') keepProgress(this.interviewId, null);
    if (event.name === 'error') console.warn(`<ai-interview-exit> ${event.message}`);
    const EventClass = STORE_EVENTS[name] as new (detail: unknown) => Event;
    /** @ignore documented with @fires */
    this.dispatchEvent(new EventClass(detail));
  }

  #error(code: events.AieErrorDetail['code'], message: string): void {
    this.#forward({ name: 'error', code, message });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ai-interview-exit': AiInterviewExit;
  }
}
