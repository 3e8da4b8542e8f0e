/** axe-core in the page under test: its serious and critical violations inside `selector`. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO } from './harness';

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly targets: readonly string[];
}

export async function axeSerious(p: Page, selector = 'html'): Promise<AxeViolation[]> {
  const axe = await readFile(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // The page's CSP refuses inline scripts (addScriptTag is blocked, as it should be): evaluate
  // axe through the DevTools protocol instead, which CSP does not govern.
  await p.evaluate(axe);
  const violations = await p.evaluate(async (sel) => {
    const w = window as unknown as { axe: { run(ctx: Element, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    const result = await w.axe.run(document.querySelector(sel)!, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
