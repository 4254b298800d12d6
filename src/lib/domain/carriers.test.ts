import { describe, expect, it } from 'vitest';
import { carrierOf, trackingUrl } from './carriers';

describe('carriers', () => {
	it.each([
		['1Z999AA10123456784', undefined, 'UPS'],
		['1z 999a a101 2345 6784', undefined, 'UPS'],
		['123456789012', undefined, 'FedEx'],
		['123456789012345', undefined, 'FedEx'],
		['9400111899223456789012', undefined, 'USPS'],
		['C12345678901234', undefined, 'OnTrac'],
		['123456789012', 'CO5', 'OnTrac'],
		['ABC', 'UPS', 'UPS'],
		['ABC', undefined, 'Other']
	])('%s (reported %s) is %s', (number, reported, carrier) => {
		expect(carrierOf(number, reported)).toBe(carrier);
	});

	it('links to the carrier page, and to nothing when unknown', () => {
		expect(trackingUrl('1Z999AA10123456784')).toBe(
			'https://www.ups.com/track?tracknum=1Z999AA10123456784'
		);
		expect(trackingUrl('9400111899223456789012')).toContain('usps.com');
		expect(trackingUrl('ZZ')).toBeNull();
	});
});
