import type { IncomingHttpHeaders } from 'node:http';
import { html } from 'hono/html';
import type { ResolvedLink } from '../core/link-rows.ts';

/**
 * Link-preview fetchers of chat apps, social networks and search engines.
 * Named one by one, not by a loose `bot` match: some phones' user agents
 * hold `CUBOT`, and a person's click must always open a checkout.
 */
const PREVIEW_AGENTS =
  /slackbot|twitterbot|facebookexternalhit|facebot|discordbot|whatsapp|googlebot|google-inspectiontool|googleother|bingbot|linkedinbot|telegrambot|applebot|redditbot|pinterest|skypeuripreview|microsoftpreview|embedly|iframely|mastodon|bluesky|cardyb|vkshare|viber|snapchat|duckduckbot|yandex|baiduspider|petalbot|ahrefsbot|semrushbot|\b(?:bot|crawler|spider)\b/i;

/** A request for the shared link that must not open a session, and what it is. */
export type PreviewKind = 'head' | 'prefetch' | 'preview';

/**
 * Why this request for a link's redirect is not a person's click, or null
 * when it is one. HEAD asks about the link; a prefetch (`Sec-Purpose`, or
 * the older `Purpose` / `X-Purpose`) may never be followed; a preview
 * fetcher only wants the card.
 */
export function previewKind(method: string | undefined, headers: IncomingHttpHeaders): PreviewKind | null {
  if (method === 'HEAD') return 'head';
  const purpose = headers['sec-purpose'] ?? headers.purpose ?? headers['x-purpose'] ?? headers['x-moz'];
  if (typeof purpose === 'string' && purpose.toLowerCase().includes('prefetch')) return 'prefetch';
  const agent = headers['user-agent'];
  return agent && isPreviewAgent(agent) ? 'preview' : null;
}

// The agent test scans the whole string for thirty names, about 2 µs: more than the rest of the fast
// path's checks together. A shop sees few distinct agents, so each one's answer is kept.
const knownAgents = new Map<string, boolean>();
const KNOWN_AGENTS_MAX = 2_000;

function isPreviewAgent(agent: string): boolean {
  let preview = knownAgents.get(agent);
  if (preview === undefined) {
    preview = PREVIEW_AGENTS.test(agent);
    if (knownAgents.size >= KNOWN_AGENTS_MAX) knownAgents.clear();
    knownAgents.set(agent, preview);
  }
  return preview;
}

const DESCRIPTION_MAX = 300;

/**
 * The card a preview fetcher reads for a shared link: Open Graph and Twitter
 * tags with the first product's name and description and the organization's
 * name. Every value is escaped by `html`.
 */
export function renderLinkPreview(resolved: ResolvedLink, linkUrl: string) {
  // Only a link that serves is previewed: it has at least one product.
  const product = resolved.products[0]!;
  const seller = resolved.organization.name;
  const full = product.description?.trim() || `Buy ${product.name} from ${seller}.`;
  const description = full.length > DESCRIPTION_MAX ? `${full.slice(0, DESCRIPTION_MAX - 1)}…` : full;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${product.name} · ${seller}</title>
<meta name="description" content="${description}">
<meta property="og:type" content="website">
<meta property="og:title" content="${product.name}">
<meta property="og:description" content="${description}">
<meta property="og:site_name" content="${seller}">
<meta property="og:url" content="${linkUrl}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${product.name}">
<meta name="twitter:description" content="${description}">
</head>
<body><h1>${product.name}</h1><p>${description}</p><p>Sold by ${seller}.</p></body>
</html>`;
}
