import { css } from 'lit';

export const styles = css`
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button {
    flex: 1 1 8em;
  }
  [part~='continue-button'] {
    background: var(--_focus);
    color: var(--_surface);
  }
`;
