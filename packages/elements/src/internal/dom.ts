// Small helpers shared by the elements. Focus and `lang` have to be followed through shadow roots.
import type { ExitConfig } from '@ai-interview-exit/core';
import { DEFAULT_LOCALE, matchLocale, type SupportedLocale } from '@ai-interview-exit/core/i18n';

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement ? element : null;
}

const FOCUSABLE = 'button,[href],input,select,textarea,summary,[tabindex]:not([tabindex="-1"])';

/**
 * The elements Tab visits inside `root`, in order, through shadow roots: enabled, rendered, and
 * one radio per group (the checked one, else the first).
 */
export function tabbables(root: Element | ShadowRoot, found: HTMLElement[] = []): HTMLElement[] {
  for (const element of root.children) {
    const input = element as HTMLInputElement;
    if (
      element.matches(FOCUSABLE) &&
      !input.disabled &&
      element.getClientRects().length &&
      (input.type !== 'radio' || input.checked || !radioGroup(input).some((r) => r.checked || found.includes(r)))
    ) {
      found.push(input);
    }
    tabbables(element.shadowRoot ?? element, found);
  }
  return found;
}

function radioGroup(radio: HTMLInputElement): HTMLInputElement[] {
  const root = radio.getRootNode() as ParentNode;
  return [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => r.name === radio.name);
}

/** `closest`, looking out of shadow roots too: the nearest element around `from` that matches. */
export function closestDeep(from: Element, selector: string): Element | null {
  for (let element: Element | null = from; element; element = (element.getRootNode() as ShadowRoot).host ?? null) {
    const found = element.closest(selector);
    if (found) return found;
  }
  return null;
}

/** The widget's language: its own `locale`, else the nearest `lang`, else the browser's, else zh-CN. */
export function widgetLocale(element: Element, locale?: string | null): SupportedLocale {
  return matchLocale(locale) ?? matchLocale(closestDeep(element, '[lang]')?.getAttribute('lang')) ?? matchLocale(navigator.language) ?? DEFAULT_LOCALE;
}

/** A link to HR (R14, R6 way out) from the config's contact: e-mail, else phone, else web page. */
export function hrLink(contact: ExitConfig['hrContact']): { href: string; text: string } | null {
  if (contact?.email) return { href: `mailto:${contact.email}`, text: contact.email };
  if (contact?.phone) return { href: `tel:${contact.phone.replace(/[^\d+]/g, '')}`, text: contact.phone };
  if (contact?.url) return { href: contact.url, text: contact.url };
  return null;
}
