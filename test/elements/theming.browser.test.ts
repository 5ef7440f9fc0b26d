// Look and feel: CSS parts, --aie-* tokens, light and dark, forced colours, reduced motion, RTL,
// placements and reflow at 320 px.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { AiInterviewExit } from '@ai-interview-exit/elements';
import { createMemoryAdapter } from '@ai-interview-exit/core/memory';
import { clearKeptProgress, mountWidget, openDialog, partsOf, settle, until } from './support.js';

/** WCAG relative luminance contrast of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

function expectReadable(parts: Awaited<ReturnType<typeof mountWidget>>) {
  for (const button of [parts.confirmButton()!, parts.cancelButton()!, parts.button()]) {
    const style = getComputedStyle(button);
    expect(contrast(style.color, style.backgroundColor), `${button.getAttribute('part')} text contrast`).to.be.at.least(4.5);
  }
  const dialog = getComputedStyle(parts.dialog());
  expect(contrast(dialog.color, dialog.backgroundColor), 'dialog text contrast').to.be.at.least(4.5);
}

describe('theming', () => {
  beforeEach(clearKeptProgress);
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none' } as Parameters<typeof emulateMedia>[0]);
    await setViewport({ width: 800, height: 600 });
  });

  it('paints Confirm red and Cancel grey, both with AA contrast', async () => {
    const parts = await mountWidget();
    await openDialog(parts);
    expect(getComputedStyle(parts.confirmButton()!).backgroundColor).to.equal('rgb(198, 40, 40)');
    expect(getComputedStyle(parts.cancelButton()!).backgroundColor).to.equal('rgb(227, 227, 227)');
    expectReadable(parts);
  });

  it('lets the host style every visible piece through CSS parts', async () => {
    const style = document.createElement('style');
    style.textContent = `
      ai-interview-exit::part(button) { outline: 7px dotted rgb(1, 2, 3); }
      ai-interview-exit::part(confirm-button) { border-radius: 21px; }
      ai-interview-exit::part(cancel-button) { border-radius: 22px; }
      ai-interview-exit::part(dialog) { border-radius: 23px; }
      ai-interview-exit::part(title) { letter-spacing: 2px; }
      ai-interview-exit::part(option) { letter-spacing: 3px; }
      ai-interview-exit::part(textarea) { letter-spacing: 4px; }`;
    document.head.append(style);
    try {
      const parts = await mountWidget();
      expect(getComputedStyle(parts.button()).outlineStyle).to.equal('dotted');
      await openDialog(parts);
      expect(getComputedStyle(parts.confirmButton()!).borderTopLeftRadius).to.equal('21px');
      expect(getComputedStyle(parts.cancelButton()!).borderTopLeftRadius).to.equal('22px');
      expect(getComputedStyle(parts.dialog()).borderTopLeftRadius).to.equal('23px');
      expect(getComputedStyle(parts.inDialog('h2')!).letterSpacing).to.equal('2px');
      expect(getComputedStyle(parts.reasonForm()!.querySelector('[part=option]')!).letterSpacing).to.equal('3px');
      expect(getComputedStyle(parts.reasonForm()!.querySelector('textarea')!).letterSpacing).to.equal('4px');
    } finally {
      style.remove();
    }
  });

  it('reads --aie-* tokens from the host page (a custom theme)', async () => {
    const parts = await mountWidget();
    parts.el.style.setProperty('--aie-color-danger', 'rgb(0, 90, 0)');
    parts.el.style.setProperty('--aie-radius', '2px');
    parts.el.style.setProperty('--aie-font-family', 'serif');
    await openDialog(parts);
    const confirm = getComputedStyle(parts.confirmButton()!);
    expect(confirm.backgroundColor).to.equal('rgb(0, 90, 0)');
    expect(confirm.borderTopLeftRadius).to.equal('2px');
    expect(getComputedStyle(parts.inDialog('h2')!).fontFamily).to.equal('serif');
  });

  it('follows a dark colour scheme, readable', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const parts = await mountWidget();
    await openDialog(parts);
    expect(getComputedStyle(parts.dialog()).backgroundColor).to.equal('rgb(32, 33, 36)');
    expectReadable(parts);
  });

  it('can be forced dark with tokens on a light system', async () => {
    const parts = await mountWidget();
    for (const [token, value] of Object.entries({ '--aie-color-surface': '#111', '--aie-color-text': '#eee', '--aie-color-neutral': '#444', '--aie-color-on-neutral': '#fff', '--aie-color-danger-text': '#ff8a80', '--aie-color-scheme': 'dark' })) {
      parts.el.style.setProperty(token, value);
    }
    await openDialog(parts);
    expect(getComputedStyle(parts.dialog()).backgroundColor).to.equal('rgb(17, 17, 17)');
    expect(getComputedStyle(parts.dialog()).colorScheme).to.equal('dark');
    expectReadable(parts);
  });

  it('keeps visible borders in forced colours', async () => {
    await emulateMedia({ forcedColors: 'active' } as Parameters<typeof emulateMedia>[0]);
    const parts = await mountWidget();
    await openDialog(parts);
    for (const button of [parts.button(), parts.confirmButton()!, parts.cancelButton()!]) {
      const style = getComputedStyle(button);
      expect(style.borderTopStyle).to.equal('solid');
      expect(style.borderTopWidth).to.equal('1px');
      expect(style.borderTopColor).to.not.equal('rgba(0, 0, 0, 0)');
    }
  });

  it('does not animate with reduced motion', async () => {
    const moving = await mountWidget();
    await openDialog(moving);
    expect(getComputedStyle(moving.dialog()).animationDuration).to.not.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    const still = await mountWidget({ interviewId: 'iv-still' });
    await openDialog(still);
    expect(getComputedStyle(still.dialog()).animationDuration).to.equal('0s');
  });

  it('mirrors in right-to-left pages (logical properties)', async () => {
    const page = await fixture<HTMLElement>(html`<div dir="rtl">
      <ai-interview-exit interview-id="iv-rtl" candidate-ref="c" job-type="engineer" stage="professional" locale="en" .adapter=${createMemoryAdapter()}></ai-interview-exit>
    </div>`);
    const parts = partsOf(page.querySelector<AiInterviewExit>('ai-interview-exit')!);
    await settle();
    const rect = parts.button().getBoundingClientRect();
    expect(rect.left, 'the inline end is on the left').to.be.closeTo(16, 2);
    await openDialog(parts);
    expect(getComputedStyle(parts.inDialog('[part=notice]') ?? parts.inDialog('h2')!).direction).to.equal('rtl');
  });

  for (const [placement, check] of [
    ['top-right', (r: DOMRect) => [innerWidth - r.right, r.top]],
    ['top-left', (r: DOMRect) => [r.left, r.top]],
    ['bottom-right', (r: DOMRect) => [innerWidth - r.right, innerHeight - r.bottom]],
    ['bottom-left', (r: DOMRect) => [r.left, innerHeight - r.bottom]],
  ] as const) {
    it(`sits ${placement}, 16 px from the edges`, async () => {
      const parts = await mountWidget({ placement });
      const [x, y] = check(parts.button().getBoundingClientRect());
      expect(x).to.be.closeTo(16, 2);
      expect(y).to.be.closeTo(16, 2);
    });
  }

  it('flows with the page when inline', async () => {
    const page = await fixture<HTMLElement>(html`<div style="padding: 100px 0 0 200px">
      <ai-interview-exit placement="inline" interview-id="iv-in" candidate-ref="c" job-type="engineer" stage="professional" locale="en" .adapter=${createMemoryAdapter()}></ai-interview-exit>
    </div>`);
    const parts = partsOf(page.querySelector<AiInterviewExit>('ai-interview-exit')!);
    await settle();
    const rect = parts.button().getBoundingClientRect();
    expect(rect.left).to.be.closeTo(page.getBoundingClientRect().left + 200, 2);
  });

  it('reflows at 320 px: the dialog fits, nothing scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const parts = await mountWidget({ locale: 'zh-CN' });
    await openDialog(parts);
    const dialog = parts.dialog();
    const rect = dialog.getBoundingClientRect();
    expect(rect.left).to.be.at.least(0);
    expect(rect.right).to.be.at.most(320);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
    for (const button of [parts.confirmButton()!, parts.cancelButton()!]) {
      const box = button.getBoundingClientRect();
      expect(box.left).to.be.at.least(rect.left);
      expect(box.right).to.be.at.most(rect.right);
    }
    expect(parts.confirmButton()!.getBoundingClientRect().width).to.be.closeTo(parts.cancelButton()!.getBoundingClientRect().width, 1);
  });
});
