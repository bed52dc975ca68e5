import { loadFrame, retry } from './frame-loader.ts';

/**
 * Intent-based warm-up (hover, focus, touch start), so the click path is
 * short. It creates no session: nobody asked for one. It loads the frame
 * runtime (a file of its own for the snippet, whose request opens the
 * connection to the backend that serves it; a failure here is retried on
 * the click), which adds the hints once per backend (`warmHints`, in the
 * runtime: bytes off the snippet, and an import of a loaded module costs
 * nothing on the next hover).
 */
export function warmUp(linkUrl: string): void {
  loadFrame(retry).then(
    (runtime) => runtime.warmHints(linkUrl),
    () => {},
  );
}
