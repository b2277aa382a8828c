/**
 * The map's "download as PNG / SVG" buttons (`[data-image]` in index.html): the file is the map as drawn, named
 * after the moment shown when it is a past one. Apart from dashboard.ts because it is page chrome around the
 * map, with no part in loading or selecting.
 */
import { el, notice } from './dom.js';
import type { GraphView } from './graph-view.js';

/** `asOf`: the past moment shown, if any (read at each click). */
export function wireImageDownloads(graph: GraphView, asOf: () => string | undefined): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-image]')) {
    const format = b.dataset.image as 'png' | 'svg';
    b.addEventListener('click', () => void download(graph, format, asOf()).catch((err) => notice(`Could not save the map: ${err instanceof Error ? err.message : String(err)}`)));
  }
}

/** The SVG exporter is loaded on its first use (graph-view.ts), so the file may take a moment. */
async function download(graph: GraphView, format: 'png' | 'svg', at: string | undefined): Promise<void> {
  const url = URL.createObjectURL(await graph.image(format));
  const a = el('a', { attrs: { href: url, download: `custody-map${at ? `-as-of-${at.slice(0, 10)}` : ''}.${format}`, hidden: '' } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
