import { EventEmitter } from 'node:events';

/**
 * Status changes of checkout sessions, in process. The stream endpoint
 * subscribes here and also re-reads storage on a timer, so a change made by
 * another process (on PostgreSQL) still arrives.
 */
export class CheckoutEvents {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  emit(checkoutId: string): void {
    this.#emitter.emit(checkoutId);
  }

  subscribe(checkoutId: string, listener: () => void): () => void {
    this.#emitter.on(checkoutId, listener);
    return () => this.#emitter.off(checkoutId, listener);
  }

  /** Resolves at the next change of `checkoutId`, or after `ms`. */
  next(checkoutId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const off = this.subscribe(checkoutId, done);
      function done() {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  }
}
