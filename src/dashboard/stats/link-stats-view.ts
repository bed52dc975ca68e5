import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CheckoutLink } from '../../shared/schemas/checkout-link.ts';
import type { LinkStats, StatsDimension } from '../../shared/schemas/link-stats.ts';
import type { ManagementApi } from '../core/api.ts';
import { formatMoney } from '../core/format.ts';
import { errorState, loadingState } from '../ui/fields.ts';
import { LightElement } from '../ui/light-element.ts';
import { adoptStatsStyles, drawStatsChart } from './stats-chart.ts';
import { formatRate, lastDays, STATS_RANGES } from './stats-range.ts';

const DIMENSIONS: { key: StatsDimension; title: string }[] = [
  { key: 'utm_source', title: 'Source (utm_source)' },
  { key: 'utm_medium', title: 'Medium (utm_medium)' },
  { key: 'utm_campaign', title: 'Campaign (utm_campaign)' },
  { key: 'reference_id', title: 'Reference (reference_id)' },
];

const revenueText = (revenue: LinkStats['totals']['revenue']) =>
  revenue.length ? revenue.map((r) => formatMoney(r.amount, r.currency)).join(' + ') : formatMoney(0, 'usd');

/**
 * A link's stats (`#/links/{id}/stats`): the funnel, a daily chart (uPlot,
 * in this lazily loaded module only) and where the sessions came from.
 */
@customElement('dash-link-stats')
export class LinkStatsView extends LightElement {
  @property({ attribute: false }) api!: ManagementApi;
  @property({ attribute: false }) link!: CheckoutLink;
  @state() private days = 30;
  @state() private stats: LinkStats | null = null;
  @state() private error: string | null = null;
  #removeChart: (() => void) | null = null;

  override connectedCallback() {
    super.connectedCallback();
    adoptStatsStyles();
    this.load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#removeChart?.();
    this.#removeChart = null;
  }

  private async load() {
    this.error = null;
    const { from, to } = lastDays(this.days);
    try {
      this.stats = await this.api.get<LinkStats>(`/checkout-links/${this.link.id}/stats?from=${from}&to=${to}`);
    } catch (err) {
      this.error = `Could not load the stats: ${err instanceof Error ? err.message : err}`;
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    if (!changed.has('stats' as keyof LinkStatsView)) return;
    this.#removeChart?.();
    this.#removeChart = null;
    const target = this.querySelector<HTMLElement>('.stats-chart');
    if (target && this.stats) this.#removeChart = drawStatsChart(target, this.stats);
  }

  private pickRange(days: number) {
    if (days === this.days) return;
    this.days = days;
    this.load();
  }

  private renderFunnel(s: LinkStats) {
    const t = s.totals;
    return html`<dl class="stats-funnel" aria-label="Funnel">
      <div class="card"><dt>Sessions</dt><dd data-stat="sessions">${t.sessions}</dd></div>
      <div class="card"><dt>Sales</dt><dd data-stat="succeeded">${t.succeeded}</dd></div>
      <div class="card"><dt>Conversion</dt><dd data-stat="conversion">${formatRate(t.conversion_rate)}</dd></div>
      <div class="card"><dt>Revenue</dt><dd data-stat="revenue">${revenueText(t.revenue)}</dd></div>
    </dl>`;
  }

  private renderBreakdown(s: LinkStats) {
    return html`<div class="stats-breakdowns">${DIMENSIONS.map(({ key, title }) => {
      const rows = s.breakdown[key];
      return html`<section class="card" aria-labelledby=${`bd-${key}`}>
        <h3 id=${`bd-${key}`} class="h3">${title}</h3>
        ${
          rows.length
            ? html`<div class="table-wrap"><table class="stats-table" data-dimension=${key}>
              <thead><tr><th scope="col">Value</th><th scope="col">Sessions</th><th scope="col">Sales</th><th scope="col">Revenue</th></tr></thead>
              <tbody>${rows.map(
                (r) =>
                  html`<tr><td data-label="Value">${r.value}</td><td data-label="Sessions">${r.sessions}</td><td data-label="Sales">${r.succeeded}</td><td data-label="Revenue">${r.revenue.length ? revenueText(r.revenue) : '—'}</td></tr>`,
              )}</tbody></table></div>`
            : html`<p class="muted small">No session carried <code>${key}</code> in this period.</p>`
        }
      </section>`;
    })}</div>`;
  }

  override render() {
    const s = this.stats;
    return html`<div class="stats-view">
      <div class="stats-range" role="group" aria-label="Period">
        ${STATS_RANGES.map(
          (d) =>
            html`<button type="button" class="btn btn-small" aria-pressed=${d === this.days ? 'true' : 'false'} @click=${() => this.pickRange(d)}>${d === 365 ? '12 months' : `${d} days`}</button>`,
        )}
      </div>
      ${this.error ? errorState(this.error, () => this.load()) : nothing}
      ${
        s === null
          ? this.error
            ? nothing
            : loadingState('stats')
          : html`<p class="muted small">${s.from} to ${s.to} (UTC). A sale counts on the day its checkout opened.</p>
            ${this.renderFunnel(s)}
            <section class="card" aria-labelledby="chart-title">
              <h3 id="chart-title" class="h3">Per day</h3>
              <p class="stats-legend small"><span class="swatch swatch-sessions"></span> Sessions <span class="swatch swatch-sales"></span> Sales</p>
              <div class="stats-chart" role="img" aria-label=${`Sessions and sales per day, ${s.from} to ${s.to}: ${s.totals.sessions} sessions, ${s.totals.succeeded} sales`}></div>
            </section>
            ${this.renderBreakdown(s)}`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dash-link-stats': LinkStatsView;
  }
}
