/** `s` as a literal inside a RegExp source: names and defined terms read from a document become patterns. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
