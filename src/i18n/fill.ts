/** A template with its `{name}` placeholders filled; an unknown name stays as written. */
export const fill = (template: string, params: Record<string, string | number> = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/**
 * A template split around its placeholders, each replaced by its value as
 * it is (markup for the page, say), so a translation can put the value
 * anywhere in its sentence.
 */
export const fillParts = <T>(template: string, params: Record<string, T>): (string | T)[] =>
  template.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? (params[part] ?? `{${part}}`) : part));
