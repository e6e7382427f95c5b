import type { Locale } from '../../model/roles.ts';

/**
 * Messages about people rather than tasks: sign-in codes, invitations, notices that an entry was made on
 * someone's behalf. Placeholders: {code}, {minutes}, {days}, {link}, {municipality}, {role}, {by}, {task}.
 * `assistedEntry` says first how long there is to object: an SMS that must be shortened loses its end, and its
 * link travels beside the sentence, whole.
 */
export interface PeopleCatalog {
  signInSubject: string;
  signInCode: string;
  invitationSubject: string;
  invitation: string;
  /** An invitation where the sign-in service sends the code at each sign-in (Cognito on AWS): no code in it. */
  invitationWithoutCode: string;
  roles: { coordinator: string; municipality: string; cag: string };
  assistedEntry: string;
}

export const peopleCatalogs: Record<Locale, PeopleCatalog> = {
  en: {
    signInSubject: 'Your ROMACT sign-in code',
    signInCode:
      'Your ROMACT sign-in code is {code}. It is valid for {minutes} minutes. If you did not ask for it, ignore this message.',
    invitationSubject: 'You are invited to ROMACT',
    invitation:
      'You are invited to ROMACT as {role} ({municipality}). Open {link} and sign in with this address; your code is {code} (valid {days} days).',
    invitationWithoutCode:
      'You are invited to ROMACT as {role} ({municipality}). Open {link} and sign in with this address: a code is sent to it when you do.',
    roles: {
      coordinator: 'programme coordinator',
      municipality: 'municipal staff',
      cag: 'Community Action Group member',
    },
    assistedEntry: 'You have {days} days to object: {by} recorded "{task}" on your behalf ({municipality}).',
  },
  bg: {
    signInSubject: 'Вашият код за вход в ROMACT',
    signInCode:
      'Вашият код за вход в ROMACT е {code}. Валиден е {minutes} минути. Ако не сте го поискали, не обръщайте внимание.',
    invitationSubject: 'Поканени сте в ROMACT',
    invitation:
      'Поканени сте в ROMACT като {role} ({municipality}). Отворете {link} и влезте с този адрес; кодът ви е {code} (валиден {days} дни).',
    invitationWithoutCode:
      'Поканени сте в ROMACT като {role} ({municipality}). Отворете {link} и влезте с този адрес: при влизане на него ще получите код.',
    roles: {
      coordinator: 'координатор на програмата',
      municipality: 'служител на общината',
      cag: 'член на Групата за действие на общността',
    },
    assistedEntry: 'Имате {days} дни да възразите: {by} въведе от ваше име „{task}“ ({municipality}).',
  },
  hu: {
    signInSubject: 'ROMACT belépési kódja',
    signInCode:
      'A ROMACT belépési kódja: {code}. {minutes} percig érvényes. Ha nem Ön kérte, hagyja figyelmen kívül.',
    invitationSubject: 'Meghívás a ROMACT-ba',
    invitation:
      'Meghívást kapott a ROMACT-ba: {role} ({municipality}). Nyissa meg: {link}, és lépjen be ezzel a címmel; kódja: {code} ({days} napig érvényes).',
    invitationWithoutCode:
      'Meghívást kapott a ROMACT-ba: {role} ({municipality}). Nyissa meg: {link}, és lépjen be ezzel a címmel: belépéskor kódot küldünk rá.',
    roles: {
      coordinator: 'programkoordinátor',
      municipality: 'önkormányzati munkatárs',
      cag: 'a Közösségi Akciócsoport tagja',
    },
    assistedEntry: '{days} napja van tiltakozni: {by} az Ön nevében rögzítette: „{task}” ({municipality}).',
  },
  it: {
    signInSubject: 'Il tuo codice di accesso a ROMACT',
    signInCode:
      'Il tuo codice di accesso a ROMACT è {code}. È valido {minutes} minuti. Se non l’hai richiesto, ignora questo messaggio.',
    invitationSubject: 'Sei invitato in ROMACT',
    invitation:
      'Sei invitato in ROMACT come {role} ({municipality}). Apri {link} e accedi con questo indirizzo; il tuo codice è {code} (valido {days} giorni).',
    invitationWithoutCode:
      'Sei invitato in ROMACT come {role} ({municipality}). Apri {link} e accedi con questo indirizzo: quando accedi ti inviamo un codice.',
    roles: {
      coordinator: 'coordinatore del programma',
      municipality: 'personale del comune',
      cag: 'membro del Gruppo di azione comunitaria',
    },
    assistedEntry: 'Hai {days} giorni per opporti: {by} ha registrato a tuo nome «{task}» ({municipality}).',
  },
  ro: {
    signInSubject: 'Codul dvs. de conectare ROMACT',
    signInCode:
      'Codul dvs. de conectare ROMACT este {code}. Este valabil {minutes} minute. Dacă nu l-ați cerut, ignorați acest mesaj.',
    invitationSubject: 'Sunteți invitat în ROMACT',
    invitation:
      'Sunteți invitat în ROMACT ca {role} ({municipality}). Deschideți {link} și conectați-vă cu această adresă; codul dvs. este {code} (valabil {days} zile).',
    invitationWithoutCode:
      'Sunteți invitat în ROMACT ca {role} ({municipality}). Deschideți {link} și conectați-vă cu această adresă: la conectare primiți un cod pe ea.',
    roles: {
      coordinator: 'coordonator de program',
      municipality: 'personal al primăriei',
      cag: 'membru al Grupului de acțiune comunitară',
    },
    assistedEntry:
      'Aveți {days} zile să vă opuneți: {by} a înregistrat în numele dvs. „{task}” ({municipality}).',
  },
  sk: {
    signInSubject: 'Váš prihlasovací kód do ROMACT',
    signInCode:
      'Váš prihlasovací kód do ROMACT je {code}. Platí {minutes} minút. Ak ste oň nežiadali, správu ignorujte.',
    invitationSubject: 'Pozvánka do ROMACT',
    invitation:
      'Ste pozvaný do ROMACT ako {role} ({municipality}). Otvorte {link} a prihláste sa touto adresou; váš kód je {code} (platí {days} dní).',
    invitationWithoutCode:
      'Ste pozvaný do ROMACT ako {role} ({municipality}). Otvorte {link} a prihláste sa touto adresou: pri prihlásení vám naň pošleme kód.',
    roles: {
      coordinator: 'koordinátor programu',
      municipality: 'zamestnanec obce',
      cag: 'člen Komunitnej akčnej skupiny',
    },
    assistedEntry: 'Máte {days} dní na námietku: {by} zaznamenal vo vašom mene „{task}“ ({municipality}).',
  },
};

/** Fills a catalogue sentence. */
export function fillPeople(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
}
