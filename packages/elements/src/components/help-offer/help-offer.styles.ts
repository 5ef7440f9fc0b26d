import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='faq'] {
    margin-block-end: 0.75em;
  }
  [part~='faq'] summary {
    min-block-size: 1.5rem;
    cursor: pointer;
    font-weight: 600;
  }
  [part~='faq'] p {
    margin-block: 0.5em 0;
  }
  form {
    margin-block-start: 1em;
  }
  [part~='handoff-button'] {
    margin-block-start: 0.75em;
  }
`;
