/**
 * The one Cytoscape stylesheet. It keys only on the classes and data the server computed
 * (toCytoscapeElements): exposure-<band>, role-<role>, has-findings, outside-baa, unencrypted. The browser
 * decides nothing about risk; it maps classes to colours and shapes.
 */
import type { StylesheetJson } from 'cytoscape';
import { EXPOSURE_BANDS, EXPOSURE_PALETTE, type ExposureBand, type SystemRole } from '@custody/domain';
import { POSTURE_PALETTE } from './law-enforcement-map.js';
import { EDGE_LABEL_FAMILY, LABEL_SIZES, NODE_LABEL_FAMILY, NODE_LABEL_WEIGHT } from './label-fonts.js';
import { TEMPLATE_LABEL_WIDTH } from './map-labels.js';

/** Exposure colours: the domain's palette, which the report's picture draws with too. */
export const BAND_COLOURS = Object.fromEntries(EXPOSURE_BANDS.map((b) => [b, EXPOSURE_PALETTE[b].stroke])) as Record<ExposureBand, string>;

/** A distinct shape per role, so the picture reads without colour too ("icons by shape"). */
export const ROLE_SHAPES: Record<SystemRole, string> = {
  practice: 'round-rectangle',
  clinician: 'ellipse',
  ehr: 'barrel',
  ai_notetaker: 'hexagon',
  telehealth: 'round-triangle',
  clearinghouse: 'diamond',
  payer: 'round-pentagon',
  billing_service: 'round-diamond',
  therapy_platform: 'round-hexagon',
  cloud_storage: 'barrel',
  communications: 'round-tag',
  payment_processor: 'cut-rectangle',
  analytics_tracker: 'vee',
  llm_provider: 'octagon',
  data_broker: 'concave-hexagon',
  research: 'rhomboid',
  employer: 'rectangle',
  government: 'star',
  other: 'ellipse',
};

export const UNENCRYPTED_COLOUR = '#dc2626';
/** Calm by default: grey lines and pale nodes; colour is spent only where a finding is. */
const EDGE_COLOUR = '#cbd5e1';
const CALM_NODE = '#e2e8f0';
const PATH_COLOUR = '#2563eb';
/** Flows that carry a high or critical finding ("the worst paths"), drawn in their severity's colour. */
const RISK_EDGE: Record<'high' | 'critical', string> = { high: BAND_COLOURS.high, critical: BAND_COLOURS.critical };

export function graphStylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        // The short label (set by graph-view.ts) keeps names from running into each other; the full name is
        // in the details panel. Labels disappear when they would be too small to read.
        label: 'data(shortLabel)',
        'font-family': NODE_LABEL_FAMILY,
        'font-size': LABEL_SIZES.node,
        'min-zoomed-font-size': 7,
        'font-weight': NODE_LABEL_WEIGHT,
        color: '#0f172a',
        'text-valign': 'bottom',
        'text-margin-y': 6,
        'text-wrap': 'wrap',
        'text-max-width': '150px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        width: 46,
        height: 46,
        'background-color': CALM_NODE,
        'border-width': 1.5,
        'border-color': '#94a3b8',
        'overlay-padding': 6,
      },
    },
    ...(Object.entries(ROLE_SHAPES).map(([role, shape]) => ({ selector: `node.role-${role}`, style: { shape } })) as StylesheetJson),
    { selector: 'node.role-practice', style: { width: 84, height: 52, 'background-color': '#1e3a8a', 'font-size': LABEL_SIZES.practice } },
    // Exposure colour only on systems a finding is charged to; the rest stay calm.
    ...(Object.entries(BAND_COLOURS).map(([band, colour]) => ({ selector: `node.has-findings.exposure-${band}`, style: { 'background-color': colour, 'border-color': '#ffffff', 'border-width': 2 } })) as StylesheetJson),
    { selector: 'node.role-practice', style: { 'background-color': '#1e3a8a', 'border-color': '#ffffff' } },
    // A template (its vendor's name left blank): reviewed, not scored, so no exposure colour; a dashed outline says so.
    // Its label (map-labels.ts nodeLabel: the party, then "blank in FILE") in a box wide enough for each line whole.
    { selector: 'node.template', style: { 'background-color': '#ffffff', 'border-color': '#64748b', 'border-width': 2, 'border-style': 'dashed', 'text-max-width': TEMPLATE_LABEL_WIDTH } },
    // A fleet group (many installs in one node): bigger, with a double ring, and a label that wraps.
    { selector: 'node.fleet-group', style: { width: 62, height: 62, 'border-width': 6, 'border-style': 'double', 'border-color': '#0f172a', 'border-opacity': 0.55, 'text-wrap': 'wrap', 'text-max-width': '150px', 'font-size': LABEL_SIZES.group } },
    // Coloured by law-enforcement posture (the Law enforcement tab's toggle): every holder in its posture's colour,
    // the systems that hold no client information pale, whatever their exposure.
    ...(Object.entries(POSTURE_PALETTE).map(([p, colour]) => ({ selector: `node.posture-${p}`, style: { 'background-color': colour } })) as StylesheetJson),
    { selector: 'node.posture-none', style: { 'background-color': CALM_NODE } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'curve-style': 'bezier',
        'line-color': EDGE_COLOUR,
        'target-arrow-color': EDGE_COLOUR,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        label: 'data(label)',
        'font-family': EDGE_LABEL_FAMILY,
        'font-size': LABEL_SIZES.edge,
        // Flow labels (categories · transport) only once zoomed in enough to read them without overlap,
        // or on the highlighted path (below).
        'min-zoomed-font-size': 13,
        color: '#475569',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'text-max-width': '160px',
        'text-wrap': 'ellipsis',
      },
    },
    { selector: 'edge.fleet-flow', style: { width: 3.2 } },
    // Many flows (groups expanded into hundreds of installs): straight lines without arrows or labels, the
    // cheapest Cytoscape draws; the direction is still left to right, from the practice outwards.
    { selector: 'edge.dense', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', label: '' } },
    { selector: 'edge.outside-baa', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    ...(Object.entries(RISK_EDGE).map(([sev, colour]) => ({ selector: `edge.risk-${sev}`, style: { 'line-color': colour, 'target-arrow-color': colour, width: sev === 'critical' ? 3 : 2.4, 'z-index': 5 } })) as StylesheetJson),
    { selector: 'edge.unencrypted', style: { 'line-color': UNENCRYPTED_COLOUR, 'target-arrow-color': UNENCRYPTED_COLOUR, color: UNENCRYPTED_COLOUR, width: 2.6 } },
    // Interaction states, set by graph-view.ts.
    { selector: '.dimmed', style: { opacity: 0.15 } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'node.highlighted', style: { 'border-width': 4, 'border-color': PATH_COLOUR, 'border-opacity': 1 } },
    { selector: 'edge.highlighted, edge.on-path', style: { 'min-zoomed-font-size': 0 } },
    { selector: 'edge.highlighted', style: { width: 4, 'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, color: PATH_COLOUR } },
    { selector: 'edge.on-path', style: { width: 4, 'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, color: PATH_COLOUR, 'z-index': 10 } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': PATH_COLOUR, 'border-opacity': 1 } },
    { selector: 'node:selected', style: { 'overlay-color': PATH_COLOUR, 'overlay-opacity': 0.15 } },
  ];
}
