/**
 * Tracking numbers for the simulators, in the carriers' real formats so that the app's carrier
 * recognition (domain/carriers.ts) and tracking links work on demo data as they would on real
 * data. Always drawn from a seeded random source: the same order shows the same numbers on every
 * read. None is a real parcel's number (check digits are not computed).
 */
export type SimCarrier = 'UPS' | 'FedEx' | 'USPS' | 'OnTrac';

const UPS_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

function digits(random: () => number, count: number): string {
	let out = '';
	for (let i = 0; i < count; i++) out += String(Math.floor(random() * 10));
	return out;
}

function chars(random: () => number, alphabet: string, count: number): string {
	let out = '';
	for (let i = 0; i < count; i++) out += alphabet[Math.floor(random() * alphabet.length)] ?? '0';
	return out;
}

/** UPS 1Z + 16, FedEx 12 (express) or 15 (ground) digits, USPS 22 digits from 92, OnTrac C + 14. */
export function trackingNumber(carrier: SimCarrier, random: () => number): string {
	switch (carrier) {
		case 'UPS':
			return `1Z${chars(random, UPS_CHARS, 6)}03${digits(random, 8)}`;
		case 'FedEx':
			return random() < 0.5 ? digits(random, 12) : digits(random, 15);
		case 'USPS':
			return `92${digits(random, 20)}`;
		case 'OnTrac':
			return `C${digits(random, 14)}`;
	}
}

/** Picks one of the carriers with the seeded source. */
export function pickCarrier(random: () => number, among: readonly SimCarrier[]): SimCarrier {
	return among[Math.floor(random() * among.length)] ?? 'UPS';
}
