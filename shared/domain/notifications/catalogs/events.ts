import type { Locale } from '../../model/roles.ts';

/**
 * Notices of changes to people's work, in each language. Placeholders: {title}, {due}, {previous},
 * {municipality}, {reason}, {author}.
 */
export interface EventCatalog {
  'deadline-extended': string;
  'deadline-shortened': string;
  'task-withdrawn': string;
  'cycle-cancelled': string;
  'cycle-stalled': string;
  'cycle-resumed': string;
  'cycle-abandoned': string;
  /** A person was mentioned in a comment ({author}: who wrote it). */
  mentioned: string;
}
/** A kind of notice. */
export type EventKind = keyof EventCatalog;

export const eventCatalogs: Record<Locale, EventCatalog> = {
  en: {
    'deadline-extended': 'New deadline: "{title}" is now due {due} (was {previous}).',
    'deadline-shortened': 'Earlier deadline: "{title}" is now due {due} (was {previous}).',
    'task-withdrawn': 'No longer needed: "{title}" ({reason}).',
    'cycle-cancelled': 'The planning cycle of {municipality} was cancelled: {reason}.',
    'cycle-stalled':
      'The planning cycle of {municipality} has stalled on "{title}": the coordinator decides how to go on.',
    'cycle-resumed': 'The planning cycle of {municipality} goes on: "{title}" is due {due}.',
    'cycle-abandoned': 'The planning cycle of {municipality} was abandoned: nobody resumed it in time.',
    mentioned: '{author} mentioned you in a comment on "{title}".',
  },
  bg: {
    'deadline-extended': 'Нов срок: „{title}“ вече е със срок {due} (беше {previous}).',
    'deadline-shortened': 'По-ранен срок: „{title}“ вече е със срок {due} (беше {previous}).',
    'task-withdrawn': 'Вече не е нужно: „{title}“ ({reason}).',
    'cycle-cancelled': 'Цикълът на планиране на {municipality} беше прекратен: {reason}.',
    'cycle-stalled':
      'Цикълът на планиране на {municipality} спря на „{title}“: координаторът решава как да продължи.',
    'cycle-resumed': 'Цикълът на планиране на {municipality} продължава: „{title}“ е със срок {due}.',
    'cycle-abandoned':
      'Цикълът на планиране на {municipality} беше изоставен: никой не го възобнови навреме.',
    mentioned: '{author} ви спомена в коментар към „{title}“.',
  },
  hu: {
    'deadline-extended': 'Új határidő: „{title}” határideje most {due} (korábban {previous}).',
    'deadline-shortened': 'Korábbi határidő: „{title}” határideje most {due} (korábban {previous}).',
    'task-withdrawn': 'Már nem szükséges: „{title}” ({reason}).',
    'cycle-cancelled': '{municipality} tervezési ciklusát törölték: {reason}.',
    'cycle-stalled':
      '{municipality} tervezési ciklusa elakadt ennél: „{title}”; a koordinátor dönt a folytatásról.',
    'cycle-resumed': '{municipality} tervezési ciklusa folytatódik: „{title}” határideje {due}.',
    'cycle-abandoned': '{municipality} tervezési ciklusa megszakadt: senki sem folytatta időben.',
    mentioned: '{author} megemlítette Önt egy hozzászólásban: „{title}”.',
  },
  it: {
    'deadline-extended': 'Nuova scadenza: «{title}» ora scade il {due} (era il {previous}).',
    'deadline-shortened': 'Scadenza anticipata: «{title}» ora scade il {due} (era il {previous}).',
    'task-withdrawn': 'Non più necessario: «{title}» ({reason}).',
    'cycle-cancelled': 'Il ciclo di pianificazione di {municipality} è stato annullato: {reason}.',
    'cycle-stalled':
      'Il ciclo di pianificazione di {municipality} è fermo su «{title}»: il coordinatore decide come proseguire.',
    'cycle-resumed': 'Il ciclo di pianificazione di {municipality} riprende: «{title}» scade il {due}.',
    'cycle-abandoned':
      'Il ciclo di pianificazione di {municipality} è stato abbandonato: nessuno l’ha ripreso in tempo.',
    mentioned: '{author} ti ha menzionato in un commento su «{title}».',
  },
  ro: {
    'deadline-extended': 'Termen nou: „{title}” are acum termen {due} (era {previous}).',
    'deadline-shortened': 'Termen mai devreme: „{title}” are acum termen {due} (era {previous}).',
    'task-withdrawn': 'Nu mai este necesar: „{title}” ({reason}).',
    'cycle-cancelled': 'Ciclul de planificare din {municipality} a fost anulat: {reason}.',
    'cycle-stalled':
      'Ciclul de planificare din {municipality} s-a blocat la „{title}”: coordonatorul decide cum se continuă.',
    'cycle-resumed': 'Ciclul de planificare din {municipality} continuă: „{title}” are termen {due}.',
    'cycle-abandoned':
      'Ciclul de planificare din {municipality} a fost abandonat: nimeni nu l-a reluat la timp.',
    mentioned: '{author} v-a menționat într-un comentariu la „{title}”.',
  },
  sk: {
    'deadline-extended': 'Nový termín: „{title}“ má teraz termín {due} (predtým {previous}).',
    'deadline-shortened': 'Skorší termín: „{title}“ má teraz termín {due} (predtým {previous}).',
    'task-withdrawn': 'Už netreba: „{title}“ ({reason}).',
    'cycle-cancelled': 'Plánovací cyklus obce {municipality} bol zrušený: {reason}.',
    'cycle-stalled':
      'Plánovací cyklus obce {municipality} sa zastavil pri „{title}“: koordinátor rozhodne, ako pokračovať.',
    'cycle-resumed': 'Plánovací cyklus obce {municipality} pokračuje: „{title}“ má termín {due}.',
    'cycle-abandoned': 'Plánovací cyklus obce {municipality} bol opustený: nikto ho včas neobnovil.',
    mentioned: '{author} vás spomenul(a) v komentári k úlohe „{title}“.',
  },
};
