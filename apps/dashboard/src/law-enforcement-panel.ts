/**
 * The Law enforcement tab: "if an agent shows up with an administrative warrant, who in my stack could hand my
 * records over without me?" Every holder of client records with its disclosure posture, the clause and document that
 * state it (or that no document says), who decides on release and its weak-posture findings; a row shows the holder
 * and every path into it on the map, and a toggle colours the map by posture. The rows are the server's
 * (GET /law-enforcement: the reports' own rows), read when the tab or the toggle first needs them and again for each
 * new view or score; this file only formats them (every string through dom.ts).
 */
import type { LawEnforcementHolder, LawEnforcementView } from '@custody/reports/law-enforcement';
import { RELEASE_TEXT, routeLabel } from '@custody/reports/law-enforcement';
import { categoryLabel, roleText } from '@custody/reports/plain-language';
import { count, el, replace } from './dom.js';
import { pill } from './findings-panel.js';
import { colourOf, POSTURE_COLOURS, POSTURE_PALETTE, type PostureColour } from './law-enforcement-map.js';

/** The legend's words for each colour, shortest first-read form (the rows say the rest). */
export const POSTURE_LEGEND: Record<PostureColour, string> = {
  any_legal_request: 'Any legal request', no_contract: 'No contract on file', unspecified: 'Contract is silent',
  legal_process_with_notice: 'Legal process, you are told first', judicial_process_only: 'Judge\'s order only', practice: 'Your practice',
};

export interface LawEnforcementHandlers {
  /** The view shown now (read again for each new view or score). */
  read: () => Promise<LawEnforcementView>;
  /** A row was picked: show the holder and the paths into it on the map. */
  onPick: (holder: LawEnforcementHolder) => void;
  /** Colour the map by these holders' postures, or by exposure again (null); `toggled` when the user asked just now. */
  onColour: (holders: readonly LawEnforcementHolder[] | null, toggled: boolean) => void;
}


function swatch(c: PostureColour): HTMLElement {
  const s = el('span', { class: 'swatch posture-swatch', attrs: { 'aria-hidden': 'true' } });
  // CSSOM, not a style attribute: the dashboard's Content-Security-Policy allows no inline style.
  s.style.backgroundColor = POSTURE_PALETTE[c];
  return s;
}

/** The colour key for the postures these holders have, weakest first (the tab's legend and the map's). */
export function postureLegend(holders: readonly LawEnforcementHolder[]): HTMLElement {
  const present = new Set(holders.map(colourOf));
  return el('ul', { class: 'le-legend' }, ...POSTURE_COLOURS.filter((c) => present.has(c)).map((c) => el('li', {}, swatch(c), POSTURE_LEGEND[c])));
}

/**
 * A holder bound through a sender's flow-down for that sender's data only: each part of its data, who decides on
 * its release, and the clause (or that none is on file).
 */
function routes(h: LawEnforcementHolder): HTMLElement | null {
  if (!h.routes) return null;
  return el('ul', { class: 'le-routes' }, ...h.routes.map((r) => el('li', { attrs: { 'data-release': r.release } },
    el('b', {}, `${routeLabel(r)}: `), RELEASE_TEXT[r.release],
    r.quote ? el('blockquote', { class: 'quote le-quote' }, `“${r.quote.text}”`, el('cite', {}, r.quote.file ?? 'the contract')) :
      el('p', { class: 'le-none' }, r.posture === 'no_contract' ? 'No document says: no contract binds it for this data.' : 'No document says: its contract is silent on government requests.'),
    r.expired ? el('p', { class: 'le-warn' }, `This contract expired on ${r.expired}.`) : null)));
}

/** The clause and its document, or what a reader is told when no document states the posture. */
function evidence(h: LawEnforcementHolder): HTMLElement | null {
  // Bound through a flow-down for part of its data: each part says its own terms (routes).
  if (h.routes) return routes(h);
  if (h.quote) {
    const where = [h.quote.file ?? 'the contract', h.quote.line !== undefined ? `line ${h.quote.line}` : h.quote.page !== undefined ? `p. ${h.quote.page}` : ''].filter(Boolean).join(', ');
    return el('blockquote', { class: 'quote le-quote' }, `“${h.quote.text}”`, el('cite', {}, where, h.via ? ` — ${h.via.name}'s contract, binding it as a subcontractor` : ''));
  }
  // The practice's own records: its release line already says that the practice decides.
  if (h.isPractice) return null;
  if (h.headingOnlyIn) return el('p', { class: 'le-none' }, `No document says: only a clause heading in ${h.headingOnlyIn} names legal requests.`);
  return el('p', { class: 'le-none' }, h.posture === 'no_contract' ? 'No document says: no contract with it is on file.' : 'No document says: its contract is silent on government requests.');
}

