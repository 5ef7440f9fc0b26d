import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_LOCALE, type Translator } from '@ai-interview-exit/core/i18n';

/** One widget's translator (never a shared one). */
export type I18n = Translator;

/** A host that shows text from a widget's translator. */
export type I18nHost = ReactiveControllerHost & { readonly i18n?: I18n | undefined; readonly isConnected: boolean };

/**
 * Text for an element from its widget's translator, re-rendering the element when the
 * language or the strings change. Every visible string goes through `t()`.
 */
export class I18nController implements ReactiveController {
  #i18n?: I18n | undefined;
  readonly #changed = () => this.host.requestUpdate();

  constructor(private readonly host: I18nHost) {
    host.addController(this);
  }

  /** The language shown, for `lang` attributes and `Intl`. */
  get lang(): string {
    return this.#i18n?.language ?? DEFAULT_LOCALE;
  }

  /** A translated string (`key` in the locale files, `values` interpolated as text, never HTML). */
  t = (key: string, values: Record<string, unknown> = {}): string => (this.#i18n ? this.#i18n.t(key, values) : '');

  /** Formatters kept by language, time zone and style: making one costs far more than using it. */
  readonly #formats = new Map<string, Intl.DateTimeFormat>();

  /** An instant as the candidate reads it: the widget's language, the interview's time zone. */
  date = (iso: string, timeZone: string, withTime = true): string => {
    const key = `${this.lang} ${timeZone} ${withTime}`;
    let format = this.#formats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(this.lang, { dateStyle: 'long', timeStyle: withTime ? 'short' : undefined, timeZone });
      this.#formats.set(key, format);
    }
    return format.format(new Date(iso));
  };

  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const next = this.host.i18n;
    // Listen only while connected (see FlowController): the translator would keep a removed element alive.
    if (next === this.#i18n || !this.host.isConnected) return;
    this.#i18n?.off('languageChanged', this.#changed);
    next?.on('languageChanged', this.#changed);
    this.#i18n = next;
  }

  hostDisconnected(): void {
    this.#i18n?.off('languageChanged', this.#changed);
    this.#i18n = undefined;
  }
}
