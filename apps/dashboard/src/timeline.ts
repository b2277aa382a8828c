/**
 * The time slider: one stop per distinct moment in the workspace's append-only event log, plus "now" at the
 * right end. Dragging previews the moment; releasing asks the server for the audit as it stood then
 * (`?asOf=`), which replays the event store. While in the past a banner says so and offers the way back.
 */
// Moments are written as the header and the reports write dates (isoMoment: ISO 8601, UTC), not in the browser's locale.
import { isoMoment } from '@custody/domain';
import type { ApiClient, AuditEvent } from './api.js';
import { must, words } from './dom.js';

interface Moment {
  at: string;
  /** The last event recorded at that moment, and how many were. */
  last: AuditEvent;
  count: number;
}


export class Timeline {
  private moments: Moment[] = [];
  private asOf: string | null = null;
  private readonly range = must<HTMLInputElement>('#timeline-range');
  private readonly label = must<HTMLElement>('#timeline-label');
  private readonly banner = must<HTMLElement>('#asof-banner');

  constructor(private readonly api: ApiClient, private readonly onChange: (asOf: string | null) => void) {
    this.range.addEventListener('input', () => this.showLabel(Number(this.range.value)));
    this.range.addEventListener('change', () => this.pick(Number(this.range.value)));
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-action="back-to-live"]')) b.addEventListener('click', () => this.live());
  }

  get past(): boolean {
    return this.asOf !== null;
  }

  /** (Re)load the event log; the slider stays where it is (at "now" when live). */
  async refresh(): Promise<void> {
    let events: AuditEvent[];
    try {
      events = await this.api.auditLog(5000);
    } catch {
      this.label.textContent = 'History unavailable';
      this.range.disabled = true;
      return;
    }
    const byAt = new Map<string, Moment>();
    // Reads are audit-logged too, but they change nothing: only changes are moments to travel to.
    for (const e of [...events].filter((x) => x.type !== 'EvidenceRead').sort((a, b) => a.seq - b.seq)) {
      const m = byAt.get(e.at);
      if (m) { m.last = e; m.count += 1; } else byAt.set(e.at, { at: e.at, last: e, count: 1 });
    }
    this.moments = [...byAt.values()].sort((a, b) => a.at.localeCompare(b.at));
    this.range.min = '0';
    this.range.max = String(this.moments.length);
    this.range.disabled = this.moments.length === 0;
    const i = this.asOf === null ? this.moments.length : Math.max(0, this.moments.findIndex((m) => m.at === this.asOf));
    this.range.value = String(i);
    this.showLabel(i);
  }

  /** Back to the live audit. */
  live(): void {
    this.range.value = this.range.max;
    this.pick(this.moments.length);
  }

  private pick(i: number): void {
    const next = i >= this.moments.length ? null : this.moments[i].at;
    this.showLabel(i);
    if (next === this.asOf) return;
    this.asOf = next;
    document.body.classList.toggle('viewing-past', next !== null);
    this.banner.hidden = next === null;
    if (next) must('.asof-time', this.banner).textContent = isoMoment(next);
    this.onChange(next);
  }

  private showLabel(i: number): void {
    const m = this.moments[i];
    this.range.setAttribute('aria-valuetext', m ? isoMoment(m.at) : 'Now (live)');
    if (!m) {
      this.label.textContent = `Now · live · ${this.moments.length} moments recorded`;
      return;
    }
    const more = m.count > 1 ? ` (+${m.count - 1} more)` : '';
    this.label.textContent = `${isoMoment(m.at)} · ${words(m.last.type)}${more} by ${m.last.actor}`;
  }
}