function row(h: LawEnforcementHolder, onPick: (h: LawEnforcementHolder) => void): HTMLElement {
  const colour = colourOf(h);
  // Sensitive categories first, in bold; then the rest it holds.
  const others = h.held.filter((c) => !h.sensitive.includes(c)).map(categoryLabel).join(', ');
  const held = [h.sensitive.length ? el('b', {}, h.sensitive.map(categoryLabel).join(', ')) : null, h.sensitive.length && others ? ', ' : null, others];
  const pick = (li: HTMLElement) => {
    for (const other of li.parentElement?.querySelectorAll('li.active') ?? []) other.classList.remove('active');
    li.classList.add('active');
    onPick(h);
  };
  const li: HTMLElement = el('li', {
    class: `le-row release-${h.release}`,
    attrs: { 'data-holder': h.id, 'data-posture': colour, 'data-release': h.release, tabindex: '0', role: 'button', 'aria-label': `${h.name}: ${h.postureText}` },
    on: { click: () => pick(li), keydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(li); } } },
  },
  el('div', { class: 'le-head' }, swatch(colour), el('b', { class: 'le-name' }, h.name), el('span', { class: 'chip role' }, roleText(h))),
  el('div', { class: 'le-posture' }, h.postureText),
  el('div', { class: 'le-release' }, el('span', { class: 'le-label' }, 'Release: '), h.isPractice ? h.controlsText : RELEASE_TEXT[h.release]),
  el('div', { class: 'le-held' }, el('span', { class: 'le-label' }, 'Holds: '), ...held),
  evidence(h),
  h.expired ? el('p', { class: 'le-warn' }, `This contract expired on ${h.expired}: its terms may no longer bind ${h.name}.`) : null,
  h.findings.length ? el('ul', { class: 'le-findings' }, ...h.findings.map((f) => el('li', {}, pill(f.severity), ' ', f.title))) : null);
  li.style.borderLeftColor = POSTURE_PALETTE[colour];
  return li;
}

export class LawEnforcementPanel {
  private view: LawEnforcementView | null = null;
  private pending: Promise<LawEnforcementView> | null = null;
  /** Moves with every new view or score: an answer for an older one is dropped. */
  private generation = 0;
  private colouring = false;

  constructor(private readonly root: HTMLElement, private readonly handlers: LawEnforcementHandlers) {}

  /** A new view or score: read again when next needed (now, if the tab is open or the map is coloured by posture). */
  forget(): void {
    this.generation++;
    this.view = null;
    this.pending = null;
    if (!this.root.hidden || this.colouring) void this.load();
  }

  /** Its tab was shown. */
  shown(): void {
    if (this.view) this.render(this.view);
    else void this.load();
  }

  /** `toggledBefore`: the colour toggle asked for this read (the map is then recoloured as a fresh request). */
  private async load(toggledBefore = false): Promise<LawEnforcementView | null> {
    const mine = this.generation;
    // A new score's rows replace the old ones when they arrive (no flash of "Reading…" over rows being read).
    if (!this.root.hidden && !this.pending && !this.root.querySelector('.le-rows')) replace(this.root, el('p', { class: 'muted', attrs: { 'aria-busy': 'true' } }, 'Reading who holds your clients\' records…'));
    const pending = this.pending ?? (this.pending = this.handlers.read());
    try {
      const view = await pending;
      if (mine !== this.generation) return null;
      this.view = view;
      if (!this.root.hidden) this.render(view);
      if (this.colouring) this.handlers.onColour(view.holders, toggledBefore);
      return view;
    } catch (err) {
      if (mine === this.generation) {
        this.pending = null;
        replace(this.root, el('p', { class: 'muted' }, `Could not read the law-enforcement view: ${err instanceof Error ? err.message : String(err)}`));
      }
      return null;
    }
  }

  private setColouring(on: boolean): void {
    this.colouring = on;
    // The whole map in its postures' colours: a row picked before no longer dims the rest.
    for (const li of this.root.querySelectorAll('li.le-row.active')) li.classList.remove('active');
    if (!on) this.handlers.onColour(null, true);
    else if (this.view) this.handlers.onColour(this.view.holders, true);
    else void this.load(true);
  }

  private render(view: LawEnforcementView): void {
    const holders = view.holders;
    // Rows read again for a new score keep the row picked and where the list was scrolled to.
    const active = this.root.querySelector('li.le-row.active')?.getAttribute('data-holder');
    const scrolled = this.root.scrollTop;
    const without = holders.filter((h) => h.release === 'holder').length;
    const unknown = holders.filter((h) => h.release === 'unknown').length;
    const toggle = el('input', { attrs: { type: 'checkbox', id: 'le-colour', 'data-action': 'colour-by-posture' }, on: {
      change: (ev) => this.setColouring((ev.target as HTMLInputElement).checked),
    } });
    toggle.checked = this.colouring;
    replace(this.root,
      el('p', { class: 'le-lead' }, el('b', {}, view.lead), ' ', view.intro),
      el('p', { class: 'le-tally', attrs: { id: 'le-summary' } }, `Of ${count(holders.length)} holders of client records, `,
        el('b', { class: without ? 'le-bad' : '' }, `${count(without)} could hand them over without you`), ' on any legal request; for ',
        el('b', {}, `${count(unknown)}`), ' no contract in force says.'),
      el('label', { class: 'le-toggle' }, toggle, ' Colour the map by posture'),
      postureLegend(holders),
      el('ol', { class: 'le-rows' }, ...holders.map((h) => row(h, this.handlers.onPick))));
    if (active) this.root.querySelector(`li.le-row[data-holder="${CSS.escape(active)}"]`)?.classList.add('active');
    this.root.scrollTop = scrolled;
  }
}
