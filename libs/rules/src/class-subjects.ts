/** The system ids a class run's subjects name, and where a representative stands in one (split out of class-run.ts). */

/** The system ids a subject names: `system:<id>`, each step of `path:<a>><b>…`; none for others (the draft then names no install). */
export function subjectIds(subject: string): string[] {
  if (subject.startsWith('system:')) return [subject.slice('system:'.length)];
  if (subject.startsWith('path:')) return subject.slice('path:'.length).split('>');
  // A flow subject may name an install too: read as a system subject (a body that is no install id names none).
  if (subject.startsWith('flow:')) return subject.slice('flow:'.length).split('#')[0]!.split('->');
  return [];
}

/**
 * Where the representative stands in a subject: `system:<rep>` (before undefined), or once in a path or a flow.
 * The other steps are the same for every member: a path's steps from the practice are its inbound peers' (in
 * its class key: a shortest path's last step before it is the first of them met), the steps after it, and a
 * flow's other end, its peers. Undefined for any other subject (the rule then runs per install).
 */
export function subjectAround(subject: string, rep: string): { before: string | undefined; after: string } | undefined {
  if (subject === `system:${rep}`) return { before: undefined, after: '' };
  let kind: string;
  let sep: string;
  let body: string;
  let suffix = '';
  if (subject.startsWith('path:')) [kind, sep, body] = ['path:', '>', subject.slice('path:'.length)];
  else if (subject.startsWith('flow:')) {
    // `flow:<from>-><to>` and a `#<n>` of a second flow between the two: the same n on each member (its flows
    // out and in, by shape and in order, are in its class key).
    [kind, sep, body] = ['flow:', '->', subject.slice('flow:'.length)];
    const hash = body.indexOf('#');
    if (hash >= 0) [body, suffix] = [body.slice(0, hash), body.slice(hash)];
  } else return undefined;
  const steps = body.split(sep);
  const k = steps.indexOf(rep);
  if (k < 0 || steps.lastIndexOf(rep) !== k) return undefined;
  return { before: `${kind}${steps.slice(0, k).map((x) => `${x}${sep}`).join('')}`, after: `${steps.slice(k + 1).map((x) => `${sep}${x}`).join('')}${suffix}` };
}
