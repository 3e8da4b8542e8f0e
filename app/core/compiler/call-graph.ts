/**
 * The call graph between the start block and procedures: what the program really uses, and which
 * procedures call themselves (allowed; the runtime bounds call depth). Iterative, for any size.
 */

/** Everything reachable from `roots` by following `edges` (roots included). */
export function reachable(roots: Iterable<string>, edges: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  for (let node = todo.pop(); node !== undefined; node = todo.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    for (const next of edges.get(node) ?? []) if (!seen.has(next)) todo.push(next);
  }
  return seen;
}

interface Frame {
  readonly node: string;
  readonly next: Iterator<string>;
}

/** Nodes lying on a cycle (Tarjan's strongly connected components, with an explicit stack). */
export function nodesOnCycles(nodes: readonly string[], edges: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result = new Set<string>();
  const visit = (node: string, frames: Frame[]): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    frames.push({ node, next: (edges.get(node) ?? new Set<string>()).values() });
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    const frames: Frame[] = [];
    visit(root, frames);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const step = frame.next.next();
      if (!step.done) {
        const next = step.value;
        if (!edges.has(next)) continue;
        if (!index.has(next)) visit(next, frames);
        else if (onStack.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) popComponent(frame.node, stack, onStack, edges, result);
    }
  }
  return result;
}

function popComponent(
  root: string,
  stack: string[],
  onStack: Set<string>,
  edges: ReadonlyMap<string, ReadonlySet<string>>,
  result: Set<string>,
): void {
  const component: string[] = [];
  for (;;) {
    const node = stack.pop()!;
    onStack.delete(node);
    component.push(node);
    if (node === root) break;
  }
  const cyclic = component.length > 1 || edges.get(root)?.has(root) === true;
  if (cyclic) for (const node of component) result.add(node);
}
