/**
 * The Documents tab: every document of the workspace with its status, why it failed (said where the user
 * looks, not only as a grey event), and the system it was linked to. Files being uploaded show here at
 * once, then follow the server's status: uploading → received → processing → processed | unparsed | failed.
 * A contract read but linked to no system (its parties matched none) gets a control to link it to one: the
 * server records the decision and re-projects, and the next audit shows the link.
 */
import type { ApiClient, DashboardAudit, DocumentRow, UploadResult } from './api.js';
import { el, replace, words } from './dom.js';

/** Statuses still moving: while any document has one, the score is about to change. */
const PENDING = new Set(['uploading', 'received', 'processing']);
/** How far along the pipeline each status is (the progress bar). */
const STEP: Record<string, number> = { uploading: 1, received: 2, processing: 3, processed: 4, unparsed: 4, failed: 4 };
const STEPS = 4;
/** Statuses and formats as a reader says them ('unparsed' is the API's word for a file read as no evidence). */
const STATUS_WORDS: Record<string, string> = { unparsed: 'not read' };
const FORMAT_WORDS: Record<string, string> = { baa: 'BAA', dpa: 'DPA', 'custody-manifest': 'custody.yaml', 'fleet-csv': 'CSV' };

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
  /** Vendor systems a contract can be linked to; empty until an audit is loaded, or when viewing the past. */
  private linkTargets: { id: string; name: string }[] = [];
  /** Links sent and not yet shown by an audit, by document id (system name), so the row says it is on its way. */
  private linking = new Map<string, string>();
  /** Why the last link was refused, by document id. */
  private linkErrors = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: ApiClient,
    private readonly onPending: (pending: number) => void,
  ) {}

  get pending(): number {
    return [...this.inFlight, ...this.rows].filter((r) => PENDING.has(r.status)).length;
  }

  /** Which system each document was linked to, and its name (from the latest audit); `live` false in the past (read-only). */
  setReport(report: DashboardAudit, live = true): void {
    const names = new Map(report.systems.map((s) => [s.id, s.name]));
    this.systemOf = new Map(report.documents.filter((d) => d.system).map((d) => [d.id, names.get(d.system!) ?? d.system!]));
    for (const id of this.systemOf.keys()) this.linking.delete(id);
    // Fleet installs take their vendor's contracts: offer the vendor, not thousands of installs.
    this.linkTargets = live
      ? report.systems.filter((s) => s.role !== 'practice' && !s.group).map((s) => ({ id: s.id, name: s.name })).sort((a, b) => a.name.localeCompare(b.name))
      : [];
    this.render();
  }

  private async link(id: string, system: string): Promise<void> {
    this.linkErrors.delete(id);
    this.linking.set(id, this.linkTargets.find((t) => t.id === system)?.name ?? system);
    this.render();
    try {
      await this.api.linkDocument(id, system);
    } catch (err) {
      this.linking.delete(id);
      this.linkErrors.set(id, `Could not link: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.render();
  }

  /** Upload files in one request; each shows at once and then follows its server status. */
  async upload(files: readonly File[], send: (files: readonly File[]) => Promise<UploadResult[]>): Promise<void> {
    const mine: Row[] = files.map((f) => ({ id: null, fileName: f.name, status: 'uploading' }));
    this.inFlight.push(...mine);
    this.render();
    let results: UploadResult[];
    try {
      results = await send(files);
    } catch (err) {
      // Nothing was stored: say so on each file, and keep the rows so the user sees which ones.
      for (const r of mine) Object.assign(r, { status: 'failed', reason: `upload failed: ${err instanceof Error ? err.message : String(err)}` });
      this.keepFor30s(mine);
      return;
    }
    // A file the server refused (the others were stored) is not among the documents: its row stays with why.
    const refused = mine.filter((r, i) => {
      const error = results[i]?.error;
      if (error) Object.assign(r, { status: 'failed', reason: `not uploaded: ${error}` });
      return Boolean(error);
    });
    this.inFlight = this.inFlight.filter((r) => !mine.includes(r) || refused.includes(r));
    if (refused.length) this.keepFor30s(refused);
    await this.refresh();
  }

  /** Rows of files that were not stored, shown failed with their reason for 30 s. */
  private keepFor30s(rows: Row[]): void {
    this.render();
    setTimeout(() => { this.inFlight = this.inFlight.filter((r) => !rows.includes(r)); this.render(); }, 30_000);
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
    // A failure needs the user; a file read as no evidence (a README, an unread format) is only said, as the CLI
    // does: its reason tells whether it matters.
    const failed = all.filter((r) => r.status === 'failed').length;
    const unread = all.filter((r) => r.status === 'unparsed').length;
    replace(this.root,
      el('div', { class: 'docs-head' },
        el('h2', {}, 'Documents'),
        el('span', { class: 'muted' }, [`${all.length}`, `${this.pending} in progress`, failed ? `${failed} failed` : '', unread ? `${unread} not read` : ''].filter(Boolean).join(' · '))),
      all.length === 0 ? el('p', { class: 'muted' }, 'No documents yet. Drop contracts, BAAs, configs or a custody.yaml anywhere on the page.') : null,
      el('ol', { class: 'doc-list' }, ...all.map((r) => this.row(r))));
  }

  private row(r: Row): HTMLElement {
    const linked = r.id ? this.systemOf.get(r.id) : undefined;
    const step = STEP[r.status] ?? STEPS;
    return el('li', { class: `doc status-${r.status}`, attrs: { 'data-file': r.fileName, 'data-status': r.status } },
      el('div', { class: 'doc-top' },
        el('span', { class: 'doc-name', attrs: { title: r.fileName } }, r.fileName),
        el('span', { class: `doc-status status-${r.status}` }, STATUS_WORDS[r.status] ?? words(r.status))),
      PENDING.has(r.status) ? el('progress', { class: 'doc-progress', attrs: { max: String(STEPS), value: String(step), 'aria-label': `${r.fileName}: ${r.status}` } }) : null,
      el('div', { class: 'doc-meta' },
        [r.type && r.type !== 'unknown' ? words(r.type) : null, r.format ? FORMAT_WORDS[r.format] ?? words(r.format) : null].filter(Boolean).join(' · '),
        linked ? el('span', { class: 'doc-link' }, ` → ${linked}`) : null),
      r.reason ? el('p', { class: 'doc-reason' }, r.reason) : null,
      r.id && !linked ? this.linkControl(r.id, r) : null);
  }

  /** For a contract that was read but speaks for no system: pick the system and link it (or see the link on its way). */
  private linkControl(id: string, r: Row): HTMLElement | null {
    if (r.type !== 'contract' || r.status !== 'processed' || this.linkTargets.length === 0) return null;
    const pending = this.linking.get(id);
    if (pending) return el('p', { class: 'doc-linking muted' }, `Linking to ${pending}…`);
    const select = el('select', { class: 'doc-link-system', attrs: { 'aria-label': `System ${r.fileName} speaks for` } },
      el('option', { attrs: { value: '' } }, 'Choose a system…'),
      ...this.linkTargets.map((t) => el('option', { attrs: { value: t.id } }, t.name)));
    const button = el('button', { class: 'doc-link-button', attrs: { type: 'submit', disabled: '' } }, 'Link');
    select.addEventListener('change', () => { button.disabled = select.value === ''; });
    const error = this.linkErrors.get(id);
    return el('form', { class: 'doc-link-form', on: { submit: (ev) => { ev.preventDefault(); if (select.value) void this.link(id, select.value); } } },
      el('span', { class: 'doc-unlinked' }, 'Not linked to any system'),
      select, button,
      error ? el('p', { class: 'doc-reason' }, error) : null);
  }
}

function toRow(d: DocumentRow): Row {
  return { id: d.id, fileName: d.fileName, status: d.status, reason: d.reason, type: d.type, format: d.format };
}

/** Problems first, then work in progress, then the rest by name. */
function rank(r: Row): number {
  return r.status === 'failed' || r.status === 'unparsed' ? 0 : PENDING.has(r.status) ? 1 : 2;
}
