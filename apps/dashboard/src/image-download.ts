/**
 * The map's "download as PNG / SVG" buttons (`[data-image]` in index.html): the file is the map as drawn, named
 * after the moment shown when it is a past one. Apart from dashboard.ts because it is page chrome around the
 * map, with no part in loading or selecting.
 */
import { el } from './dom.js';
import type { GraphView } from './graph-view.js';

/** `asOf`: the past moment shown, if any (read at each click). */
export function wireImageDownloads(graph: GraphView, asOf: () => string | undefined): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-image]')) {
    b.addEventListener('click', () => {
      const format = b.dataset.image as 'png' | 'svg';
      const url = URL.createObjectURL(graph.image(format));
      const at = asOf();
      const a = el('a', { attrs: { href: url, download: `custody-map${at ? `-as-of-${at.slice(0, 10)}` : ''}.${format}`, hidden: '' } });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }
}
