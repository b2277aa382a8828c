import { cutFileName, templateNameParts } from '@custody/domain';

/** Longest line drawn under a node on the map; longer names are shortened (the full name is in details). */
export const LABEL_MAX = 30;

/**
 * A node's name as drawn: whole when it fits, else cut to {@link LABEL_MAX} with an ellipsis. A trailing count such as
 * "(12 installs)" is kept whole on its own line, as it is what tells a group from a system; a longer parenthesis is part
 * of the name and is cut with it (on its own line it would wrap at the label's width, a line per few words).
 */
export function shortLabel(label: string, max = LABEL_MAX): string {
  if (label.length <= max) return label;
  const suffix = /\s*\([^()]*\)$/.exec(label)?.[0].trim() ?? '';
  if (!suffix || suffix.length >= max) return cut(label, max);
  const head = label.slice(0, label.length - suffix.length).trimEnd();
  return `${head.length <= max ? head : cut(head, max)}\n${suffix}`;
}

const cut = (text: string, max: number) => `${text.slice(0, max - 1).trimEnd()}…`;

/**
 * Longest line of a template's label: its node's label box is wider ({@link TEMPLATE_LABEL_WIDTH}), so "blank in" and
 * a file name sit on one line under the name, not broken a word per line.
 */
export const TEMPLATE_LINE_MAX = 26;
/** The width of a template node's label box (styles.ts), what {@link TEMPLATE_LINE_MAX} characters take at the node font. */
export const TEMPLATE_LABEL_WIDTH = '200px';

/**
 * A template's name as drawn ({@link GraphSystem.template}: "Business Associate (name left blank in baa-template.md)",
 * the domain's templateName): the party on one line, its file on the next ("blank in
 * baa-template.md", a long file name shortened in its middle so its extension still shows), two short lines under the
 * dashed ring the legend names as a template. Any other name is {@link shortLabel}'s.
 */
export function nodeLabel(data: { label: string; template?: boolean }): string {
  const blank = data.template ? templateNameParts(data.label) : undefined;
  if (!blank) return shortLabel(data.label);
  const { party, file } = blank;
  const shown = cutFileName(file, TEMPLATE_LINE_MAX - 'blank in '.length, 8);
  return `${party.length <= TEMPLATE_LINE_MAX ? party : cut(party, TEMPLATE_LINE_MAX)}\nblank in ${shown}`;
}
