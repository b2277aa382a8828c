/**
 * What the flow map looks like wherever it is drawn — the dashboard's Cytoscape view and the report's static
 * picture: the exposure bands' colours and how fleet installs gather into one node. Defined once, so a report
 * and the dashboard of the same audit show the same boxes in the same colours.
 */

/** Exposure bands a node score (0–100) falls into, least to most exposed. */
export const EXPOSURE_BANDS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type ExposureBand = (typeof EXPOSURE_BANDS)[number];

/** Stroke (the band's colour: borders, lines, the dashboard's node fill) and a pale fill for printed boxes. */
export const EXPOSURE_PALETTE: Readonly<Record<ExposureBand, { stroke: string; fill: string }>> = {
  none: { stroke: '#94a3b8', fill: '#eef2f6' },
  low: { stroke: '#16a34a', fill: '#dcfce7' },
  medium: { stroke: '#d97706', fill: '#fef3c7' },
  high: { stroke: '#ea580c', fill: '#ffedd5' },
  critical: { stroke: '#dc2626', fill: '#fee2e2' },
};

/** A fleet group on the map: the installs of one vendor at one site. */
export interface FleetGroupId {
  /** The aggregate node's id. */
  key: string;
  vendor: string;
  site: string | null;
}

/**
 * The group a fleet install is drawn in: one per vendor and site (an install without a vendor name goes by
 * its own label). A fleet export projects one system per install — thousands of boxes otherwise.
 */
export function fleetGroupOf(group: { vendor?: string; site?: string }, label: string): FleetGroupId {
  const vendor = group.vendor ?? label;
  const site = group.site ?? null;
  return { key: `fleet:${encodeURIComponent(vendor)}@${encodeURIComponent(site ?? '')}`, vendor, site };
}

/** The group's caption, e.g. "ScribeWell AI · Oakland (12 installs)". */
export function fleetGroupLabel(g: Pick<FleetGroupId, 'vendor' | 'site'>, installs: number): string {
  return `${g.vendor}${g.site ? ` · ${g.site}` : ''} (${installs.toLocaleString('en-US')} install${installs === 1 ? '' : 's'})`;
}
