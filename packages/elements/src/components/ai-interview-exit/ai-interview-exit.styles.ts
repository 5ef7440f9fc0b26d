import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  [part~='anchor'] {
    position: fixed;
    z-index: var(--_z);
    inset-block-start: var(--_inset);
    inset-inline-end: var(--_inset);
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 0.5rem;
    max-inline-size: calc(100vw - 2 * var(--_inset));
  }
  .top-left,
  .bottom-left {
    inset-inline: var(--_inset) auto;
    align-items: flex-start;
  }
  .bottom-left,
  .bottom-right {
    inset-block: auto var(--_inset);
    flex-direction: column-reverse;
  }
  .inline {
    position: static;
    align-items: flex-start;
  }
  [part~='panel'] {
    box-sizing: border-box;
    inline-size: min(22rem, calc(100vw - 2 * var(--_inset)));
    padding: 1rem;
  }
  header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: 0.5em;
  }
  h2 {
    margin: 0 0 0.5em;
    font-size: 1.125em;
  }
`;
