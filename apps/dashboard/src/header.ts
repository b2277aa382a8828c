/** The header: practice name, workspace score, lens switch, upload control and live-updates indicator. */
import type { Lens } from '@custody/domain';
import { counted, isoMoment, lensLabel, LENSES } from '@custody/domain';
import { exposureBand } from '@custody/graph/cytoscape-elements';
import { el, must, replace } from './dom.js';
import type { LiveStatus } from './sse.js';
import type { DashboardAudit } from './api.js';

export interface HeaderSummary {
  practice: string;
  jurisdiction?: string;
  workspace: string;
  generatedAt: string;
  total: number;
  lens: Lens;
  /** A vendor assessment of templates alone (AuditReport.template): no vendor named, so the score rates no one. */
  template?: boolean;
}

/** Whether the map's assessed systems are all templates (the report's `template`, read off the map the live view has). */
export function onlyTemplates(nodes: readonly { classes?: string }[]): boolean {
  let any = false;
  for (const n of nodes) {
    const classes = ` ${n.classes ?? ''} `;
    if (!classes.includes(' assessed ')) continue;
    if (!classes.includes(' template ')) return false;
    any = true;
  }
  return any;
}

const LIVE_TEXT: Record<LiveStatus, string> = { connecting: 'Connecting…', live: 'Live', offline: 'Offline — retrying' };

export class Header {
  private readonly lens = must<HTMLSelectElement>('#lens');
  private readonly live = must<HTMLElement>('#live');
  private readonly uploadStatus = must<HTMLElement>('#upload-status');
  private readonly score = must('#score');
  private jurisdiction: string | undefined;

  /** `onFiles` gets every file chosen in the picker or dropped anywhere on the page, in one batch. */
  constructor(onLens: (lens: Lens) => void, private readonly onFiles: (files: File[]) => void) {
    replace(this.lens, ...LENSES.map((l) => el('option', { attrs: { value: l } }, lensLabel(l))));
    this.lens.addEventListener('change', () => onLens(this.lens.value as Lens));
    const input = must<HTMLInputElement>('#upload-file');
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      if (files.length) this.onFiles(files);
    });
    this.dropZone(input);
  }

  /** Drag files anywhere onto the page to upload them (not while viewing the past: the input is disabled then). */
  private dropZone(input: HTMLInputElement): void {
    const overlay = must('#drop-overlay');
    let depth = 0;
    const hasFiles = (ev: DragEvent) => [...(ev.dataTransfer?.types ?? [])].includes('Files');
    document.addEventListener('dragenter', (ev) => { if (!hasFiles(ev) || input.disabled) return; depth++; overlay.hidden = false; });
    document.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (depth === 0) overlay.hidden = true; });
    document.addEventListener('dragover', (ev) => { if (hasFiles(ev)) ev.preventDefault(); });
    document.addEventListener('drop', (ev) => {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      depth = 0;
      overlay.hidden = true;
      const files = [...(ev.dataTransfer?.files ?? [])];
      if (files.length && !input.disabled) this.onFiles(files);
    });
  }

  /** While documents are pending the score shown is about to change: say so on the badge. */
  setUpdating(pending: number): void {
    this.score.classList.toggle('updating', pending > 0);
    this.uploadStatus.textContent = pending > 0 ? `Updating — ${counted(pending, 'document')} in progress` : '';
    this.uploadStatus.dataset.state = pending > 0 ? 'busy' : 'ok';
  }

  /** `asOf` set: the audit is of that past moment, and the header says so (not the time it was computed). */
  setReport(report: DashboardAudit, asOf?: string): void {
    this.setSummary({ practice: report.practice.name, jurisdiction: report.practice.jurisdiction, workspace: report.workspace.name, generatedAt: report.generatedAt, total: report.score.total, lens: report.lens, template: report.template === true }, asOf);
  }

  /** What the header shows, from the audit or from the small reads of the live view (workspace, score, map). */
  setSummary(h: HeaderSummary, asOf?: string): void {
    must('#practice-name').textContent = h.practice;
    // A past state may predate the manifest that named the jurisdiction, and the live view's small reads do
    // not carry it: keep the one we know.
    this.jurisdiction = h.jurisdiction ?? this.jurisdiction;
    const when = asOf ? `as of ${isoMoment(asOf)} (past)` : `live · computed ${isoMoment(h.generatedAt)}`;
    must('#workspace-name').textContent = [h.workspace, this.jurisdiction, when].filter(Boolean).join(' · ');
    const band = exposureBand(h.total);
    const score = this.score;
    const updating = score.classList.contains('updating');
    if (h.template) {
      // No vendor named: the template's state, not a 0 that would read as safe terms.
      score.className = `score-badge template${updating ? ' updating' : ''}`;
      score.title = 'Not applicable: a template that leaves the vendor\'s name blank names no vendor to score';
      replace(score, el('b', {}, 'n/a'), el('span', { class: 'band' }, 'template: no vendor named'));
      this.lens.value = h.lens;
      return;
    }
    score.className = `score-badge band-${band}${updating ? ' updating' : ''}`;
    score.title = `Workspace exposure ${h.total}/100 (${band})`;
    replace(score, el('b', {}, h.total), el('span', { class: 'of' }, '/100'), el('span', { class: 'band' }, band));
    this.lens.value = h.lens;
  }

  /** Viewing the past: uploads change the live workspace, so they are off until back to live. */
  setPast(past: boolean): void {
    const input = must<HTMLInputElement>('#upload-file');
    input.disabled = past;
    must('label.upload').classList.toggle('disabled', past);
    must('label.upload').title = past ? 'Go back to live to upload documents' : 'Upload a contract, BAA, policy, integration config or fleet export';
  }

  setLive(status: LiveStatus): void {
    this.live.dataset.status = status;
    must('.text', this.live).textContent = LIVE_TEXT[status];
  }

  /** Show the last event received, so users see the audit moving. */
  event(name: string): void {
    must('.last', this.live).textContent = `${name} · ${isoMoment(new Date())}`;
  }
}
