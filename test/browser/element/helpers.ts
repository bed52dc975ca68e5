import { waitUntil } from '@open-wc/testing';
import { setNavigate } from '../../../src/widget/navigate.ts';

/** A checkout link URL on the test server's origin (the fake sessions endpoint answers there). */
export const LINK_URL = `${location.origin}/v1/checkout-links/cl_test_secret/redirect`;
export const SESSIONS_PATH = '/v1/checkout-links/cl_test_secret/sessions';
export const FAKE_PAGE = '/test/browser/element/fixtures/fake-checkout.html';

export interface RecordedRequest {
  url: string;
  method: string;
  body: Record<string, unknown>;
}

/**
 * Replaces `fetch` for the sessions endpoint: `answer` decides the response
 * (default: a 201 session whose page is the fake checkout page). Returns the
 * recorded requests and a restore function.
 */
export function stubSessions(answer: (request: RecordedRequest) => Response | Promise<Response> = sessionCreated()) {
  const original = window.fetch;
  const requests: RecordedRequest[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!new URL(url, location.href).pathname.endsWith('/sessions')) return original(input, init);
    const request = { url, method: init?.method ?? 'GET', body: JSON.parse(String(init?.body ?? '{}')) };
    requests.push(request);
    return answer(request);
  };
  return { requests, restore: () => (window.fetch = original) };
}

/** A 201 answer from the sessions endpoint pointing at the fake checkout page. */
export const sessionCreated =
  (pageQuery = '') =>
  () =>
    Response.json(
      {
        id: 'co_test',
        client_secret: 'cs_test',
        url: `${location.origin}${FAKE_PAGE}${pageQuery}`,
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
        dropped: [],
      },
      { status: 201 },
    );

/** Captures the widget's navigations instead of leaving the test page. */
export function captureNavigation() {
  const urls: string[] = [];
  const restore = setNavigate((url) => urls.push(url));
  return { urls, restore };
}

/** Resolves with the next event of `type` heard on `target`. */
export const nextEvent = <E extends Event = CustomEvent>(target: EventTarget, type: string) =>
  new Promise<E>((resolve) => target.addEventListener(type, (e) => resolve(e as E), { once: true }));

type FakeFrame = HTMLIFrameElement & { contentWindow: Window & FakePage };

/** The framed checkout page under `root` (the overlay's dialog by default), once it exists. */
export async function framedPage(root: ParentNode = document, selector = 'dialog iframe'): Promise<FakeFrame> {
  await waitUntil(() => root.querySelector(selector), `no ${selector} appeared`);
  return root.querySelector(selector) as FakeFrame;
}

/** What the fake checkout page exposes to tests. */
export interface FakePage {
  send(type: string, extra?: Record<string, unknown>): void;
}
