/** What {@link within} gives back when the work did not answer in time. */
export const LATE = Symbol('late');

/**
 * `work`'s answer, or LATE after `ms`: for reads that would rather serve what they served last than wait behind
 * a busy dependency (the health probe's figures, the stored grouped view). A failure that comes in time is
 * thrown; a late one is the caller's to handle (the work goes on after the wait ends).
 */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
