/** Small statistics for benchmarks: medians and percentiles measured in one run. */
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

export interface Goal {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Prints the goals; returns the process exit code (1 if any goal is missed). */
export function report(title: string, goals: readonly Goal[]): number {
  console.log(`\n${title}`);
  for (const g of goals) console.log(`  ${g.ok ? 'PASS' : 'MISS'}  ${g.name}: ${g.detail}`);
  return goals.every((g) => g.ok) ? 0 : 1;
}

export const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
