/**
 * A small seeded PRNG (mulberry32) for the runtime's random blocks and the simulator: never
 * Math.random, so the same seed gives the same numbers on every machine.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `math_random_int`: a whole number from `from` to `to`, both included; swaps them if needed. */
export function randomInt(random: () => number, from: number, to: number): number {
  let low = Math.round(from);
  let high = Math.round(to);
  if (low > high) [low, high] = [high, low];
  return Math.floor(random() * (high - low + 1)) + low;
}
