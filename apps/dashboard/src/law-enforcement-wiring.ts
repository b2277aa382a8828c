/**
 * The Law enforcement tab wired to the map: its rows are read for the view shown (lens, moment), a row highlights
 * its holder with every path into it, and the toggle colours the map by posture with a key over the map. Apart from
 * dashboard.ts to keep that file wiring the whole page, not one tab's particulars.
 */
import type { View, ApiClient } from './api.js';
import type { DetailsPanel } from './details-panel.js';
import { must, replace } from './dom.js';
import type { GraphView } from './graph-view.js';
import { LawEnforcementPanel, postureLegend } from './law-enforcement-panel.js';
import { holderNodeIds, postureByNode } from './law-enforcement-map.js';
import type { Tabs } from './tabs.js';
import type { WhatIfPanel } from './what-if.js';

export interface LawEnforcementParts {
  api: ApiClient;
  /** The dashboard's view, read at each call. */
  view: View;
  graph: GraphView;
  tabs: Tabs;
  details: DetailsPanel;
  whatIf: WhatIfPanel;
}

export function lawEnforcementTab(parts: LawEnforcementParts): LawEnforcementPanel {
  const { api, view, graph, tabs, details, whatIf } = parts;
  const key = must('#posture-key');
  const nodes = () => graph.cy.nodes().map((n) => ({ id: n.id(), group: n.data('group') as { vendor?: string } | undefined }));
  const panel = new LawEnforcementPanel(must('#law'), {
    read: () => api.lawEnforcement({ ...view }),
    onPick: (holder) => {
      // The details panel and what-if no longer speak of a selected system: the map now shows a holder.
      details.clear();
      whatIf.setTarget(null);
      graph.highlightHolder(holderNodeIds(holder, nodes()));
    },
    onColour: (holders) => {
      graph.colourByPosture(holders ? (drawn) => postureByNode(holders, drawn) : null);
      key.hidden = holders === null;
      if (holders) replace(key, postureLegend(holders));
    },
  });
  tabs.onShow((name) => { if (name === 'law') panel.shown(); });
  return panel;
}
