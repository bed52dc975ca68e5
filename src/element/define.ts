/**
 * Registers a custom element unless the name is taken: the snippet may load
 * the element bundle while the page also imports the npm package, and a
 * second `customElements.define` would throw into the host page.
 */
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
