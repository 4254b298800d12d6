import { describe, expect, it } from 'vitest';
import { Address } from './address';
import { shipToProblem, shipToSummary } from './ship-to';

const base = { name: 'Ann Lee', line1: '1 Main St', city: 'Boston' };
const parse = (over: Record<string, string | undefined>) => Address.safeParse({ ...base, ...over });
const firstIssue = (over: Record<string, string | undefined>) => {
	const result = parse(over);
	return result.success
		? null
		: `${result.error.issues[0]?.path.join('.')} ${result.error.issues[0]?.message}`;
};

describe('addresses as the stores write them', () => {
	it.each([
		["'02108", '02108'],
		[' 02108 ', '02108'],
		["' 02108-1234", '02108-1234'],
		['02108', '02108']
	])('a US ZIP written %j reads %j', (zip, clean) => {
		expect(parse({ state: 'MA', postalCode: zip, country: 'US' })).toMatchObject({
			success: true,
			data: { postalCode: clean }
		});
	});

	it.each([
		['US', 'US'],
		['United States', 'US'],
		['usa', 'US'],
		['CA', 'CA'],
		['Canada', 'CA'],
		[undefined, 'US']
	])('the country %j reads %j', (country, code) => {
		const isCanada = code === 'CA';
		const result = parse({
			state: isCanada ? 'ON' : 'MA',
			postalCode: isCanada ? 'M5V 3L9' : '02108',
			country
		});
		expect(result).toMatchObject({ success: true, data: { country: code } });
	});

	it('validates Canadian provinces and postal codes as Canadian', () => {
		expect(parse({ state: 'on', postalCode: 'm5v3l9', country: 'CA' })).toMatchObject({
			success: true,
			data: { state: 'ON', postalCode: 'M5V 3L9' }
		});
		expect(firstIssue({ state: 'ZZ', postalCode: 'M5V 3L9', country: 'CA' })).toBe(
			'state is not a Canadian province code like ON or BC'
		);
		expect(firstIssue({ state: 'ON', postalCode: '02108', country: 'CA' })).toBe(
			'postalCode must be a Canadian postal code like K1A 0B1'
		);
		// Canada Post never starts a code with D, F, I, O, Q, U, W or Z.
		expect(firstIssue({ state: 'ON', postalCode: 'D5V 3L9', country: 'CA' })).toBe(
			'postalCode must be a Canadian postal code like K1A 0B1'
		);
	});

	it('still refuses what is not a US address when the country is the US', () => {
		expect(firstIssue({ state: 'ON', postalCode: '02108', country: 'US' })).toBe(
			'state is not a US state code'
		);
		expect(firstIssue({ state: 'MA', postalCode: 'M5V 3L9', country: 'US' })).toBe(
			'postalCode must be a ZIP code like 83702 or 83702-1234'
		);
	});

	it('keeps another country’s address as it came', () => {
		expect(
			parse({ state: '', postalCode: 'SW1A 1AA', country: 'United Kingdom', city: 'London' })
		).toMatchObject({ success: true, data: { country: 'GB', postalCode: 'SW1A 1AA' } });
	});
});

describe('who ships where', () => {
	it('knows all four ship in the US and says "not known" elsewhere, never "no"', () => {
		expect(shipToProblem('pu', 'US')).toBeNull();
		expect(shipToSummary('US')).toBeNull();
		expect(shipToProblem('wps', 'CA')).toBe(
			'not known whether Western Power Sports drop-ships to Canada: ask them first'
		);
		expect(shipToSummary('CA')).toBe(
			'Ships to Canada: not known for any distributor (Western Power Sports, Parts Unlimited, Tucker Rocky, Automatic Distributors). Ask them before drop-shipping, or record a drop-ship you placed by hand.'
		);
	});
});
