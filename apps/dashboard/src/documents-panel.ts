/**
 * The Documents tab: every document of the workspace with its status, why it failed (said where the user
 * looks, not only as a grey event), and the system it was linked to. Files being uploaded show here at
 * once, then follow the server's status: uploading → received → processing → processed | unparsed | failed.
 */
import type { AuditReport } from '@custody/domain';
import type { ApiClient, DocumentRow, UploadResult } from './api.js';
import { el, replace, words } from './dom.js';

/** Statuses still moving: while any document has one, the score is about to change. */
const PENDING = new Set(['uploading', 'received', 'processing']);
/** How far along the pipeline each status is (the progress bar). */
const STEP: Record<string, number> = { uploading: 1, received: 2, processing: 3, processed: 4, unparsed: 4, failed: 4 };
const STEPS = 4;

interface Row {
  id: string | null;
  fileName: string;
  status: string;
  reason?: string;
  type?: string;
  format?: string;
}

export class DocumentsPanel {
  private rows: Row[] = [];
  /** Files sent but not yet answered by the server (their ids are unknown until then). */
  private inFlight: Row[] = [];
  private systemOf = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: ApiClient,
    private readonly onPending: (pending: number) => void,
  ) {}

  get pending(): number {
    return [...this.inFlight, ...this.rows].filter((r) => PENDING.has(r.status)).length;
  }

  /** Which system each document was linked to, and its name (from the latest audit). */
  setReport(report: AuditReport): void {
    const names = new Map(report.systems.map((s) => [s.id, s.name]));
    this.systemOf = new Map(report.documents.filter((d) => d.system).map((d) => [d.id, names.get(d.system!) ?? d.system!]));
    this.render();
  }

  /** Upload files in one request; each shows at once and then follows its server status. */
  async upload(files: readonly File[], send: (files: readonly File[]) => Promise<UploadResult[]>): Promise<void> {
    const mine: Row[] = files.map((f) => ({ id: null, fileName: f.name, status: 'uploading' }));
    this.inFlight.push(...mine);
    this.render();
    try {
      await send(files);
    } catch (err) {
      // Nothing was stored: say so on each file, and keep the rows so the user sees which ones.
      for (const r of mine) Object.assign(r, { status: 'failed', reason: `upload failed: ${err instanceof Error ? err.message : String(err)}` });
      this.render();
      setTimeout(() => { this.inFlight = this.inFlight.filter((r) => !mine.includes(r)); this.render(); }, 30_000);
      return;
    }
    this.inFlight = this.inFlight.filter((r) => !mine.includes(r));
    await this.refresh();
  }

  /** Re-read statuses; while anything is pending, keep re-reading (statuses change without an event too). */
  async refresh(): Promise<void> {
    try {
      const docs = await this.api.documents();
      this.rows = docs.map(toRow).sort((a, b) => rank(a) - rank(b) || a.fileName.localeCompare(b.fileName));
    } catch {
      // Keep what is shown; the next event or poll tries again.
    }
    this.render();
    if (this.timer) clearTimeout(this.timer);
    this.timer = this.pending > 0 ? setTimeout(() => void this.refresh(), 1500) : null;
  }

  private render(): void {
    this.onPending(this.pending);
    const all = [...this.inFlight, ...this.rows];
    const failed = all.filter((r) => r.status === 'failed' || r.status === 'unparsed').length;
    replace(this.root,
      el('div', { class: 'docs-head' },
        el('h2', {}, 'Documents'),
        el('span', { class: 'muted' }, `${all.length} · ${this.pending} in progress · ${failed} need attention`)),
      all.length === 0 ? el('p', { class: 'muted' }, 'No documents yet. Drop contracts, BAAs, configs or a custody.yaml anywhere on the page.') : null,
      el('ol', { class: 'doc-list' }, ...all.map((r) => this.row(r))));
  }

  private row(r: Row): HTMLElement {
    const linked = r.id ? this.systemOf.get(r.id) : undefined;
    const step = STEP[r.status] ?? STEPS;
    return el('li', { class: `doc status-${r.status}`, attrs: { 'data-file': r.fileName, 'data-status': r.status } },
      el('div', { class: 'doc-top' },
        el('span', { class: 'doc-name', attrs: { title: r.fileName } }, r.fileName),
        el('span', { class: `doc-status status-${r.status}` }, words(r.status))),
      PENDING.has(r.status) ? el('progress', { class: 'doc-progress', attrs: { max: String(STEPS), value: String(step), 'aria-label': `${r.fileName}: ${r.status}` } }) : null,
      el('div', { class: 'doc-meta' },
        [r.type ? words(r.type) : null, r.format ? words(r.format) : null].filter(Boolean).join(' · '),
        linked ? el('span', { class: 'doc-link' }, ` → ${linked}`) : null),
      r.reason ? el('p', { class: 'doc-reason' }, r.reason) : null);
  }
}

function toRow(d: DocumentRow): Row {
  return { id: d.id, fileName: d.fileName, status: d.status, reason: d.reason, type: d.type, format: d.format };
}

/** Problems first, then work in progress, then the rest by name. */
function rank(r: Row): number {
  return r.status === 'failed' || r.status === 'unparsed' ? 0 : PENDING.has(r.status) ? 1 : 2;
}
