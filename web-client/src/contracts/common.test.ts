import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem';
import { initialState, reduce } from '../realtime/protocol';
import {
  contractProblemKey,
  contractTick,
  emptyItem,
  itemInput,
  itemInvalid,
  phraseOnce,
  shortHash,
} from './common';

const problem = (type: string, status = 409) => new ApiProblem({ status, title: 'Conflict', type });

describe('contracts', () => {
  it('tells problems apart by their type, not by the status', () => {
    expect(contractProblemKey(problem('urn:gielda:problem:stale-version'))).toBe('contractStale');
    expect(contractProblemKey(problem('urn:gielda:problem:fair-not-open'))).toBe('fairNotOpen');
    expect(contractProblemKey(problem('urn:gielda:problem:contract-registered'))).toBe('contractClosed');
    expect(contractProblemKey(problem('urn:gielda:problem:validation', 400))).toBeNull();
    expect(contractProblemKey(new Error('x'))).toBeNull();
  });

  it('shows the content hash short, in groups of four', () => {
    expect(shortHash('8e598ef094c4aa0000000000000000000000000000000000000000000000beef')).toBe(
      '8E59 8EF0 94C4',
    );
    expect(shortHash(undefined)).toBe('');
  });

  it('builds items with Polish decimals and refuses incomplete ones', () => {
    const d = { ...emptyItem(1, 2, 'ROOMS'), description: 'sala', valuePln: '99,50', hours: '' };
    expect(itemInput(d)).toEqual({
      fromEntityId: 1,
      toEntityId: 2,
      category: 'ROOMS',
      description: 'sala',
      valuePln: 99.5,
    });
    expect(itemInput(d, (x) => x - 1)).toMatchObject({ fromParty: 0, toParty: 1 });
    expect(itemInvalid(d)).toBe(false);
    expect(itemInvalid({ ...d, valuePln: '12zł' })).toBe(true);
    expect(itemInvalid({ ...d, to: 1 })).toBe(true);
    expect(itemInvalid({ ...d, description: 's' })).toBe(true);
  });

  it('changes a contract tick only for events about that contract', () => {
    let s = reduce(initialState(), {
      type: 'snapshot',
      fairId: 1,
      epoch: 'e',
      seq: 1,
      posts: [],
    }).state;
    const before = contractTick(s, 7);
    s = reduce(s, {
      type: 'event',
      fairId: 1,
      seq: 2,
      event: { kind: 'contract.signed', contractId: 8 },
    }).state;
    expect(contractTick(s, 7)).toBe(before);
    s = reduce(s, {
      type: 'event',
      fairId: 1,
      seq: 3,
      event: { kind: 'contract.signed', contractId: 7 },
    }).state;
    expect(contractTick(s, 7)).not.toBe(before);
  });
});

describe('phraseOnce', () => {
  it('names a money phrase once when the reason repeats it', () => {
    expect(phraseOnce('„przelew 200 zł”: Wzmianka o pieniądzach: „przelew 200 zł”')).toBe(
      'Wzmianka o pieniądzach: „przelew 200 zł”',
    );
    expect(phraseOnce('"cash": Mentions money: "cash"')).toBe('Mentions money: "cash"');
  });
  it('keeps a reason that does not repeat the phrase', () => {
    expect(phraseOnce('„faktura”: Wzmianka o dokumentach')).toBe('„faktura”: Wzmianka o dokumentach');
    expect(phraseOnce('Brak szacunkowej wartości')).toBe('Brak szacunkowej wartości');
  });
});
