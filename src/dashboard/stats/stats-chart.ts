import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import type { LinkStats } from '../../shared/schemas/link-stats.ts';
import viewCss from './link-stats.css?inline';

let styled = false;
/**
 * uPlot's stylesheet and the view's own, adopted by the document once, when
 * the view first draws: only this view pays for them, not dashboard.css.
 */
export function adoptStatsStyles() {
  if (styled) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(uPlotCss + viewCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  styled = true;
}

/** A colour from the stylesheet (`--stats-sessions`, `--stats-sales` on `.stats-view`): the legend uses the same. */
const cssColor = (el: HTMLElement, name: string) =>
  getComputedStyle(el).getPropertyValue(name).trim() || 'currentColor';

/**
 * Draws the daily sessions and sales of `stats` into `target` with uPlot (a
 * canvas), at the target's width, redrawn as it resizes; answers a function
 * that removes it.
 */
export function drawStatsChart(target: HTMLElement, stats: LinkStats): () => void {
  adoptStatsStyles();
  const days = stats.series.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 1000);
  const data: uPlot.AlignedData = [days, stats.series.map((d) => d.sessions), stats.series.map((d) => d.succeeded)];
  const width = () => Math.max(280, target.clientWidth);
  const chart = new uPlot(
    {
      width: width(),
      height: 240,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{}, { values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')) }],
      series: [
        {},
        { label: 'Sessions', stroke: cssColor(target, '--stats-sessions'), width: 2 },
        { label: 'Sales', stroke: cssColor(target, '--stats-sales'), width: 2 },
      ],
    },
    data,
    target,
  );
  const resize = new ResizeObserver(() => chart.setSize({ width: width(), height: 240 }));
  resize.observe(target);
  return () => {
    resize.disconnect();
    chart.destroy();
  };
}
