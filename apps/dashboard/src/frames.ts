/**
 * When the dashboard's heavy work runs, relative to what the browser paints: the first view is drawn before the
 * audit of a fleet is parsed, and long steps are cut into tasks so the map keeps panning. Apart from
 * dashboard.ts because these are timing primitives, not wiring: they name the moments the page waits for (and
 * the `custody:<step>` marks the dashboard bench reads back), whatever panel the work is for.
 */

/** A step of the first view on the page's timeline (`custody:<step>`), which the dashboard bench reads back. */
export const mark = (step: string): void => void performance.mark(`custody:${step}`);

/** Resolves once the browser has painted what is on screen now (the frame after the next). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves when the browser is idle (or after `ms`): heavy follow-up work waits for the user's first look. */
export function idle(ms = 500): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: ms }));
}

/** Ends the current task, so a frame (a pan, a click) can run between two pieces of heavy work. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
