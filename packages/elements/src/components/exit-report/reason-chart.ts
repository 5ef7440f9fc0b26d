import { html, svg, type TemplateResult } from 'lit';
import type { Insights } from '@ai-interview-exit/core/insights';

/**
 * Segment colours: each at least 3:1 against white and dark surfaces' segment gaps (WCAG 1.4.11),
 * and told apart by the legend's labels as well, never by colour alone.
 */
const PALETTE = ['#1a56db', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#475569'];

export interface ChartText {
  title: string;
  summary: string;
  tableCaption: string;
  reasonHeader: string;
  countHeader: string;
  shareHeader: string;
  /** A reason in words: its code, and a vendor code's labels as its exits carried them. */
  label: (reason: Insights['reasons'][number]) => string;
}

function arc(start: number, end: number, outer = 80, inner = 48): string {
  const point = (angle: number, r: number) => [100 + r * Math.sin(angle), 100 - r * Math.cos(angle)].map((n) => n.toFixed(2)).join(' ');
  const large = end - start > Math.PI ? 1 : 0;
  return `M ${point(start, outer)} A ${outer} ${outer} 0 ${large} 1 ${point(end, outer)} L ${point(end, inner)} A ${inner} ${inner} 0 ${large} 0 ${point(start, inner)} Z`;
}

/**
 * The reason breakdown (R24) as a donut. The picture is one `img` with a title and a sentence
 * that says everything in it; the legend and a data table carry the same numbers as text.
 * Colours are SVG `fill` attributes, never `style` attributes: a strict Content-Security-Policy
 * refuses those (docs/security.md).
 */
export function reasonChart(reasons: Insights['reasons'], text: ChartText, id: string): TemplateResult {
  const total = reasons.reduce((sum, r) => sum + r.count, 0);
  let angle = 0;
  const segments = reasons.map((reason, index) => {
    const start = angle;
    angle += (reason.count / Math.max(total, 1)) * Math.PI * 2;
    const colour = PALETTE[index % PALETTE.length];
    // a single reason is a full ring: two half arcs, since one arc cannot close on itself
    const d = reasons.length === 1 ? `${arc(0, Math.PI)} ${arc(Math.PI, Math.PI * 2)}` : arc(start, angle);
    return svg`<path d=${d} fill=${colour} stroke="var(--_surface)" stroke-width="2"></path>`;
  });
  const percent = (share: number) => Math.round(share * 100);
  return html`
    <figure part="chart">
      <svg viewBox="0 0 200 200" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-summary" part="chart-graphic">
        <title id="${id}-title">${text.title}</title>
        ${total === 0 ? svg`<circle cx="100" cy="100" r="64" fill="none" stroke="var(--_neutral)" stroke-width="32"></circle>` : segments}
        <text x="100" y="108" text-anchor="middle" class="total" aria-hidden="true">${total}</text>
      </svg>
      <figcaption>
        <p id="${id}-summary" class="summary">${text.summary}</p>
        <ul class="legend" part="legend">
          ${reasons.map(
            (reason, index) =>
              html`<li><svg class="swatch" aria-hidden="true"><rect width="100%" height="100%" rx="3" fill=${PALETTE[index % PALETTE.length]}></rect></svg>${text.label(reason)}
                <span class="figures">${reason.count} · ${percent(reason.share)}%</span></li>`,
          )}
        </ul>
      </figcaption>
    </figure>
    <details part="chart-table">
      <summary>${text.tableCaption}</summary>
      <table>
        <caption>${text.title}</caption>
        <thead><tr><th scope="col">${text.reasonHeader}</th><th scope="col">${text.countHeader}</th><th scope="col">${text.shareHeader}</th></tr></thead>
        <tbody>
          ${reasons.map((r) => html`<tr><th scope="row">${text.label(r)}</th><td>${r.count}</td><td>${percent(r.share)}%</td></tr>`)}
        </tbody>
      </table>
    </details>
  `;
}
