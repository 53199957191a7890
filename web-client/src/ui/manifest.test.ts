import { describe, expect, it } from 'vitest';
import { manifestFor } from './manifest';

describe('the manifest a page links', () => {
  it("is the fair's own on its pages", () => {
    expect(manifestFor('/f/7')).toBe('/f/7/manifest.webmanifest');
    expect(manifestFor('/f/7/')).toBe('/f/7/manifest.webmanifest');
    expect(manifestFor('/f/12/contracts/3')).toBe('/f/12/manifest.webmanifest');
  });
  it('is the generic one elsewhere', () => {
    for (const p of ['/', '/join/ABC123', '/b/token', '/notary', '/organiser/fairs/7', '/f/x'])
      expect(manifestFor(p)).toBe('/manifest.webmanifest');
  });
});
