import { create } from './dom.ts';
import { type CheckoutLinkErrorDetail, emit } from './events.ts';
import type { CardWords, MessageDetail } from './frame.ts';
import { type FrameTimings, loadCheckout } from './frame-loader.ts';
import { styledRoot } from './overlay-styles.ts';

/**
 * Mounts a checkout into a styled shadow root on `host`: `wrapper` (the
 * overlay's dialog, or the inline checkout's box) holds the status card and,
 * once the page says `loaded`, the frame. The card never leaves a dead end:
 * loading, a native indeterminate `<progress>` and no words, so it speaks
 * every customer's language (assistive technology announces it as busy in
 * its own); after `timeout` with no page, `:error` `timeout`, "still
 * loading" beside the progress, which goes on, with **Try again** and a
 * plain link to the checkout page; on a failure, what happened, Try again and
 * the link (the session's own page once one exists); each fires `:error`.
 * The words are English until the session endpoint's answer brings them in
 * the checkout's language. Every node is built from the DOM API, no HTML
 * string: Trusted Types pages allow it. `close`, when given, gets the card's
 * close button. Returns the function that stops it.
 */
export function mountCheckout(
  host: Element,
  wrapper: HTMLElement,
  url: string,
  options: FrameTimings & { source?: HTMLElement; embed_mode?: 'inline' },
  onMessage: (type: string, detail: MessageDetail, redirecting: boolean) => void,
  onFail: (error?: CheckoutLinkErrorDetail) => void,
  close?: () => void,
): () => void {
  let stop = () => {};
  let timer: ReturnType<typeof setTimeout>;
  // English until the session endpoint answers in the checkout's language (the frame runtime fills them in).
  const words: CardWords = {
    retry: 'Try again',
    slow: 'Still loading…',
    open: 'Open the checkout page',
    unreachable: 'The checkout could not be reached.',
  };
  const text = create('p', { role: 'status' } as Partial<HTMLParagraphElement>);
  const link = create('a', { textContent: words.open });
  const action = create('button');
  /**
   * Shows state `id` (failed unless told) with its words, after reporting `error`, and stops the
   * "still loading" timer. In the order `loadCheckout` reports a failure: it calls this.
   */
  const show = (said: string, error?: CheckoutLinkErrorDetail, id = 'e') => {
    if (error) {
      emit(options.source, 'error', error);
      onFail(error);
    }
    wrapper.id = id;
    text.textContent = said;
    action.textContent = words.retry;
    clearTimeout(timer);
  };
  const start = () => {
    stop();
    link.href = url;
    show('', undefined, 'l');
    // Still loading after it, the card says so; the progress goes on, and so does the frame.
    timer = setTimeout(
      () => wrapper.id === 'l' && show(words.slow, { code: 'timeout', message: 'timeout' }, 'w'),
      options.timeout ?? 10_000,
    );
    stop = loadCheckout(wrapper, url, options, onMessage, show, link, words);
  };
  action.onclick = () => {
    onFail();
    start();
  };
  const card = create('div');
  const actions = create('span');
  actions.append(action, link);
  card.append(create('progress', { ariaLabel: 'Checkout' }), text, actions);
  if (close) card.append(create('button', { ariaLabel: 'Close', textContent: '×', onclick: close }));
  wrapper.append(card);
  styledRoot(host).append(wrapper);
  start();
  return () => {
    clearTimeout(timer);
    stop();
  };
}
