/**
 * The widget's styles, one constructed stylesheet adopted by the shadow root
 * that holds the overlay's dialog or the inline checkout. A constructed sheet
 * is not an inline `<style>`, so a host page's strict CSP (`style-src 'self'`)
 * allows it; the shadow root keeps the host's CSS out (`* { all: unset }`,
 * `dialog { display: none !important }`, `iframe { width: 10px !important }`
 * match nothing inside it), and `:host` resets what the host could pass down
 * by inheritance (an `!important` declaration of the inner context wins).
 *
 * Layout: the dialog (or the inline wrapper) is a grid centering the status
 * card (a progress bar or words, a choice, a close button) in the system colors of
 * the dialog's color scheme (the customer's system unless the theme says light or dark);
 * the frame runtime lays its frame over it, hidden
 * until the page says `loaded`. The wrapper's `id` is the state:
 * `l` loading, `w` still loading (a choice), `e` failed (a choice), `r`
 * ready (the frame shown, the card gone). Written tight: every byte counts
 * against the snippet's budget. The close button's corner and the text's
 * color come with the frame runtime (`card-styles.ts`): until it arrives, the
 * button is plain and the text keeps the host's default color.
 */
const CSS =
  ':host{all:initial!important;display:block!important}[open]{all:unset;position:fixed;inset:0;display:grid;place-items:center;color-scheme:light dark}' +
  '::backdrop{background:#0009}#r>div,#l span,#e progress{display:none}' +
  'div{position:relative;padding:2em;border-radius:1em;background:Canvas;text-align:center;font:16px system-ui}' +
  'button,a{margin:.3em;font:inherit}';

let sheet: CSSStyleSheet | undefined;

/** A shadow root on `host` carrying the widget's styles (one sheet per page, shared by every root). */
export function styledRoot(host: Element): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [sheet];
  return root;
}
