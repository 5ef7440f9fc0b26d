import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='nudge'] {
    position: relative;
    box-sizing: border-box;
    inline-size: min(20rem, calc(100vw - 2rem));
    padding: 0.75rem 3.25rem 0.75rem 1rem;
  }
  [part~='title'] {
    margin: 0 0 0.25em;
    font-weight: 600;
  }
  [part~='message'] {
    margin: 0 0 0.75em;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  [part~='help-button'] {
    background: var(--_focus);
    color: var(--_surface);
  }
  [part~='dismiss-button'] {
    position: absolute;
    inset-block-start: 0.25rem;
    inset-inline-end: 0.25rem;
    padding: 0;
    background: transparent;
    color: var(--_text);
    font-size: 1.25em;
    line-height: 1;
  }
`;
