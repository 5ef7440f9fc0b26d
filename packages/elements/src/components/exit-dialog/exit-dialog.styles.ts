import { css } from 'lit';

export const styles = css`
  dialog {
    --_pad: clamp(1rem, 4vw, 1.5rem);
    box-sizing: border-box;
    inline-size: var(--aie-dialog-width, 34rem);
    max-inline-size: calc(100vw - 1rem);
    max-block-size: calc(100dvh - 1rem);
    padding: 0;
    overflow: hidden;
  }
  /* The title and the buttons stay put; only the middle scrolls. */
  dialog[open] {
    display: flex;
    flex-direction: column;
    animation: aie-in var(--_motion) ease-out;
  }
  dialog::backdrop {
    /* ::backdrop inherits custom properties only since Chromium 122: keep a fallback */
    background: var(--_backdrop, rgb(0 0 0 / 0.5));
  }
  @keyframes aie-in {
    from {
      opacity: 0;
      translate: 0 0.5rem;
    }
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.25em 0.75em;
    padding: var(--_pad) var(--_pad) 0.5em;
  }
  [part~='title'] {
    flex: 1 1 12em;
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
    outline: none;
  }
  [part~='voice-button'] {
    font-size: 0.875em;
    padding-inline: 0.75em;
  }
  [part~='voice-button'][aria-pressed='true'] {
    outline: 2px solid currentColor;
    outline-offset: -2px;
  }
  [part~='voice-status']:empty {
    display: none;
  }
  [part~='voice-status'] {
    flex-basis: 100%;
    font-size: 0.875em;
  }
  [part~='body'] {
    flex: 1 1 auto;
    min-block-size: 3em;
    overflow: auto;
    padding: 0.25em var(--_pad);
    overscroll-behavior: contain;
  }
  [part~='body']:last-child {
    padding-block-end: var(--_pad);
  }
  [part~='progress'] {
    font-weight: 600;
  }
  [part~='notice'] {
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_danger-text);
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    padding: 0.75em var(--_pad) var(--_pad);
    border-block-start: 1px solid var(--_divider);
  }
  [part~='actions'] button {
    flex: 1 1 8em;
    padding-inline: 0.5em;
  }
`;
