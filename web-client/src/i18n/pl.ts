import type { plMore } from './pl-more';

/**
 * Polish UI strings (primary language). Placeholders: {name}. Plural entries use
 * Intl.PluralRules('pl') categories.
 *
 * This file holds the strings of the phone's first screen (the board), which load with it; all
 * other Polish strings are in pl-more.ts, loaded with the first lazy screen (i18n/index.tsx,
 * ui/lazy.tsx). strings.test.ts checks that every key the first screen's files name is here.
 */
export interface Plural {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

export const pl = {
  appName: 'Giełda Zasobów',
  skipToContent: 'Przejdź do treści',
  langToggle: 'EN',
  // Starts with the visible text, so the name a voice user says matches what they see.
  langToggleLabel: 'EN — Switch to English',
  loading: 'Ładowanie…',
  retry: 'Spróbuj ponownie',
  cancel: 'Anuluj',
  notFoundTitle: 'Nie ma takiej strony',
  notFoundBody: 'Sprawdź adres albo wróć na stronę główną.',
  goHome: 'Strona główna',
  networkError: 'Brak połączenia z serwerem. Sprawdź Wi‑Fi i spróbuj ponownie.',
  unknownError: 'Coś poszło nie tak.',
  sessionExpired: 'Sesja wygasła. Zaloguj się ponownie.',
  landingTitle: 'Giełda Zasobów',
  landingLead: 'Wymieniamy się zasobami bez pieniędzy: salami, czasem wolontariuszy, sprzętem, wiedzą.',
  landingJoinTitle: 'Dołącz do giełdy',
  landingJoinHint: 'Wpisz kod z plakatu lub zeskanuj kod QR ze swojego identyfikatora.',
  joinCode: 'Kod giełdy',
  joinButton: 'Dołącz',
  landingOrganiser: 'Jestem organizatorem',
  landingResume: 'Wróć do swojej giełdy',

  phase_DRAFT: 'Szkic',
  phase_REGISTRATION: 'Rejestracja',
  phase_LIVE: 'Giełda trwa',
  phase_CLOSED: 'Zakończona',
  sector: 'Sektor',
  people: { one: '{n} osoba', few: '{n} osoby', many: '{n} osób', other: '{n} osoby' },
  entities: { one: '{n} podmiot', few: '{n} podmioty', many: '{n} podmiotów', other: '{n} podmiotu' },
  contracts: { one: '{n} kontrakt', few: '{n} kontrakty', many: '{n} kontraktów', other: '{n} kontraktu' },
  offers: { one: '{n} oferta', few: '{n} oferty', many: '{n} ofert', other: '{n} oferty' },
  requests: { one: '{n} potrzeba', few: '{n} potrzeby', many: '{n} potrzeb', other: '{n} potrzeby' },

  sector_PUBLIC: 'publiczny',
  sector_NGO: 'pozarządowy',
  sector_BUSINESS: 'biznes',
  sector_INFORMAL_GROUP: 'grupa nieformalna',
  sector_INDIVIDUAL: 'osoba prywatna',

  badgeSigningIn: 'Loguję identyfikatorem…',
  badgeInvalid: 'Ten identyfikator jest nieważny. Poproś o nowy w punkcie informacyjnym.',

  joinTitle: 'Dołącz do giełdy',
  tabOffers: 'Oferty',
  tabRequests: 'Potrzeby',
  tabMine: 'Moje',
  boardEmptyOffers: 'Nie ma jeszcze ofert.',
  boardEmptyRequests: 'Nie ma jeszcze potrzeb.',
  boardEmptyMine: 'Nie masz jeszcze żadnych ofert ani potrzeb.',
  live: 'Na żywo',
  reconnecting: 'Łączę ponownie…',
  offline: 'Bez połączenia',
  connLive: 'Połączono',
  connConnecting: 'Łączenie…',
  connOffline: 'Offline',
  connForbidden: 'Sesja wygasła — zeskanuj identyfikator ponownie',
  queued: {
    one: '{n} akcja czeka',
    few: '{n} akcje czekają',
    many: '{n} akcji czeka',
    other: '{n} akcji czeka',
  },
  tabsLabel: 'Tablica',
  boardAsOf: 'tablica z {time}',
  updateAvailable: 'Jest nowa wersja aplikacji.',
  updateApply: 'Odśwież',
  scan: 'Skanuj kod',
  scanLabel: 'Skanuj kod QR aparatem',
  scanTitle: 'Skanuj kod QR',
  searchLabel: 'Szukaj',
  searchPlaceholder: 'Szukaj: sala, transport, Tczew…',
  allCategories: 'Wszystkie',
  categoriesLabel: 'Kategorie',
  noMatches: 'Nic nie pasuje. Zmień kategorię lub wyszukiwanie.',
  addPost: 'Dodaj',
  addPostLabel: 'Dodaj ofertę lub potrzebę',
  kindOFFER: 'Oferta',
  kindREQUEST: 'Potrzeba',
  kindOfferVerb: 'Oferuję',
  kindRequestVerb: 'Potrzebuję',
  postedOk: 'Opublikowano.',
  savedOk: 'Zapisano zmiany.',
  withdrawnOk: 'Wycofano.',
  postedQueued: 'Zapisane w telefonie. Wyślemy, gdy wróci połączenie.',
  queueSent: 'Wysłano wszystko, co czekało w telefonie.',
  pendingSend: 'Czeka na wysłanie',
  pendingSending: 'Wysyłanie…',
  pendingUpdate: 'Zmiana czeka na wysłanie',
  pendingWithdraw: 'Wycofanie czeka na wysłanie',
  edit: 'Edytuj',
  withdraw: 'Wycofaj',
  withdrawConfirm: 'Na pewno wycofać?',
  withdrawYes: 'Tak, wycofaj',
  cancelQueued: 'Nie wysyłaj',
  failedTitle: 'Nie udało się wysłać',
  failedStale: 'Ktoś zmienił to ogłoszenie w międzyczasie. Otwórz je i popraw jeszcze raz.',
  failedForbidden: 'Nie masz uprawnień do tej zmiany.',
  failedClosed: 'Giełda nie przyjmuje teraz ogłoszeń.',
  dismiss: 'OK, usuń z listy',
  fixAndSend: 'Popraw i wyślij',
  notFoundPost: 'Tego ogłoszenia już nie ma.',
  cannotChangeSent: 'To ogłoszenie jest już wysyłane — zmień je, gdy się pojawi.',

  backToBoard: 'Tablica',

  tabMatches: 'Dopasowania',
  matchesEmpty: 'Nie masz jeszcze ofert ani potrzeb — dodaj coś, a pokażemy, kto pasuje.',
  proposeSwap: 'Zaproponuj wymianę',
  newMatchToast: 'Nowe dopasowanie: {title}',
  newMatchOpen: 'Zobacz',
  consoleTitle: 'Konsola notariusza',
  helpDeskTitle: 'Punkt informacyjny',
  postHiddenMine: 'Twoje ogłoszenie ukrył moderator — nie widać go na tablicy.',
  postHiddenSee: 'Zobacz dlaczego',
  postHiddenReason: 'Powód: {reason}',
  whoseBadge: '{name} · {entity}',
  whoseBadgeLabel: 'Zalogowano identyfikatorem',
  proposalToast: 'Nowa propozycja kontraktu czeka na Twój podpis',
  proposalOpen: 'Otwórz',
  contractsWaitingLabel: 'czeka na Twój podpis',
  tabContracts: 'Kontrakty',
  newContract: 'Nowy kontrakt',
} satisfies Record<string, string | Plural>;

type All = typeof pl & typeof plMore;
export type MessageKey = keyof All;
export type PluralKey = { [K in MessageKey]: All[K] extends string ? never : K }[MessageKey];
export type TextKey = Exclude<MessageKey, PluralKey>;
export type Messages = { [K in MessageKey]: All[K] extends string ? string : Plural };
