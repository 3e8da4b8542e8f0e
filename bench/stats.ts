/** Small statistics for benchmarks: medians and percentiles measured in one run, and the goals' report. */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** Runs `fn` `warmup` times, then `runs` times, and returns the durations in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

/**
 * One goal of a benchmark, as the summary table shows it: the figure measured, what it is compared
 * with (a baseline measured in the same run, and their ratio), the goal, and whether it was met.
 */
export interface Goal {
  readonly name: string;
  readonly ok: boolean;
  /** The figure measured, with its unit ("0.65 ms", "1,864/s"). */
  readonly figure: string;
  /** What the figure is compared with, measured in the same run ("Blockly generator 5.2 ms"). */
  readonly baseline?: string;
  /** figure / baseline (or the other way round, as the goal reads), e.g. "8.0×" or "0.95". */
  readonly ratio?: string;
  /** The goal, e.g. "≥ 5×", "≤ 100 ms". */
  readonly target: string;
  /**
   * A timing goal only a quiet machine can judge (wall-clock times and ratios that other load on
   * the machine shifts). On a loaded machine the summary reports it without judging it.
   */
  readonly quiet?: boolean;
}

/**
 * Prints the goals; returns the process exit code (1 if any goal is missed). When the benchmark
 * runner asks for it (ROBOKIT_BENCH_RESULTS names a file), also appends them as one JSON line.
 */
export function report(title: string, goals: readonly Goal[]): number {
  console.log(`\n${title}`);
  for (const g of goals) {
    const compared = g.baseline ? `; ${g.baseline}${g.ratio ? `, ratio ${g.ratio}` : ''}` : g.ratio ? `; ratio ${g.ratio}` : '';
    console.log(`  ${g.ok ? 'PASS' : 'MISS'}  ${g.name}: ${g.figure}${compared} (goal ${g.target})${g.quiet ? ' [quiet machine]' : ''}`);
  }
  const out = process.env.ROBOKIT_BENCH_RESULTS;
  if (out) appendFileSync(out, `${JSON.stringify({ title, goals })}\n`);
  return goals.every((g) => g.ok) ? 0 : 1;
}

/**
 * How many trials to run on this machine: `wanted`, unless `budgetMs` of wall time has gone by
 * (a loaded machine), and never fewer than `least`. Call `more()` before each trial.
 */
export function trialBudget(wanted: number, least: number, budgetMs: number): { more(done: number): boolean } {
  const start = performance.now();
  return { more: (done) => done < least || (done < wanted && performance.now() - start < budgetMs) };
}

export const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
