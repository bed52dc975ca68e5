/**
 * The widget's styles and loading markup (classes prefixed `cl-` to stay out
 * of the host's way), written into the overlay's dialog or the inline
 * container itself: a `<style>` there applies wherever it sits (the document,
 * or the shadow root of `<checkout-link>`) and leaves with it, so nothing is
 * injected or tracked per root.
 *
 * The overlay is a full-viewport transparent modal `<dialog>` holding a
 * full-viewport frame: the hosted page, told it is an overlay, draws the card
 * (centered, or a full-screen sheet at 600px and below) and its own close
 * button on a transparent background, as Polar's embed does. So here only:
 * the dialog reset, the dim backdrop, the frame (hidden until `loaded`) and
 * the loading state (`.cl-s`, hidden once the page is up). The page behind
 * does not scroll while an overlay is in it (`:has`, so nothing to restore
 * after). Written tight on purpose: every byte counts against the snippet's
 * budget.
 */
export const STYLE =
  '<style>.cl-o{max-width:100%;max-height:100%;width:100%;height:100%;padding:0;border:0;background:none;color:#fff}' +
  '.cl-o::backdrop{background:#0009}body:has(.cl-o){overflow:hidden}' +
  '.cl-f{position:absolute;top:0;width:100%;height:100%;border:0}.cl-l>:not(.cl-f),:not(.cl-l)>.cl-f{visibility:hidden}' +
  '.cl-s{margin-top:40vh;text-align:center;font:24px system-ui}</style>';

/** The loading text, shown at once until the page says `loaded` (static markup, nothing user-supplied). */
export const LOADING = '<p role=status>Loading checkout…</p>';
