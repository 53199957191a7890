/**
 * Words that mean the same thing on a resource-exchange fair's board, Polish and English, for the
 * board search (ui/search.ts). Plain data, loaded lazily on the first search so it costs nothing
 * on the phone's first screen.
 *
 * Format: one string per group of words with the same meaning; members separated by commas; a
 * member may be a phrase of up to three words ("strona internetowa"). Write each word in its
 * dictionary form: the search stems inflected forms itself (sala/salę/sali/salach, rzutnik/rzutniki,
 * projectors). Add a form only when the stemmer cannot join it (vowel changes and fleeting vowels:
 * "namiocie", "krzeseł", "poczęstunku", "ulotek"). Case and diacritics do not matter.
 *
 * Keep groups tight: a word that is in a group is searched by meaning only (no longer as a piece of
 * a longer word), and every word of a group finds every other. Leave out words with a second common
 * sense that would bring unrelated posts ("kolumna", "coach", "speaker", "magazyn", "IT", "course", "audio" → Audi).
 * Written from what such fairs exchange (rooms, equipment, hands, knowledge, means), not from any
 * labelled set's posts.
 */
export const SYNONYM_GROUPS: readonly string[] = [
  // rooms and venues
  'sala, salka, pomieszczenie, lokal, aula, świetlica, room, hall, venue, meeting room',
  // projection
  'rzutnik, projektor, ekran, ekran projekcyjny, projector, projection screen, beamer',
  // sound system
  'nagłośnienie, głośnik, mikrofon, wzmacniacz, sound system, loudspeaker, microphone, mic, amplifier',
  // passenger transport
  'transport, przewóz, przewozić, dowóz, podwózka, bus, busik, autobus, autokar, minibus, van, shuttle',
  // food
  'catering, poczęstunek, poczęstunku, posiłek, posiłku, wyżywienie, jedzenie, food, meal, refreshments',
  // volunteer hands
  'wolontariusz, wolontariuszka, wolontariat, ochotnik, ochotniczka, volunteer, volunteering, helper',
  // promotion
  'promocja, reklama, plakat, ulotka, ulotek, media społecznościowe, social media, promotion, advertising, poster, flyer, leaflet',
  // IT help and websites
  'informatyk, informatyczny, pomoc informatyczna, strona internetowa, strona www, www, website, webpage, web page, tech support',
  // computers
  'komputer, laptop, computer',
  // training and workshops
  'szkolenie, warsztat, kurs, training, workshop',
  // talks
  'wykład, prelekcja, lecture',
  // tents
  'namiot, namiocie, pawilon, tent, gazebo, marquee',
  // tables
  'stół, stolik, table',
  // seating
  'krzesło, krzeseł, ławka, chair, bench, seat',
  // printing
  'druk, drukowanie, drukarka, ksero, kserokopia, printing, printer, print, photocopy',
  // photos and film
  'fotograf, fotografia, zdjęcie, sesja zdjęciowa, photographer, photography, photo',
  // translation
  'tłumacz, tłumaczenie, translator, interpreter, translation',
  // accounting
  'księgowość, accounting, accountant, bookkeeping',
  // legal advice
  'prawnik, porada prawna, pomoc prawna, lawyer, legal advice',
  // performances
  'koncert, występ, przedstawienie, concert, performance',
  // English as a language
  'angielski, język angielski, English',
];
