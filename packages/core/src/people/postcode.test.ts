import { describe, expect, it } from 'vitest';
import { normalisePostcode } from './postcode.js';

describe('UK postcodes', () => {
  it('normalises case and spacing', () => {
    expect(normalisePostcode('cr0 1ab')).toBe('CR0 1AB');
    expect(normalisePostcode(' CR01AB ')).toBe('CR0 1AB');
    expect(normalisePostcode('se25  4xy')).toBe('SE25 4XY');
    expect(normalisePostcode('W1A 1AA')).toBe('W1A 1AA');
    expect(normalisePostcode('EC1A 1BB')).toBe('EC1A 1BB');
  });

  it('refuses what is not a postcode', () => {
    for (const p of ['NOT A CODE', 'CR0', '12345', 'CR0 1A', '']) expect(normalisePostcode(p)).toBeUndefined();
  });
});
