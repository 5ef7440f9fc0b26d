import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    /* as a grid or flex item, never wider than the page: the table scrolls in its own box */
    min-inline-size: 0;
    color: var(--_text);
    font-size: var(--_size);
  }
  .card {
    box-sizing: border-box;
    padding: var(--_inset);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  h2,
  h3 {
    margin: 0 0 0.5em;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.0625em;
    margin-block-start: 1em;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .header h2 {
    margin: 0;
  }
  .header button {
    margin-inline-start: auto;
  }
  .live {
    display: inline-block;
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .live::first-letter {
    color: #16a34a;
  }
  .filters {
    min-inline-size: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1.5em;
    margin: 1em 0;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .filters label {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  /* wide enough for a role's name before the roles arrive with the data: the filters stay put */
  select {
    min-inline-size: 10em;
  }
  select,
  input {
    min-block-size: 2.75rem;
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .alert {
    padding: 0.75em 1em;
    border-inline-start: 6px solid var(--_danger);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 10%, var(--_surface));
    font-weight: 600;
  }
  .problem {
    color: var(--_danger-text);
    font-weight: 600;
  }
  .overview {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 320px), 1fr));
    gap: 1em 2em;
  }
  figure {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1em;
    margin: 0;
  }
  figure svg {
    inline-size: 180px;
    block-size: 180px;
    flex: none;
  }
  .total {
    font-size: 28px;
    font-weight: 700;
    fill: var(--_text);
  }
  figcaption {
    flex: 1 1 12em;
  }
  .summary {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .legend,
  .rates {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.375em;
  }
  .legend li,
  .rates li {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .swatch {
    inline-size: 0.875em;
    block-size: 0.875em;
    flex: none;
    forced-color-adjust: none;
  }
  .figures {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
  }
  .rates li > span:first-child {
    min-inline-size: 6em;
  }
  meter {
    flex: 1;
    min-inline-size: 4em;
  }
  details {
    margin-block-start: 0.75em;
  }
  summary {
    cursor: pointer;
    min-block-size: 1.5rem;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.9375em;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25em;
  }
  th,
  td {
    padding: 0.5em 0.75em;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    white-space: nowrap;
  }
  .flags {
    color: var(--_danger-text);
  }
  /* An action in a row: compact, still well above the 24 px target size (WCAG 2.5.8). */
  [part='review-button'] {
    display: block;
    min-block-size: 2rem;
    margin-block-start: 0.375em;
    padding: 0.25em 0.75em;
    font-size: 0.875em;
    white-space: nowrap;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part~='nudges'] {
    margin-block: 1em 0.75em;
  }
`;
