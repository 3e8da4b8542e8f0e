/**
 * Program variables: globals, plus one scope per running procedure call holding its parameters.
 * A parameter shadows a global of the same name; a variable never set reads as 0.
 */
import type { Value } from '../ir';
import { BugError } from '../errors';

export class Variables {
  private readonly globals = new Map<string, Value>();
  private readonly scopes: Map<string, Value>[] = [];

  /** How many procedure calls are running. */
  get callDepth(): number {
    return this.scopes.length;
  }

  get(name: string): Value {
    const local = this.scopes.at(-1);
    if (local?.has(name)) return local.get(name) as Value;
    return this.globals.get(name) ?? 0;
  }

  set(name: string, value: Value): void {
    const local = this.scopes.at(-1);
    if (local?.has(name)) local.set(name, value);
    else this.globals.set(name, value);
  }

  enterCall(params: readonly string[], args: readonly Value[]): void {
    this.scopes.push(new Map(params.map((param, i) => [param, args[i] ?? 0])));
  }

  leaveCall(): void {
    if (this.scopes.pop() === undefined) throw new BugError('leaveCall without a call');
  }
}
