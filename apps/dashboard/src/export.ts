/**
 * Export buttons: the report in each format the server renders. A plain link cannot carry the `x-api-key`
 * header (and the key must not go in a URL), so each download is fetch → Blob → object URL → an <a download>.
 */
import type { Lens } from '@custody/domain';
import { type ApiClient, REPORT_FORMATS, type ReportFormat } from './api.js';
import { el, must, replace } from './dom.js';

const NAMES: Record<ReportFormat, string> = { html: 'HTML', pdf: 'PDF', md: 'Markdown', json: 'JSON', csv: 'CSV', sarif: 'SARIF' };

export class ExportBar {
  private readonly root = must<HTMLElement>('#export');
  private readonly status = must<HTMLElement>('#export-status');
  private readonly buttons: HTMLButtonElement[];

  constructor(private readonly api: ApiClient, private readonly lens: () => Lens | undefined) {
    this.buttons = REPORT_FORMATS.map((f) => el('button', {
      class: 'export-btn', attrs: { type: 'button', 'data-format': f, title: `Download the report as ${NAMES[f]}` },
      on: { click: () => void this.download(f) },
    }, NAMES[f]));
    replace(this.root, el('span', { class: 'toolbar-label' }, 'Export'), ...this.buttons);
  }

  /** Reports are of the live audit only, so exporting is off while viewing the past. */
  setDisabled(disabled: boolean): void {
    for (const b of this.buttons) b.disabled = disabled;
    this.root.title = disabled ? 'Reports are of the live audit: go back to live to export.' : '';
  }

  private async download(format: ReportFormat): Promise<void> {
    this.status.textContent = `Preparing ${NAMES[format]}…`;
    this.status.dataset.state = 'busy';
    try {
      const { blob, filename } = await this.api.report(format, this.lens());
      const url = URL.createObjectURL(blob);
      const a = el('a', { attrs: { href: url, download: filename, hidden: '' } });
      document.body.append(a);
      a.click();
      a.remove();
      // Revoke once the browser has started the download.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.status.textContent = `Downloaded ${filename}`;
      this.status.dataset.state = 'ok';
    } catch (err) {
      this.status.textContent = `${NAMES[format]} export failed (${err instanceof Error ? err.message : 'error'})`;
      this.status.dataset.state = 'error';
    }
  }
}
