import { css } from 'lit';

/**
 * Every `--aie-*` design token and its fallback, in one place. Elements read the private `--_*`
 * copies, so that a vendor's token always wins while the fallbacks follow the colour scheme.
 *
 * Per-element knobs (`--aie-dialog-width`, `--aie-exit-button-background`, `--aie-exit-link-color`)
 * are read where they apply.
 *
 * Dark: the fallbacks follow `prefers-color-scheme`; a vendor forces a theme by setting the
 * colour tokens (and `--aie-color-scheme: dark` or `light` for the native form controls).
 * Defaults meet WCAG AA: confirm red #c62828 on white text 5.6:1, cancel text on grey 13:1.
 */
export const tokens = css`
  :host {
    --_font: var(--aie-font-family, system-ui, sans-serif);
    --_size: var(--aie-font-size, 1rem);
    --_radius: var(--aie-radius, 8px);
    --_inset: var(--aie-inset, 16px);
    --_z: var(--aie-z-index, 2147483000);
    --_shadow: var(--aie-shadow, 0 6px 24px rgb(0 0 0 / 0.22));
    --_motion: var(--aie-motion-duration, 160ms);
    --_text: var(--aie-color-text, #1f1f1f);
    --_muted: var(--aie-color-muted, #575757);
    --_surface: var(--aie-color-surface, #fff);
    --_border: var(--aie-color-border, #767676);
    --_danger: var(--aie-color-danger, #c62828);
    --_on-danger: var(--aie-color-on-danger, #fff);
    --_danger-text: var(--aie-color-danger-text, #c62828);
    --_neutral: var(--aie-color-neutral, #e3e3e3);
    --_on-neutral: var(--aie-color-on-neutral, #1f1f1f);
    --_focus: var(--aie-color-focus, #1a5fd0);
    --_accent: var(--aie-color-accent, var(--_focus));
    --_divider: var(--aie-divider-color, rgb(128 128 128 / 0.35));
    --_backdrop: var(--aie-backdrop, rgb(0 0 0 / 0.5));
    color-scheme: var(--aie-color-scheme, light dark);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_shadow: var(--aie-shadow, 0 6px 24px rgb(0 0 0 / 0.6));
      --_text: var(--aie-color-text, #ededed);
      --_muted: var(--aie-color-muted, #c2c2c2);
      --_surface: var(--aie-color-surface, #202124);
      --_border: var(--aie-color-border, #9aa0a6);
      --_danger-text: var(--aie-color-danger-text, #ff8a80);
      --_neutral: var(--aie-color-neutral, #3c4043);
      --_on-neutral: var(--aie-color-on-neutral, #ededed);
      --_focus: var(--aie-color-focus, #8ab4f8);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_motion: 0s;
    }
  }
`;
