import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
  }
  [part~='time'],
  [part~='reason'] {
    margin-block-end: 0.25em;
    font-weight: 600;
  }
  [part~='status'] {
    margin-block-start: 0.75em;
  }
`;
