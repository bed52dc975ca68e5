import { html, type TemplateResult } from 'lit';

// `[text](https://…)`: the one piece of Markdown a custom field label may hold (a link to the terms).
const LINK = /\[([^[\]\n]+)\]\((https:\/\/[^\s()<>]+)\)/g;

/**
 * A merchant's label with its `[text](https://…)` links as real anchors
 * (new tab, `rel="noopener"`), built from Lit text and attribute bindings so
 * nothing in it becomes HTML. Any other URL scheme, and every other Markdown
 * sign, stays literal text.
 */
export function labelWithLinks(label: string): string | TemplateResult {
  const parts: (string | TemplateResult)[] = [];
  let last = 0;
  for (const m of label.matchAll(LINK)) {
    const [whole, text, raw = ''] = m;
    const href = safeHttps(raw);
    if (!href) continue;
    parts.push(label.slice(last, m.index), html`<a href=${href} target="_blank" rel="noopener">${text}</a>`);
    last = m.index + whole.length;
  }
  if (!parts.length) return label;
  parts.push(label.slice(last));
  return html`${parts}`;
}

/** The URL as the browser will read it, only when that is still `https:`. */
function safeHttps(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
