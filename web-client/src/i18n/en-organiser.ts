import type { Plural } from './pl';
import type { plOrganiser } from './pl-organiser';

/** English strings of the organiser console's fair page (see pl-organiser.ts). */
export const enOrganiser: {
  [K in keyof typeof plOrganiser]: (typeof plOrganiser)[K] extends string ? string : Plural;
} = {
  importHintColumns:
    'Columns (Polish or English): podmiot/entity; sektor/sector; miejscowość/town; kontakt/contact; osoba/person; rola/roles. Separator: semicolon or comma.',
  importHintSectors:
    'Sectors: PUBLIC, NGO, BUSINESS, INFORMAL_GROUP, INDIVIDUAL (or publiczny, pozarządowy, biznes, grupa nieformalna, osoba prywatna). Roles: participant, animator, notary.',
  importHintCharset:
    'A file straight from Excel: “CSV UTF-8” or “CSV (comma delimited)” — Polish letters are read from both.',
  importPreviewTitle: 'Check the names before importing.',
  importReadAs: 'Read as {charset}.',
  importAllThere: {
    one: 'Everyone is on the list already ({n} person) — the import adds nothing.',
    other: 'Everyone is on the list already ({n} people) — the import adds nothing.',
  },
  importWillCreateEntities: { one: 'New: {n} entity.', other: 'New: {n} entities.' },
  importWillCreatePeople: { one: 'New: {n} person.', other: 'New: {n} people.' },
  importWillSkip: {
    one: '{n} person is on the list already — skipped.',
    other: '{n} people are on the list already — skipped.',
  },
  importSkipped: { one: 'Skipped {n} person already there.', other: 'Skipped {n} people already there.' },
  importInvalidLines: { one: '{n} row is invalid.', other: '{n} rows are invalid.' },
  importConfirm: 'Yes, import',
  importState: 'What happens',
  importStateThere: 'already there — skipped',
  importStateNewEntity: 'new person, new entity',
  importStateNew: 'new person',
  importMoreRows: '…and {n} more rows.',

  peopleSearch: 'Search people',
  peopleSearchPlaceholder: 'name, entity, role…',
  peopleNoneFound: 'Nobody matches the search.',
  rolesChange: 'Change',
  rolesOf: 'Roles: {name}',
  rolesHint: 'New roles work once the badge is scanned again.',
  badgeNewLink: 'New link',
  badgeReissue: 'New badge',
  badgeReissueWarning: 'The old one stops working at once.',
  badgeReissueYes: 'Issue a new one',

  addTitle: 'Add by hand',
  addPerson: 'Person',
  addEntity: 'Entity',
  addEntityButton: 'Add entity',
  addedEntity: 'Added the entity “{name}”.',
  addPersonOwnEntity: 'individual (no entity)',
  addPersonButton: 'Add person',
  addedPerson: 'Added: {name}.',

  settingsTitle: 'Fair settings',
  settingsClosed: 'The fair is closed: its details and categories no longer change.',
  editFair: 'Change the name, place or date',
  categoriesTitle: 'Categories',
  categoryNamePl: 'New category (Polish)',
  categoryNameEn: 'English (optional)',
  categoryExample: 'e.g. Rękodzieło',
  categoryAdd: 'Add category',
  deleteFairTitle: 'Delete the fair',
  deleteFairRule: 'Only a fair without contracts can be deleted — one created by mistake, for example.',
  deleteFair: 'Delete the fair…',
  deleteFairConfirm: 'Delete the fair “{name}” with its people and posts? This cannot be undone.',
  deleteFairYes: 'Yes, delete',

  phasePhones: 'Phones',
  phaseScreen: 'Big screen',
  phaseNowPhones_DRAFT: 'Nobody can join with the fair code yet; no posts or contracts.',
  phaseNowScreen_DRAFT: 'Shows the phase “Draft”; no posts yet.',
  phaseNowPhones_REGISTRATION:
    'People join with the code or their badge, post offers and requests, see matches, propose and sign contracts.',
  phaseNowScreen_REGISTRATION: 'Shows the board, matches and the QR code to join.',
  phaseNowPhones_LIVE:
    'As in registration, and the first badge scan or join marks a person present in the hall.',
  phaseNowScreen_LIVE: 'Phase “Fair is on”: who is present, registered contracts with a gong.',
  phaseNowPhones_CLOSED:
    'Nobody can join, post, propose or sign any more; registered contracts stay visible.',
  phaseNowScreen_CLOSED: 'Phase “Closed” and the final figures.',
  phaseAsk_REGISTRATION: 'Open registration? From now on:',
  phaseAsk_LIVE: 'Start the fair? From now on:',
  phaseAsk_CLOSED: 'Close the fair? From now on:',
  phaseNoUndo: 'This cannot be undone: the fair never goes back, and the closing figures go into the report.',
  phaseOneWay: 'A fair never goes back to an earlier phase.',

  checklistTitle: 'What next',
  checkDate: 'Check the fair’s name, place and date.',
  checkDateInPast: 'The fair’s date has passed — correct it in the settings.',
  checkCategories: {
    one: '{n} post category — add what is missing (e.g. Rękodzieło).',
    other: '{n} post categories — add what is missing (e.g. Rękodzieło).',
  },
  checkPeople: 'Add participants: CSV import or by hand.',
  checkRoles: 'Name a notary and a help desk (animator).',
  checkBadges: 'Print the badges.',
  checkRegistration: 'Open registration.',
  checkScreen: 'Open the big screen in the hall.',
  checkLive: 'Start the fair.',
  checkClose: 'Close the fair and download the report.',
  checkDone: 'done:',
  checkTodo: 'to do:',
};
