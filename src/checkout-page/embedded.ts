/**
 * What only a framed checkout runs: the bridge to the framing page, the
 * dismissal (Escape, a click outside the overlay's card) and the first focus. One chunk,
 * fetched before a framed page's first render; a full page never loads it.
 */
export { DismissalController } from './dismissal-controller.ts';
export { createEmbedBridge } from './embed-bridge.ts';
export { focusFirstControl } from './views/first-control.ts';
