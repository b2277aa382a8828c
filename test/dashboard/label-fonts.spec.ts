/**
 * main.ts warms the map's label fonts while the map is read (label-fonts.ts). The warm-up only helps if its
 * fonts are the ones Cytoscape builds from the stylesheet: every font a label can be drawn in must be warmed.
 */
import { labelFonts } from '../../apps/dashboard/src/label-fonts.js';
import { graphStylesheet } from '../../apps/dashboard/src/styles.js';

type Style = Record<string, unknown>;

/** The font Cytoscape sets on its measuring canvas (`style weight size family`), from the stylesheet's rules for a selector's elements. */
function fontOf(rules: { selector: string; style: Style }[], group: 'node' | 'edge', classes: string[]): string {
  const applies = (sel: string) => sel.split(',').map((x) => x.trim()).some((x) => x === group || classes.some((c) => x === `${group}.${c}`));
  const style: Style = { 'font-style': 'normal', 'font-weight': 'normal', 'font-family': 'Helvetica Neue, Helvetica, sans-serif', 'font-size': 16 };
  for (const r of rules) if (applies(r.selector)) Object.assign(style, Object.fromEntries(Object.entries(r.style).filter(([k]) => k.startsWith('font-'))));
  return `${style['font-style']} ${style['font-weight']} ${style['font-size']}px ${style['font-family']}`;
}

describe('label fonts', () => {
  const rules = graphStylesheet() as { selector: string; style: Style }[];

  it('warms every font the stylesheet draws a label in: systems, the practice, fleet groups, flows', () => {
    const drawn = new Set([
      fontOf(rules, 'node', []),
      fontOf(rules, 'node', ['role-practice']),
      fontOf(rules, 'node', ['fleet-group']),
      fontOf(rules, 'edge', []),
    ]);
    expect(new Set(labelFonts())).toEqual(drawn);
  });
});
