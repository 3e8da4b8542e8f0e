/**
 * A lesson's teacher notes as the teacher space and the printable sheet show them: every text of
 * `pack.json`'s `teacher` rendered like a hint (markdown, French typography, blocks as placeholders,
 * sanitised), in both languages.
 */
import type { Localized } from '../../core/i18n/messages';
import type { Lesson } from '../../core/lessons/types';
import type { TeacherNotesView } from '../../shared/api';
import { inlineHtml } from './step-views';

export function teacherNotesView(lesson: Lesson): TeacherNotesView {
  const notes = lesson.teacher ?? {};
  const html = (text: Localized): Localized => ({ fr: inlineHtml(text.fr, 'fr'), en: inlineHtml(text.en, 'en') });
  return {
    objectives: (notes.objectives ?? []).map((o) => ({ cycle: o.cycle, html: html(o.text) })),
    prerequisites: (notes.prerequisites ?? []).map(html),
    phases: (notes.phases ?? []).map((p) => ({ html: html(p.title), minutes: p.minutes })),
    ...(notes.unplugged ? { unplugged: html(notes.unplugged) } : {}),
    debrief: (notes.debrief ?? []).map(html),
    mistakes: (notes.mistakes ?? []).map(html),
    ...(notes.easier ? { easier: html(notes.easier) } : {}),
    ...(notes.harder ? { harder: html(notes.harder) } : {}),
  };
}
