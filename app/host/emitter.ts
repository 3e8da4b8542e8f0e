/** A tiny typed event source: `event(listener) → unsubscribe`, `fire(data)`. */
export class Emitter<T> {
  private readonly listeners = new Set<(data: T) => void>();

  readonly event = (listener: (data: T) => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  fire(data: T): void {
    for (const listener of [...this.listeners]) listener(data);
  }

  get size(): number {
    return this.listeners.size;
  }
}
