import type { Plural } from './pl';

/** Polish strings of the organiser console's fair page (roster, people, settings, phases, checklist). */
export const plOrganiser = {
  importHintColumns:
    'Kolumny (po polsku lub po angielsku): podmiot/entity; sektor/sector; miejscowość/town; kontakt/contact; osoba/person; rola/roles. Separator: średnik lub przecinek.',
  importHintSectors:
    'Sektory: publiczny, pozarządowy, biznes, grupa nieformalna, osoba prywatna (lub PUBLIC, NGO, BUSINESS, INFORMAL_GROUP, INDIVIDUAL). Role: uczestnik, animator, notariusz.',
  importHintCharset:
    'Plik prosto z Excela: „CSV UTF-8” albo „CSV (rozdzielany przecinkami)” — polskie litery odczytamy w obu.',
  importPreviewTitle: 'Sprawdź nazwiska przed importem.',
  importReadAs: 'Odczytano jako {charset}.',
  importAllThere: {
    one: 'Wszyscy są już na liście ({n} osoba) — import niczego nie doda.',
    few: 'Wszyscy są już na liście ({n} osoby) — import niczego nie doda.',
    many: 'Wszyscy są już na liście ({n} osób) — import niczego nie doda.',
    other: 'Wszyscy są już na liście ({n} osoby) — import niczego nie doda.',
  },
  importWillCreateEntities: {
    one: 'Nowy: {n} podmiot.',
    few: 'Nowe: {n} podmioty.',
    many: 'Nowych: {n} podmiotów.',
    other: 'Nowych: {n} podmiotu.',
  },
  importWillCreatePeople: {
    one: 'Nowa: {n} osoba.',
    few: 'Nowe: {n} osoby.',
    many: 'Nowych: {n} osób.',
    other: 'Nowych: {n} osoby.',
  },
  importWillSkip: {
    one: '{n} osoba już jest na liście — pominiemy ją.',
    few: '{n} osoby już są na liście — pominiemy je.',
    many: '{n} osób już jest na liście — pominiemy je.',
    other: '{n} osoby już są na liście — pominiemy je.',
  },
  importSkipped: {
    one: 'Pominięto {n} osobę, która już była.',
    few: 'Pominięto {n} osoby, które już były.',
    many: 'Pominięto {n} osób, które już były.',
    other: 'Pominięto {n} osoby, które już były.',
  },
  importInvalidLines: {
    one: '{n} wiersz jest błędny.',
    few: '{n} wiersze są błędne.',
    many: '{n} wierszy jest błędnych.',
    other: '{n} wiersza jest błędnych.',
  },
  importConfirm: 'Tak, importuj',
  importState: 'Co się stanie',
  importStateThere: 'już jest — pominięta',
  importStateNewEntity: 'nowa osoba, nowy podmiot',
  importStateNew: 'nowa osoba',
  importMoreRows: '…i {n} kolejnych wierszy.',

  peopleSearch: 'Szukaj osoby',
  peopleSearchPlaceholder: 'imię, podmiot, rola…',
  peopleNoneFound: 'Nikt nie pasuje do wyszukiwania.',
  rolesChange: 'Zmień',
  rolesOf: 'Role: {name}',
  rolesHint: 'Nowe role działają po ponownym zeskanowaniu identyfikatora.',
  badgeNewLink: 'Nowy link',
  badgeReissue: 'Nowy identyfikator',
  badgeReissueWarning: 'Stary przestanie działać od razu.',
  badgeReissueYes: 'Wydaj nowy',

  addTitle: 'Dodaj ręcznie',
  addPerson: 'Osobę',
  addEntity: 'Podmiot',
  addEntityButton: 'Dodaj podmiot',
  addedEntity: 'Dodano podmiot „{name}”.',
  addPersonOwnEntity: 'osoba prywatna (bez podmiotu)',
  addPersonButton: 'Dodaj osobę',
  addedPerson: 'Dodano: {name}.',

  settingsTitle: 'Ustawienia giełdy',
  settingsClosed: 'Giełda jest zakończona: jej dane i kategorie już się nie zmieniają.',
  editFair: 'Zmień nazwę, miejsce lub datę',
  categoriesTitle: 'Kategorie',
  categoryNamePl: 'Nowa kategoria (po polsku)',
  categoryNameEn: 'Po angielsku (opcjonalnie)',
  categoryExample: 'np. Rękodzieło',
  categoryAdd: 'Dodaj kategorię',
  deleteFairTitle: 'Usuń giełdę',
  deleteFairRule: 'Usunąć można tylko giełdę bez kontraktów — na przykład założoną przez pomyłkę.',
  deleteFair: 'Usuń giełdę…',
  deleteFairConfirm:
    'Usunąć giełdę „{name}” razem z jej uczestnikami i ogłoszeniami? Tego nie da się cofnąć.',
  deleteFairYes: 'Tak, usuń',

  phasePhones: 'Telefony',
  phaseScreen: 'Duży ekran',
  phaseNowPhones_DRAFT: 'Kodem giełdy nie można jeszcze dołączyć; nie można dodawać ogłoszeń ani kontraktów.',
  phaseNowScreen_DRAFT: 'Pokazuje etap „Szkic”; ogłoszeń jeszcze nie ma.',
  phaseNowPhones_REGISTRATION:
    'Można dołączyć kodem lub identyfikatorem, dodawać oferty i potrzeby, widać dopasowania; można proponować i podpisywać kontrakty.',
  phaseNowScreen_REGISTRATION: 'Pokazuje tablicę ogłoszeń, dopasowania i kod QR do dołączenia.',
  phaseNowPhones_LIVE:
    'Wszystko jak w rejestracji, a pierwsze otwarcie identyfikatora lub dołączenie kodem oznacza obecność na sali.',
  phaseNowScreen_LIVE: 'Etap „Giełda trwa”: licznik obecnych, zarejestrowane kontrakty z gongiem.',
  phaseNowPhones_CLOSED:
    'Nie można już dołączyć, dodać ogłoszenia ani proponować i podpisywać kontraktów; zarejestrowane zostają do wglądu.',
  phaseNowScreen_CLOSED: 'Etap „Zakończona” i końcowe liczby.',
  phaseAsk_REGISTRATION: 'Otworzyć rejestrację? Od tej chwili:',
  phaseAsk_LIVE: 'Rozpocząć giełdę? Od tej chwili:',
  phaseAsk_CLOSED: 'Zakończyć giełdę? Od tej chwili:',
  phaseNoUndo:
    'Tego nie da się cofnąć: giełda nie wróci do wcześniejszego etapu, a liczby zamknięcia trafią do raportu.',
  phaseOneWay: 'Giełda nie wraca do wcześniejszego etapu.',

  checklistTitle: 'Co dalej',
  checkDate: 'Sprawdź nazwę, miejsce i datę giełdy.',
  checkDateInPast: 'Data giełdy już minęła — popraw ją w ustawieniach.',
  checkCategories: {
    one: '{n} kategoria ogłoszeń — dodaj brakujące (np. Rękodzieło).',
    few: '{n} kategorie ogłoszeń — dodaj brakujące (np. Rękodzieło).',
    many: '{n} kategorii ogłoszeń — dodaj brakujące (np. Rękodzieło).',
    other: '{n} kategorii ogłoszeń — dodaj brakujące (np. Rękodzieło).',
  },
  checkPeople: 'Dodaj uczestników: import CSV lub ręcznie.',
  checkRoles: 'Wyznacz notariusza i punkt informacyjny (animatora).',
  checkBadges: 'Wydrukuj identyfikatory.',
  checkRegistration: 'Otwórz rejestrację.',
  checkScreen: 'Otwórz duży ekran na sali.',
  checkLive: 'Rozpocznij giełdę.',
  checkClose: 'Zakończ giełdę i pobierz raport.',
  checkDone: 'zrobione:',
  checkTodo: 'do zrobienia:',
} satisfies Record<string, string | Plural>;
