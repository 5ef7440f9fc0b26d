import { css } from 'lit';
import { tokens } from './tokens.js';

/**
 * What every element shares: the tokens, text, buttons (at least 44 px tall; WCAG 2.5.8 asks 24),
 * fields, messages, a visible focus ring, and borders that show in forced colours. Hosts get no
 * colours: a host page may restyle a light-DOM host (even with `all: unset`), so every box that
 * shows sets its own.
 */
export const base = [
  tokens,
  css`
    :host {
      font-family: var(--_font);
      line-height: 1.5;
    }
    [hidden] {
      display: none !important;
    }
    p {
      margin: 0 0 0.75em;
    }
    p:empty {
      margin: 0;
    }
    button {
      box-sizing: border-box;
      min-block-size: 2.75rem;
      min-inline-size: 2.75rem;
      margin: 0;
      padding: 0.5em 1.125em;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    /* A card that floats over the host page: the dialog, the re-entry and resume panel. */
    .surface {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-size: var(--_size);
    box-shadow: var(--_shadow);
    }
    :focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .danger {
      background: var(--_danger);
      color: var(--_on-danger);
    }
    .neutral {
      background: var(--_neutral);
      color: var(--_on-neutral);
      border-color: var(--_border);
    }
    :is(.danger, .neutral):hover:enabled {
      box-shadow: inset 0 0 0 99px rgb(0 0 0 / 0.12);
    }
    a {
      color: var(--_focus);
    }
    [part~='label'] {
      display: block;
      margin-block: 0.5em 0.25em;
      font-weight: 600;
    }
    textarea,
    [part~='input'] {
      box-sizing: border-box;
      padding: 0.375em 0.5em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: inherit;
      font: inherit;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger-text);
    }
    [part~='error'] {
      color: var(--_danger-text);
      font-weight: 600;
    }
    [part~='hint'],
    [part~='counter'],
    [part~='attempts'] {
      display: block;
      color: var(--_muted);
      font-size: 0.875em;
    }
    @media (forced-colors: active) {
      button {
        border-color: ButtonText;
      }
      :focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];
