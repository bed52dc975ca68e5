import { EventEmitter } from 'node:events';

/**
 * Status changes of checkout sessions, in process. The stream endpoint
 * subscribes here and also re-reads storage on a timer, so a change made by
 * another process (on PostgreSQL) still arrives.
 */
const CLOSING = Symbol('closing');

export class CheckoutEvents {
  readonly #emitter = new EventEmitter().setMaxListeners(0);
  #closed = false;

  /** True once the server is shutting down: streams end so their clients reconnect elsewhere. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Wakes every waiting stream for good (graceful shutdown). */
  close(): void {
    this.#closed = true;
    this.#emitter.emit(CLOSING);
  }

  emit(checkoutId: string): void {
    this.#emitter.emit(checkoutId);
  }

  subscribe(checkoutId: string, listener: () => void): () => void {
    this.#emitter.on(checkoutId, listener);
    return () => this.#emitter.off(checkoutId, listener);
  }

  /** Resolves at the next change of `checkoutId`, or after `ms`. */
  next(checkoutId: string, ms: number): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const off = this.subscribe(checkoutId, done);
      this.#emitter.on(CLOSING, done);
      const emitter = this.#emitter;
      function done() {
        clearTimeout(timer);
        off();
        emitter.off(CLOSING, done);
        resolve();
      }
    });
  }
}
