/** A tiny typed event source for `onDidX` methods. Listeners must not throw. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  on(listener: (value: T) => void): () => void {
    const wrapped = (value: T): void => listener(value);
    this.listeners.add(wrapped);
    return () => {
      this.listeners.delete(wrapped);
    };
  }

  /** True when someone listens: lets a hot path skip building an event nobody reads. */
  get active(): boolean {
    return this.listeners.size > 0;
  }

  emit(value: T): void {
    // A Set visits listeners added during the loop and skips those removed: no copy needed.
    for (const listener of this.listeners) listener(value);
  }
}
