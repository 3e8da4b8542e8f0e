/**
 * The interpreter's explicit control stack: no JS recursion over the program, so a `forever` or a
 * deep chain of procedure calls can neither blow the JS stack nor hold the host.
 */
import type { Expr, Stmt } from '../ir';

export type Frame =
  /** A statement list being run, `index` = next statement. */
  | { readonly kind: 'block'; readonly stmts: readonly Stmt[]; index: number }
  | { readonly kind: 'repeat'; readonly body: readonly Stmt[]; remaining: number }
  | { readonly kind: 'while'; readonly until: boolean; readonly condition: Expr; readonly body: readonly Stmt[] }
  | { readonly kind: 'forever'; readonly body: readonly Stmt[] }
  /** Below a procedure's body: popping it leaves the procedure's scope. */
  | { readonly kind: 'return' };

/** What the program is blocked on. */
export type Pending =
  /** A timed statement: at `until` (clock ms) run `then` (e.g. motors off) and go on. */
  | { readonly kind: 'time'; until: number; readonly then: (() => void) | null }
  /**
   * A move, turn or beep the robot times itself: go on when it says `done`; `until` (clock ms) is
   * when it should end, the time a pause shifts. Cancelled while paused, the rest is waited on the clock.
   */
  | { readonly kind: 'robot'; until: number; readonly then: (() => void) | null; done: boolean; cancelled: boolean }
  /** `wait until`: re-checked once per slice. */
  | { readonly kind: 'condition'; readonly condition: Expr };

/** Clock comparisons tolerate float dust (a virtual clock stepped by fractions of a ms). */
export const TIME_EPSILON_MS = 1e-6;

export function reached(now: number, until: number): boolean {
  return now + TIME_EPSILON_MS >= until;
}
