import { describe, expect, it } from 'vitest';
import { interpret, partnerOf } from './interpret';

const token = 'aB3_dE6-gH9iJ2kL5mN8oP1qR4sT7uV';

describe('interpret', () => {
  it('reads partner, sign-in, join and contract links whatever their host', () => {
    expect(interpret('https://gielda.tczew.pl/p/K7QX2M')).toEqual({ kind: 'partner', code: 'K7QX2M' });
    expect(interpret(`https://gielda.tczew.pl/b#${token}`)).toEqual({ kind: 'signIn', secret: token });
    expect(interpret(' http://127.0.0.1:8080/join/K7QX2M ')).toEqual({ kind: 'join', code: 'K7QX2M' });
    expect(interpret('http://localhost:8080/f/12/contracts/345')).toEqual({
      kind: 'contract',
      fairId: 12,
      contractId: 345,
    });
  });

  it('reads an old badge, which is both its owner’s sign-in and their partner code', () => {
    expect(interpret(`https://gielda.tczew.pl/b/${token}`)).toEqual({ kind: 'legacyBadge', token });
    expect(partnerOf(interpret(`https://gielda.tczew.pl/b/${token}`))).toBe(token);
  });

  it('never offers a sign-in secret as a partner code', () => {
    expect(partnerOf(interpret(`https://gielda.tczew.pl/b#${token}`))).toBeNull();
    expect(partnerOf(interpret('http://x/join/K7QX2M'))).toBeNull();
  });

  it('reads a typed short code or an old badge code', () => {
    expect(interpret('k7qx 2m')).toEqual({ kind: 'code', code: 'K7QX2M' });
    expect(interpret('k7q-x2m')).toEqual({ kind: 'code', code: 'K7QX2M' });
    expect(interpret(token)).toEqual({ kind: 'legacyBadge', token });
  });

  it('says unknown for anything else', () => {
    expect(interpret('https://example.org/')).toEqual({ kind: 'unknown', text: 'https://example.org/' });
    expect(interpret('http://x/f/1/contracts/abc').kind).toBe('unknown');
    expect(interpret('http://x/b/short').kind).toBe('unknown');
    expect(interpret('http://x/b#short').kind).toBe('unknown');
    expect(interpret('http://x/p/O0I1').kind).toBe('unknown');
    expect(interpret('javascript:alert(1)').kind).toBe('unknown');
    expect(interpret('Zapłać 200 zł').kind).toBe('unknown');
  });
});
