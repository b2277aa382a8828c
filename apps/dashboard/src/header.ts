/** The header: practice name, workspace score, lens switch, upload control and live-updates indicator. */
import type { AuditReport, Lens } from '@custody/domain';
import { LENSES } from '@custody/domain';
import { exposureBand } from '@custody/graph/cytoscape-elements';
import type { UploadResult } from './api.js';
import { el, must, replace, words } from './dom.js';
import type { LiveStatus } from './sse.js';

const LIVE_TEXT: Record<LiveStatus, string> = { connecting: 'Connecting…', live: 'Live', offline: 'Offline — retrying' };

export class Header {
  private readonly lens = must<HTMLSelectElement>('#lens');
  private readonly live = must<HTMLElement>('#live');
  private readonly uploadStatus = must<HTMLElement>('#upload-status');

  constructor(onLens: (lens: Lens) => void, onUpload: (file: File) => Promise<UploadResult>) {
    replace(this.lens, ...LENSES.map((l) => el('option', { attrs: { value: l } }, words(l))));
    this.lens.addEventListener('change', () => onLens(this.lens.value as Lens));
    const input = must<HTMLInputElement>('#upload-file');
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      if (!file) return;
      this.uploadStatus.textContent = `Uploading ${file.name}…`;
      this.uploadStatus.dataset.state = 'busy';
      try {
        const res = await onUpload(file);
        this.uploadStatus.textContent = `${file.name}: ${res.status}`;
        this.uploadStatus.dataset.state = 'ok';
      } catch (err) {
        this.uploadStatus.textContent = `${file.name}: upload failed (${err instanceof Error ? err.message : 'error'})`;
        this.uploadStatus.dataset.state = 'error';
      } finally {
        input.value = '';
      }
    });
  }

  setReport(report: AuditReport): void {
    must('#practice-name').textContent = report.practice.name;
    must('#workspace-name').textContent = `${report.workspace.name} · ${report.practice.jurisdiction ?? ''} · as of ${new Date(report.generatedAt).toLocaleString()}`;
    const band = exposureBand(report.score.total);
    const score = must('#score');
    score.className = `score-badge band-${band}`;
    score.title = `Workspace exposure ${report.score.total}/100 (${band})`;
    replace(score, el('b', {}, report.score.total), el('span', { class: 'of' }, '/100'), el('span', { class: 'band' }, band));
    this.lens.value = report.lens;
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
    must('.last', this.live).textContent = `${name} · ${new Date().toLocaleTimeString()}`;
  }
}
