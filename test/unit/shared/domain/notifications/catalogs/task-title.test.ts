import { describe, expect, it } from 'vitest';
import { locales } from '#shared/domain/model/roles.ts';
import { stallTaskTitle, taskTitle } from '#shared/domain/notifications/catalogs/task-title.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';

const needsAssessment = { phase: 'assessment', taskKey: 'needs-assessment' };

describe('taskTitle', () => {
  it('is the template’s title for a task', () => {
    expect(taskTitle(romactTemplate, { ...needsAssessment, kind: 'task' })).toEqual(
      romactTemplate.phases[0]?.tasks[0]?.title,
    );
  });

  it('names the stalled task, in the same language, for a coordinator’s stall task', () => {
    const title = taskTitle(romactTemplate, { ...needsAssessment, kind: 'stall-resolution' });
    expect(title).toEqual({
      en: 'Resume or cancel the stalled cycle: Submit the needs assessment',
      bg: 'Възобновете или прекратете спрелия цикъл: Подайте оценката на нуждите',
      hu: 'Folytassa vagy zárja le az elakadt ciklust: Nyújtsa be a szükségletfelmérést',
      it: 'Riprendere o annullare il ciclo bloccato: Inviare la valutazione dei bisogni',
      ro: 'Reluați sau anulați ciclul blocat: Trimiteți evaluarea nevoilor',
      sk: 'Obnovte alebo zrušte zastavený cyklus: Predložte posúdenie potrieb',
    });
  });

  it('has a stall title in every catalogue language, even when the stalled title is English only', () => {
    const title = stallTaskTitle({ en: 'Visit' });
    for (const locale of locales) expect(title[locale], locale).toMatch(/: Visit$/);
    expect(new Set(locales.map((locale) => title[locale])).size).toBe(locales.length);
  });

  it('is undefined for a task the template does not have', () => {
    expect(taskTitle(romactTemplate, { phase: 'assessment', taskKey: 'nope', kind: 'task' })).toBeUndefined();
    expect(taskTitle(undefined, { ...needsAssessment, kind: 'task' })).toBeUndefined();
  });
});
