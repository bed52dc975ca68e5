/**
 * TEST ONLY. `CHECKOUT_LINK_CRASH_AT=<point>` makes the process kill itself
 * (SIGKILL: no cleanup, no flush) when a confirm (or a webhook attempt, a
 * mail send, or the sweep between its delete and its stats fold) reaches
 * that point, so the crash-recovery tests can stop a server between
 * commits. Never set it in production.
 */
export type CrashPoint = 'after-claim' | 'after-charge' | 'before-webhook-send' | 'before-mail-send' | 'mid-sweep';

const armed = typeof process === 'undefined' ? undefined : process.env.CHECKOUT_LINK_CRASH_AT;

export function crashPoint(point: CrashPoint): void {
  if (armed === point) process.kill(process.pid, 'SIGKILL');
}
