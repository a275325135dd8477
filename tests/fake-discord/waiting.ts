/** Waiting on state that changes as the fake records things, with a timeout that says what it waited for. */
import { EventEmitter } from "node:events";

export class Watchable extends EventEmitter {
  constructor() {
    super();
    // Many tests may wait at once (a burst of interactions); that is not a leak.
    this.setMaxListeners(0);
  }

  /** Tell waiters to look again. */
  protected changed(): void {
    this.emit("change");
  }

  /**
   * Resolves with the first truthy value `check` returns, checking now and after every change.
   * Rejects after `timeoutMs` with `what` in the message, so a hung test says what never happened.
   */
  until<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 5_000): Promise<T> {
    const first = check();
    if (first) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const onChange = () => {
        const value = check();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off("change", onChange);
      };
      this.on("change", onChange);
    });
  }
}
