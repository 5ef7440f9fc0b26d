import { css } from 'lit';

export const styles = css`
  [part~='button'] {
    display: flex;
    align-items: center;
    gap: 0.375em;
    padding-inline: 0.875em 1.125em;
    background: var(--aie-exit-button-background, var(--_surface));
    color: var(--_danger-text);
    border-color: currentColor;
    box-shadow: var(--_shadow);
  }
  [part~='button']:hover {
    background: var(--_danger);
    color: var(--_on-danger);
  }
  [part~='icon'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
  }
  [part~='tooltip'] {
    position: fixed;
    top: 0;
    left: 0;
    z-index: 1;
    inline-size: max-content;
    max-inline-size: min(18rem, calc(100vw - 2rem));
    padding: 0.5em 0.75em;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_text);
    color: var(--_surface);
    font-size: 0.875em;
  }
  /* Not seen before it has been placed once (its position is set from script). */
  [part~='tooltip']:not([style]) {
    visibility: hidden;
  }
`;
