/**
 * Performance marks the UI benchmarks read (bench/ui-*.mjs): they cost a `performance.mark` each
 * and change nothing the pupil sees.
 */

/** After the next paint: `robokit-open-end`, and `data-opened` = number of blocks on the page. */
export function markOpened(blocks: number): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('robokit-open-end');
      performance.measure('robokit-open', 'robokit-open-start', 'robokit-open-end');
      document.body.dataset.opened = String(blocks);
    }, 0),
  );
}

/** The main screen is built and answers input: `robokit-ready`, and `data-ready`. */
export function markReady(): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('robokit-ready');
      document.body.dataset.ready = 'true';
    }, 0),
  );
}
