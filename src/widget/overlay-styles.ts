/**
 * The widget's styles, injected once per root (classes prefixed `cl-` to stay
 * out of the host's way). The dialog itself is the card: a modal `<dialog>`
 * is already centered and capped to the viewport by the browser, so only its
 * look is set here; at 600px and below it becomes a full-screen sheet. The
 * dark variant is the dialog's `color-scheme` (set from the theme): the
 * browser's own dialog and button colors follow it. The page behind does not
 * scroll while an overlay is in it (`:has`, so nothing to restore after).
 * Written tight on purpose: every byte counts against the snippet's budget.
 */
const CSS =
  '.cl-o{width:480px;height:760px;padding:0;border:0;border-radius:14px;box-shadow:0 9px 60px #0008}' +
  '.cl-o::backdrop{background:#0009}body:has(.cl-o){overflow:hidden}' +
  '.cl-f{width:100%;height:100%;border:0}.cl-l>.cl-s,:not(.cl-l)>.cl-f{visibility:hidden}' +
  '.cl-s,.cl-x{position:absolute;border-radius:50%}' +
  '.cl-s{inset:0;margin:auto;width:32px;height:32px;border:3px solid #ccc;border-top-color:#55f;animation:cl-r .8s linear infinite}' +
  '@keyframes cl-r{to{rotate:1turn}}' +
  '.cl-x{top:9px;right:9px;width:36px;height:36px;border:0;font:22px system-ui}' +
  '@media (max-width:600px){.cl-o{width:100%;height:100%;max-width:none;max-height:none;border-radius:0}}';

const injected = new WeakSet<Node>();

/**
 * Adds the `<style>` once per root: the document head, or a shadow root
 * (an inline checkout inside `<checkout-link>`), where document styles do not reach.
 */
export function injectStyles(root: Node = document): void {
  if (!injected.has(root)) {
    injected.add(root);
    (root === document ? document.head : (root as ShadowRoot)).append(
      Object.assign(document.createElement('style'), { textContent: CSS }),
    );
  }
}

/** The spinner, shown until the page says `loaded` (static markup, nothing user-supplied). */
export const SPINNER = '<div class=cl-s role=status aria-label="Loading checkout"></div>';
