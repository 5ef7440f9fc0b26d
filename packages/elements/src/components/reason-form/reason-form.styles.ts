import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    margin-block: 1em;
  }
  fieldset {
    min-inline-size: 0;
    margin: 0 0 1em;
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: 0.375em;
    padding: 0;
    font-weight: 600;
  }
  [part~='option'] {
    display: flex;
    gap: 0.5em;
    padding-block: 0.125em;
  }
  input {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0.125em 0 0;
    accent-color: var(--_accent);
  }
  [part~='hint'] {
    margin: -0.125em 0 0.375em;
    padding-inline-start: 1.75em;
  }
  textarea {
    inline-size: 100%;
    min-block-size: 4.5em;
    resize: vertical;
  }
  [part~='counter'] {
    text-align: end;
  }
`;
