/** The questions `custody init` asks on a terminal, over any line source (so they can be tested). */
import { LENSES, SYSTEM_ROLES, type Lens } from '@custody/domain';
import { parseSystemSpec, type InitAnswers } from './manifest-template.js';

export type Ask = (question: string) => Promise<string>;

/** Asks for whatever the flags left out; a blank answer keeps the default shown in brackets. */
export async function askInitAnswers(ask: Ask, given: Partial<InitAnswers>, say: (line: string) => void = () => {}): Promise<InitAnswers> {
  let name = given.name ?? '';
  while (!name.trim()) name = await ask('Practice name: ');
  let jurisdiction = given.jurisdiction;
  while (jurisdiction === undefined) {
    const j = (await ask('Jurisdiction, e.g. US-CA [none]: ')).trim().toUpperCase();
    if (!j || /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(j)) jurisdiction = j;
    else say(`  "${j}" should look like US or US-CA`);
  }
  let lenses = given.lenses;
  while (!lenses) {
    const l = (await ask(`Lenses (${LENSES.join(', ')}) [default]: `)).split(/[\s,]+/).filter(Boolean);
    const bad = l.filter((x) => !LENSES.includes(x as Lens));
    if (bad.length) say(`  not a lens: ${bad.join(', ')}`);
    else lenses = (l.length ? l : ['default']) as Lens[];
  }
  const systems = [...(given.systems ?? [])];
  if (!given.systems?.length) {
    say(`Systems that hold client records, one per line as NAME=ROLE (roles: ${SYSTEM_ROLES.join(', ')}); blank line to finish.`);
    for (;;) {
      const s = (await ask('  system: ')).trim();
      if (!s) break;
      try {
        systems.push(parseSystemSpec(s));
      } catch (err) {
        say(`  ${(err as Error).message.replace(/^--system /, '')}`);
      }
    }
  }
  return { name: name.trim(), ...(jurisdiction ? { jurisdiction } : {}), lenses, systems };
}
