/**
 * What a node drawn on the map tells the other panels: the details panel's view of it (label, role, score,
 * holdings, the path from the practice) and the what-if panel's target. Apart from dashboard.ts because both
 * are plain reads of the drawn graph, the same for a click on the map and a click on a finding.
 */
import type { GraphView } from './graph-view.js';
import type { NodeView } from './details-panel.js';
import type { WhatIfTarget } from './what-if.js';

/** The details panel's view of a node on the map (null when the map does not draw it). */
export function nodeView(graph: GraphView, id: string): NodeView | null {
  const n = graph.cy.getElementById(id);
  if (n.empty()) return null;
  const path = graph.pathFromPractice(n).nodes().map((p) => p.data('label') as string);
  return { id, label: n.data('label'), role: n.data('role'), score: n.data('score'), holds: n.data('holds'), classes: n.classes(), path };
}

/** A node on the map as the target of a what-if (itself alone). */
export function nodeTarget(graph: GraphView, id: string): WhatIfTarget | null {
  const n = graph.cy.getElementById(id);
  return n.empty() ? null : { id, label: n.data('label'), count: 1, systems: [id], isPractice: n.data('role') === 'practice' };
}
