/**
 * Where the law-enforcement view's holders are on the map, and the colour each node takes when the map is coloured
 * by posture. Plain reads of the drawn nodes (ids, and the vendor a fleet group or install is drawn under): the
 * rows come from the server (GET /law-enforcement, the reports' own rows), nothing here judges a posture.
 */
import type { LawEnforcementHolder } from '@custody/reports/law-enforcement';
import { POSTURE_ORDER, type Posture } from '@custody/reports/plain-language';

/** A node as the map draws it: its id and, for a fleet group or install, the vendor it is grouped under. */
export interface MapNodeRef {
  id: string;
  group?: { vendor?: string };
}

/** What a node is coloured by: its holder's posture, `practice` for the practice's own records. */
export type PostureColour = Posture | 'practice';

/** Colour classes, weakest posture first (the legend's order). */
export const POSTURE_COLOURS: readonly PostureColour[] = [...POSTURE_ORDER, 'practice'];

/**
 * A node's fill under the posture view, red (anyone may ask) to green (a judge must order it); the practice keeps its
 * own navy. The panel's legend draws the same colours.
 */
export const POSTURE_PALETTE: Record<PostureColour, string> = {
  any_legal_request: '#dc2626', no_contract: '#f97316', unspecified: '#facc15', legal_process_with_notice: '#84cc16', judicial_process_only: '#16a34a', practice: '#1e3a8a',
};

/** The map's nodes that stand for a holder: its systems drawn as themselves, and a fleet row's groups and installs. */
export function holderNodeIds(holder: Pick<LawEnforcementHolder, 'systems' | 'fleet'>, nodes: readonly MapNodeRef[]): string[] {
  const own = new Set(holder.systems);
  const vendor = holder.fleet?.vendor;
  return nodes.filter((n) => own.has(n.id) || (vendor !== undefined && n.group?.vendor === vendor)).map((n) => n.id);
}

/** A holder's colour: the practice's own, its posture, or no contract when the contract stating it has expired (it binds nobody). */
export function colourOf(h: Pick<LawEnforcementHolder, 'isPractice' | 'posture' | 'expired'>): PostureColour {
  return h.isPractice ? 'practice' : h.expired ? 'no_contract' : h.posture;
}

/**
 * Each drawn node's colour under the posture view: the posture of the holder it stands for (the weaker one should two
 * rows meet in one node); nodes that hold no client information are absent (drawn plain).
 */
export function postureByNode(holders: readonly LawEnforcementHolder[], nodes: readonly MapNodeRef[]): Map<string, PostureColour> {
  const out = new Map<string, PostureColour>();
  const rank = (p: PostureColour) => POSTURE_COLOURS.indexOf(p);
  for (const h of holders) {
    const colour = colourOf(h);
    for (const id of holderNodeIds(h, nodes)) {
      const seen = out.get(id);
      if (seen === undefined || rank(colour) < rank(seen)) out.set(id, colour);
    }
  }
  return out;
}
