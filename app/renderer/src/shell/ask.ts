/**
 * A small modal question in the page's own words (Electron has no `window.prompt`, and the
 * browser's is not translatable): a confirmation, or a name to type. Resolves with the typed text
 * (or '' for a confirmation), or null when the person cancels (button, Échap, click outside).
 */
import { h } from './dom';

export interface Question {
  readonly title: string;
  readonly message?: string;
  /** A text field, prefilled. */
  readonly input?: { readonly label: string; readonly value: string; readonly secret?: boolean };
  readonly ok: string;
  readonly cancel: string;
}

export function ask(question: Question): Promise<string | null> {
  const field = question.input
    ? h('input', { id: 'ask-input', class: 'ask-input', type: question.input.secret ? 'password' : 'text', maxlength: 120, value: question.input.value, autocomplete: 'off' })
    : null;
  const ok = h('button', { id: 'ask-ok', type: 'submit', class: 'btn btn-primary' }, question.ok);
  const cancel = h('button', { id: 'ask-cancel', type: 'button', class: 'btn' }, question.cancel);
  const form = h(
    'form',
    { method: 'dialog', class: 'ask-form' },
    h('h2', { id: 'ask-title', class: 'panel-title' }, question.title),
    ...(question.message ? [h('p', { id: 'ask-message' }, question.message)] : []),
    ...(field && question.input ? [h('label', { class: 'field-label', for: 'ask-input' }, question.input.label), field] : []),
    h('div', { class: 'ask-buttons' }, cancel, ok),
  );
  const dialog = h('dialog', { id: 'ask', class: 'ask', 'aria-labelledby': 'ask-title' }, form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    let answer: string | null = null;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = field ? field.value.trim() : '';
      if (field && text === '') return field.focus();
      answer = text;
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    if (field) {
      field.focus();
      field.select();
    } else ok.focus();
  });
}
