/**
 * The only way the dashboard builds DOM: strings always become text nodes (textContent), never markup, so
 * a vendor named `<script>` in a contract renders as those characters.
 */
export type Child = Node | string | number | null | undefined | false;

export interface ElOptions {
  class?: string;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (ev: HTMLElementEventMap[K]) => void }>;
}

/** Create an element with classes, attributes, listeners and text/element children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, opts: ElOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (opts.class) node.className = opts.class;
  for (const [k, v] of Object.entries(opts.attrs ?? {})) node.setAttribute(k, v);
  for (const [type, fn] of Object.entries(opts.on ?? {})) node.addEventListener(type, fn as EventListener);
  append(node, ...children);
  return node;
}

/** Append children, turning strings and numbers into text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replace all children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Look up an element the page must have; fail loudly if the HTML and code disagree. */
export function must<T extends HTMLElement>(selector: string, root: ParentNode = document): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`dashboard: missing element ${selector}`);
  return found;
}

/**
 * A count as the page writes it (`12,345`). One formatter for the page: `n.toLocaleString('en-US')` builds an
 * ICU number formatter on every call, which the dashboard bench's trace showed as tens of milliseconds of the
 * first view (the Fleet tab's and the findings list's counts).
 */
let counts: Intl.NumberFormat | undefined;
export const count = (n: number): string => (counts ??= new Intl.NumberFormat('en-US')).format(n);

/** `session_transcript` → `session transcript`. */
export const words = (s: string) => s.replace(/_/g, ' ');

/** First letter upper-case (`insurance IDs` → `Insurance IDs`), leaving the rest as written. */
export const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** The banner above the map (credentials refused, the API down); empty text hides it. */
export function notice(text: string): void {
  const box = must('#notice');
  box.textContent = text;
  box.hidden = text === '';
}
