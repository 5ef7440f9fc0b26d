import { css } from 'lit';

export const styles = css`
  [part~='link'] {
    min-block-size: 24px;
    min-inline-size: 24px;
    padding: 0 0.125em;
    background: none;
    color: var(--aie-exit-link-color, var(--_danger-text));
    font-weight: inherit;
    text-decoration: underline;
  }
`;
