import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_TYPES } from '@custody/domain';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dashboard' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

// Every change is a command: controllers translate HTTP into commands and queries, and nothing else.
describe('the write path', () => {
  it('no controller writes events or enqueues jobs', () => {
    const controllers = sources(here);
    expect(controllers.length).toBeGreaterThanOrEqual(5);
    const offences = controllers.flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line, i) =>
        /\bevents\.(record|append)\(|\.add\(|\bFollowUps\b|\.queue\(|\bsaveGraph\b|\bsaveScoring\b/.test(line) ? [`${relative(root, file)}:${i + 1}: ${line.trim()}`] : []),
    );
    expect(offences).toEqual([]);
  });

  it('every event type written or read anywhere comes from the catalogue', () => {
    const files = [...sources(join(root, 'libs')), ...sources(join(root, 'apps'))];
    const used = new Map<string, string>();
    for (const file of files) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        // Event types appear where events are appended, recorded, built as rows (type: …), queried by type or compared in SQL.
        if (!/\b(append|record|ofType|after)\(|\btype\s*(=|<>|IN|:)|e\.type\b/.test(line)) return;
        for (const m of line.matchAll(/'([A-Z][a-z]+(?:[A-Z][a-z]+)+)'/g)) used.set(m[1]!, `${relative(root, file)}:${i + 1}`);
      });
    }
    // The scan found the event store's own appends (an empty scan would pass vacuously).
    expect([...used.keys()]).toEqual(expect.arrayContaining(['DocumentReceived', 'FactsExtracted', 'GraphChanged', 'FindingTriaged']));
    const unknown = [...used.entries()].filter(([type]) => !(EVENT_TYPES as string[]).includes(type)).map(([type, where]) => `${type} at ${where}`);
    expect(unknown).toEqual([]);
  });
});
