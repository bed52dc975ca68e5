import { type EmbedMessage, parseEmbedMessage } from '../shared/embed-messages.ts';

/** Any embed message without its constant `source` tag. */
export type OutgoingMessage = EmbedMessage extends infer M
  ? M extends EmbedMessage
    ? Omit<M, 'source'>
    : never
  : never;

export interface EmbedBridge {
  /** Whether messages go anywhere (framed, and the origin allowed by the server). */
  readonly active: boolean;
  post(message: OutgoingMessage): void;
}

/**
 * Talks to the page that frames the checkout. Messages go to `origin` only,
 * the one the server checked against the organization's `embed_origins`;
 * never to `*`, which would hand the customer's email to whoever framed us.
 * With no allowed origin, or no parent, nothing is ever posted.
 */
export function createEmbedBridge(origin: string | null, parent: Window | null = defaultParent()): EmbedBridge {
  const active = Boolean(origin && parent);
  return {
    active,
    post(message) {
      if (!active) return;
      // The same check the widget runs on arrival; a browser test holds it to the
      // zod schema (embed-messages.schema.ts), which would cost this page 5 kB gzip.
      const checked = parseEmbedMessage({ source: 'checkout-link', ...message });
      if (!checked) {
        console.warn(`[checkout-link] embed_message_invalid: "${message.type}" does not match the embed protocol.`);
        return;
      }
      parent!.postMessage(checked, origin!);
    },
  };
}

const defaultParent = () => (window.parent && window.parent !== window ? window.parent : null);
