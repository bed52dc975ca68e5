import { LitElement } from 'lit';

/**
 * Dashboard views render into the light DOM: one stylesheet (dashboard.css)
 * styles the whole app, labels and ids resolve document-wide, and the
 * `/embed.js` snippet (which scans the document) upgrades the live preview
 * button like it would on a merchant's page.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot() {
    return this;
  }
}

let next = 0;
/** A document-unique id for label/aria-describedby pairs (light DOM shares one id space). */
export const uid = (prefix: string) => `${prefix}-${++next}`;
