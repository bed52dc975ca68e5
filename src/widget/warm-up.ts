import { loadFrame } from './frame-loader.ts';

const warmed = new Set<string>();

/**
 * Intent-based warm-up (hover, focus, touch start), once per backend origin,
 * so the click path is short. It creates no session: nobody asked for one.
 * It loads the frame runtime (a file of its own for the snippet, whose
 * request opens the connection to the backend that serves it; a failure
 * here is retried on the click), which then adds the hints (`warmHints`, in the runtime: bytes off the snippet).
 */
export function warmUp(linkUrl: string): void {
  try {
    const origin = new URL(linkUrl, document.baseURI).origin;
    if (!warmed.has(origin)) {
      warmed.add(origin);
      loadFrame().then(
        (runtime) => runtime.warmHints(origin),
        () => {},
      );
    }
  } catch {
    // A bad link URL fails on click, with the error event.
  }
}
