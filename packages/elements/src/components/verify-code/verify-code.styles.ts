import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 0.75em;
  }
  [part~='label'] {
    flex-basis: 100%;
    margin: 0;
  }
  [part~='input'] {
    flex: 1 1 8em;
    max-inline-size: 14em;
    font-size: 1.25em;
    letter-spacing: 0.25em;
  }
  [part~='attempts'] {
    margin-block-start: 0.5em;
  }
  [part~='resend-button'] {
    margin-block-end: 0.75em;
  }
  /* The HR contact sits right under the exit button: a full 24px target (WCAG 2.5.8), clear of it. */
  [part~='link'] {
    display: inline-block;
    min-block-size: 24px;
    line-height: 24px;
    margin-block-start: 0.5em;
  }
  [part~='resend-button']:disabled {
    background: none;
    color: var(--_muted);
    font-weight: 400;
  }
`;
