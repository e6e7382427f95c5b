import type { LocalizedText } from '../model/roles.ts';

/** "Resume or cancel the stalled cycle: {task}" in each language. */
const stallSentence: Record<string, string> = {
  en: 'Resume or cancel the stalled cycle: {task}',
  bg: 'Възобновете или прекратете спрелия цикъл: {task}',
  hu: 'Folytassa vagy szakítsa meg az elakadt ciklust: {task}',
  it: 'Riprendere o annullare il ciclo fermo: {task}',
  ro: 'Reluați sau anulați ciclul blocat: {task}',
  sk: 'Obnovte alebo zrušte zastavený cyklus: {task}',
};

/** The title of a coordinator's stall task in every language, naming the stalled task's title in each. */
export function stallTitles(stalled: LocalizedText | undefined, taskKey: string): LocalizedText {
  return Object.fromEntries(
    Object.entries(stallSentence).map(([locale, sentence]) => [
      locale,
      sentence.replace('{task}', stalled?.[locale] ?? stalled?.en ?? taskKey),
    ]),
  ) as LocalizedText;
}
