/**
 * The systems a grouped finding is charged to, in the order first met, without repeats (issue 11). A fleet
 * group is charged to each of its ~10,000 installs, and every rule's groups were each a Set of them: adding an
 * install cost a hash insert into a table that kept growing, the largest single cost of folding a class run's
 * members. A group that grows large marks its systems by their place among the grouping's systems instead
 * (one byte per place), and only ids with no place (none in a graph's own findings) stay in a Set.
 */

/** The places of a grouping's systems by id, worked out when a group first grows large (never for a manifest). */
export class SystemPlaces {
  private index: Map<string, number> | undefined;

  constructor(private readonly systems: readonly { id: string }[]) {}

  get size(): number {
    return this.systems.length;
  }

  /** The system's place (the last system with that id), or undefined for an id of no system. */
  of(id: string): number | undefined {
    this.index ??= new Map(this.systems.map((s, i) => [s.id, i]));
    return this.index.get(id);
  }
}

/** A group's systems: `list` in the order first added; membership in `seen` while small, then by place. */
export interface FoldSystems {
  list: string[];
  seen: Set<string>;
  marks: Uint8Array | undefined;
  places: SystemPlaces;
  /**
   * The id last looked up by place, and its place: a group's members name the same system beside their own
   * install (the vendor or sub-processor a fleet's every install sends to), looked up once rather than hashed
   * again per member (~90,000 times per run at fleet 10k).
   */
  lastId: string | undefined;
  lastAt: number | undefined;
}

export const foldSystems = (places: SystemPlaces): FoldSystems => ({ list: [], seen: new Set(), marks: undefined, places, lastId: undefined, lastAt: undefined });

/** Groups past this many systems (and a sixteenth of the grouping's) mark them by place: at most 16 bytes a system. */
const SMALL = 64;

/** Adds `id` unless held already; `place`, when the caller knows it, is `places.of(id)`. */
export function addSystem(g: FoldSystems, id: string, place?: number): void {
  const marks = g.marks;
  if (marks !== undefined) {
    let at = place;
    if (at === undefined) {
      if (id !== g.lastId) {
        g.lastAt = g.places.of(id);
        g.lastId = id;
      }
      at = g.lastAt;
    }
    if (at !== undefined) {
      if (marks[at] === 1) return;
      marks[at] = 1;
      g.list.push(id);
      return;
    }
  }
  if (g.seen.has(id)) return;
  g.seen.add(id);
  g.list.push(id);
  if (marks === undefined && g.list.length > SMALL && g.list.length > g.places.size >> 4) toPlaces(g);
}

/** Moves every id with a place from the Set to the marks; the rest stay in the Set. */
function toPlaces(g: FoldSystems): void {
  const marks = new Uint8Array(g.places.size);
  const rest = new Set<string>();
  for (const id of g.seen) {
    const at = g.places.of(id);
    if (at === undefined) rest.add(id);
    else marks[at] = 1;
  }
  g.marks = marks;
  g.seen = rest;
}
