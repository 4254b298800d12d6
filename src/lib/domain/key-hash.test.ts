import { describe, expect, it } from 'vitest';
import { normaliseMpn } from './catalog';
import { hashAlnum, hashAlnumRange, hashUpc } from './key-hash';
import { normaliseUpc } from './matching';

describe('key hashes read in place', () => {
	it('hash a range of a joined text as the sliced string, non-ASCII included', () => {
		const text = 'xxDS-12/34yyÉbc-9zz0070123';
		expect(hashAlnumRange(text, 2, 10)).toBe(hashAlnum('DS-12/34'));
		expect(hashAlnumRange(text, 2, 10)).toBe(hashAlnum('ds1234'));
		expect(hashAlnumRange(text, 12, 17)).toBe(hashAlnum('Ébc-9'));
		expect(hashUpc(text, 19, 26)).toBe(hashUpc('0070123'));
		expect(hashUpc(text, 19, 26)).toBe(hashUpc('70123'));
	});

	it('give every spelling of one normalised key one hash, and other keys others', () => {
		const spellings = ['ds-12/34', 'DS1234', ' ds 12 34 ', 'Ds.12.34'];
		for (const s of spellings) expect(normaliseMpn(s)).toBe('DS1234');
		expect(new Set(spellings.map(hashAlnum)).size).toBe(1);
		expect(hashAlnum('DS1235')).not.toBe(hashAlnum('DS1234'));
		expect(hashUpc('00-12345')).toBe(hashUpc(normaliseUpc('00-12345')));
		expect(hashUpc('000')).toBe(0);
	});
});
