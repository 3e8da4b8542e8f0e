/**
 * The big banner at each pilot/co-pilot swap: who pilots now and a short hint for the parent
 * (« laisse-lui la souris », « demande : que va-t-il se passer ? »), with a two-note chime. It goes
 * away on a click, or by itself after a while; it never blocks the facilitator's controls.
 */
import { message, type Locale } from '../../../core/i18n/messages';
import type { MessageCode } from '../../../core/i18n/messages';
import { h } from '../shell/dom';
import { wt } from './workshop-text';

const SHOWN_MS = 12_000;

export class SwapBanner {
  readonly element: HTMLElement;
  private readonly title = h('h2', { class: 'ws-swap-title', id: 'ws-swap-title' });
  private readonly text = h('p', { class: 'ws-swap-text', id: 'ws-swap-text' });
  private readonly close = h('button', { type: 'button', class: 'btn btn-primary ws-swap-close', id: 'ws-swap-close' });
  private timer: ReturnType<typeof setTimeout> | null = null;
  private audio: AudioContext | null = null;
  private shown = 0;

  constructor(private locale: Locale) {
    this.element = h('div', { class: 'ws-swap-banner', id: 'ws-swap-banner', role: 'alert', 'aria-labelledby': 'ws-swap-title' }, h('span', { class: 'ws-swap-icon', 'aria-hidden': 'true' }, '⇄'), h('div', {}, this.title, this.text), this.close);
    this.element.hidden = true;
    this.close.addEventListener('click', () => this.hide());
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.close.textContent = wt('swapClose', locale);
  }

  show(code: MessageCode): void {
    this.title.textContent = wt('swapTitle', this.locale);
    this.text.textContent = message(code, this.locale);
    this.close.textContent = wt('swapClose', this.locale);
    this.element.dataset.message = code;
    this.element.dataset.shown = String(++this.shown);
    this.element.hidden = false;
    this.chime();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), SHOWN_MS);
  }

  hide(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.element.hidden = true;
  }

  /** Two soft notes (a fourth up), made on the spot: no sound file, nothing fetched. */
  private chime(): void {
    try {
      this.audio ??= new AudioContext();
      const ctx = this.audio;
      void ctx.resume();
      [523.25, 698.46].forEach((frequency, i) => {
        const start = ctx.currentTime + i * 0.22;
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.4);
        osc.connect(gain).connect(ctx.destination);
        osc.start(start);
        osc.stop(start + 0.45);
      });
      this.element.dataset.chimes = String(Number(this.element.dataset.chimes ?? 0) + 1);
    } catch {
      // No sound device: the banner alone says it.
    }
  }
}
