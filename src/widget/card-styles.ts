/**
 * The card's finishing styles, added by the frame runtime to the card's
 * shadow root as soon as the runtime loads: bytes off the snippet, whose own
 * sheet (`overlay-styles.ts`) lays the card out and works without them. The
 * text takes the card's scheme (`:host`'s reset leaves it the host's default
 * black, unreadable on the dark theme's card), and the close button goes to
 * the corner.
 */
const CSS =
  'div{color:CanvasText}div>button{all:unset;position:absolute;top:.5em;inset-inline-end:.7em;font-size:1.5em}';

let sheet: CSSStyleSheet | undefined;

/** Adds the finishing sheet to the shadow root holding `card` (once per root, one sheet per page). */
export function styleCard(card: Element): void {
  const root = card.getRootNode();
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  // Not once the card left its root (stopped before the runtime came).
  if (root instanceof ShadowRoot && !root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
