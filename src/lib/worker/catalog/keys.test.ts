import { describe, expect, it } from 'vitest';
import { hashAlnum, hashAlnumRange, hashUpc } from './keys';

describe('key hashes read in place', () => {
	it('hash a range of a joined text as the sliced string, non-ASCII included', () => {
		const text = 'xxDS-12/34yyÉbc-9zz0070123';
		expect(hashAlnumRange(text, 2, 10)).toBe(hashAlnum('DS-12/34'));
		expect(hashAlnumRange(text, 2, 10)).toBe(hashAlnum('ds1234'));
		expect(hashAlnumRange(text, 12, 17, 7)).toBe(hashAlnum('Ébc-9', 7));
		expect(hashUpc(text, 19, 26)).toBe(hashUpc('0070123'));
		expect(hashUpc(text, 19, 26)).toBe(hashUpc('70123'));
	});
});
