/**
 * The Law enforcement list (beside Findings) wired to the map and the inspector: its rows are read for the view shown
 * (lens, moment), a row highlights its holder with every path into it and opens the holder's details (its contracts
 * with their quotes, its findings), and the toggle colours the map by posture with a key over the map. Apart from
 * dashboard.ts to keep that file wiring the whole page, not one list's particulars.
 */
import type { View, ApiClient } from './api.js';
import { must, replace } from './dom.js';
import type { GraphView } from './graph-view.js';
import { LawEnforcementPanel, postureLegend } from './law-enforcement-panel.js';
import { holderNodeIds, postureByNode } from './law-enforcement-map.js';
import { Tabs, type ListName } from './tabs.js';

export interface LawEnforcementParts {
  api: ApiClient;
  /** The dashboard's view, read at each call. */
  view: View;
  graph: GraphView;
  /** Show a system drawn on the map in the inspector's Details tab (as a click on it would, without selecting it). */
  showDetails: (id: string) => void;
}

export function lawEnforcementTab(parts: LawEnforcementParts): LawEnforcementPanel {
  const { api, view, graph, showDetails } = parts;
  const key = must('#posture-key');
  const lists = new Tabs<ListName>(must('#lists'), 'findings-pane');
  const nodes = () => graph.cy.nodes().map((n) => ({ id: n.id(), group: n.data('group') as { vendor?: string } | undefined }));
  const panel = new LawEnforcementPanel(must('#law'), {
    read: () => api.lawEnforcement({ ...view }),
    onPick: (holder) => {
      const drawn = graph.highlightHolder(holderNodeIds(holder, nodes()));
      // Its own node (a fleet row: the vendor's service) before the groups its installs are drawn in.
      const first = holder.systems.find((id) => drawn.includes(id)) ?? drawn[0];
      if (first) showDetails(first);
    },
    onColour: (holders, toggled) => {
      // Toggled: the whole map in its postures' colours (a holder picked before no longer dims the rest).
      if (toggled) { graph.clearHighlight(); graph.fit(); }
      graph.colourByPosture(holders ? (drawn) => postureByNode(holders, drawn) : null);
      key.hidden = holders === null;
      if (holders) replace(key, postureLegend(holders));
    },
  });
  lists.onShow((name) => { if (name === 'law') panel.shown(); });
  return panel;
}
