/**
 * A count with its noun in user-facing text: "1 finding", "2 findings", never "finding(s)". The CLI, logs and reports
 * write counts the way a reader says them; the plural is given where adding "s" is wrong ("1 entry", "2 entries").
 */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
