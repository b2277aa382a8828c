/**
 * The fonts the map's labels are drawn in (styles.ts builds the stylesheet from these), and a warm-up that
 * main.ts runs while the map's read and the drawing code are on their way.
 *
 * Why warm up: the first text a page measures or draws in a font makes the browser resolve the font family
 * (none of these names but sans-serif exist on many machines: a fallback search) and build its glyph caches.
 * In headless Chromium on the (loaded) bench machine, a fresh browser spent 50-190 ms (wall) per font on its first
 * measureText and ~0.1 ms after. Cytoscape measures every label for the map's bounding box before its first
 * frame, so that cost sat on the first view's critical path (the map's fit() in the dashboard trace); done
 * here it overlaps the network wait instead. The warm-up draws nothing: what the map shows is unchanged.
 */

/** Node labels (systems, groups, the practice). */
export const NODE_LABEL_FAMILY = 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
export const NODE_LABEL_WEIGHT = 600;
/** Cytoscape's own default family, named so the edge labels' font is stated in one place. */
export const EDGE_LABEL_FAMILY = 'Helvetica Neue, Helvetica, sans-serif';

export const LABEL_SIZES = { node: 13, practice: 14, group: 12, edge: 10 } as const;

/** The canvas font strings Cytoscape builds for these labels (`style weight size family`). */
export function labelFonts(): string[] {
  const node = (size: number) => `normal ${NODE_LABEL_WEIGHT} ${size}px ${NODE_LABEL_FAMILY}`;
  return [node(LABEL_SIZES.node), node(LABEL_SIZES.practice), node(LABEL_SIZES.group), `normal normal ${LABEL_SIZES.edge}px ${EDGE_LABEL_FAMILY}`];
}

/** Resolve each label font once (measure a string in it) on a canvas nobody sees. */
export function warmLabelFonts(): void {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return;
  for (const font of labelFonts()) {
    ctx.font = font;
    ctx.measureText('Custody 0123456789 · →…');
  }
}
