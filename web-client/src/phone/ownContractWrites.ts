/**
 * Contracts this phone itself is proposing or changing: their board events must not pop up as
 * "a new proposal for you". The event can arrive before the POST's answer, so a write in flight
 * also counts (for a few seconds).
 */
const mine = new Set<number>();
let inFlightUntil = 0;

export function writingContract(): void {
  inFlightUntil = Date.now() + 15_000;
}

export function wroteContract(id: number | undefined): void {
  if (typeof id === 'number') mine.add(id);
  inFlightUntil = 0;
}

export function isOwnContractWrite(id: number): boolean {
  return mine.has(id) || Date.now() < inFlightUntil;
}
