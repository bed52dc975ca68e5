/**
 * The overlay's styles, injected once into the document (classes are
 * prefixed `cl-` to stay out of the host's way). A centered card on wide
 * screens, a full-screen sheet at 600px and below.
 */
const CSS =
  '.cl-o{position:fixed;inset:0;width:auto;height:auto;max-width:none;max-height:none;margin:0;padding:16px;border:0;background:none;box-sizing:border-box;color-scheme:light}' +
  '.cl-o[open]{display:flex;align-items:center;justify-content:center}' +
  '.cl-o::backdrop{background:rgba(15,23,42,.6)}' +
  '.cl-c{position:relative;width:480px;max-width:100%;height:min(760px,100%);background:#fff;border-radius:14px;box-shadow:0 24px 64px rgba(0,0,0,.35);overflow:hidden}' +
  '.cl-d .cl-c{background:#111827}@media (prefers-color-scheme:dark){.cl-a .cl-c{background:#111827}}' +
  '.cl-c iframe{display:block;width:100%;height:100%;border:0;visibility:hidden}' +
  '.cl-l iframe{visibility:visible}.cl-l .cl-s{display:none}' +
  '.cl-s{position:absolute;top:50%;left:50%;width:32px;height:32px;margin:-19px;border:3px solid #cbd5e1;border-top-color:#4f46e5;border-radius:50%;animation:cl-r .8s linear infinite}' +
  '@keyframes cl-r{to{transform:rotate(1turn)}}' +
  '.cl-x{position:absolute;top:10px;right:10px;z-index:1;width:36px;height:36px;border:0;border-radius:50%;background:#f1f5f9;color:#0f172a;font:22px/1 system-ui,sans-serif;cursor:pointer}' +
  '.cl-x:focus-visible{outline:2px solid #4f46e5;outline-offset:2px}.cl-x:disabled{opacity:.4;cursor:default}' +
  '.cl-i{width:100%;box-shadow:none;border-radius:0;background:none}' +
  '@media (max-width:600px){.cl-o{padding:0}.cl-c{width:100%;height:100%;border-radius:0}}' +
  '@media (prefers-reduced-motion:reduce){.cl-s{animation-duration:4s}}';

const injected = new WeakSet<Node>();

/**
 * Adds the `<style>` once per root: the document head, or a shadow root
 * (an inline checkout inside `<checkout-link>`), where document styles do not reach.
 */
export function injectOverlayStyles(root: Node = document): void {
  if (injected.has(root)) return;
  injected.add(root);
  const style = document.createElement('style');
  style.textContent = CSS;
  (root === document ? document.head : (root as ShadowRoot)).append(style);
}
