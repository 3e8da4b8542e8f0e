/** A tiny element builder: no framework, no innerHTML (nothing from a file can become markup). */

type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** The element with `id`, which the layout guarantees. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

/**
 * Runs `fn` `ms` after the last call (trailing edge); with `maxWaitMs`, calls that keep coming
 * still run it at least that often (autosave during a long drag).
 */
export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
  maxWaitMs = Infinity,
): {
  (...args: A): void;
  flush(): void;
  cancel(): void;
} {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  let firstPendingAt = 0;
  const run = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) fn(...args);
  };
  const debounced = (...args: A): void => {
    if (pending === undefined) firstPendingAt = Date.now();
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    const waited = Date.now() - firstPendingAt;
    timer = setTimeout(run, Math.max(0, Math.min(ms, maxWaitMs - waited)));
  };
  debounced.flush = run;
  debounced.cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return debounced;
}
