/** `document.createElement` with properties set: one helper, as every byte of the snippet counts. */
export const create = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Partial<HTMLElementTagNameMap[K]>,
): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);
