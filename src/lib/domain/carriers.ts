/**
 * Recognises a tracking number's carrier by its format and links it to the carrier's tracking
 * page. The distributors report carriers inconsistently (WPS ship_via codes, Tucker "UPS", PU
 * shipVia text), so the number itself is the better witness when it is unambiguous.
 */
export type Carrier = 'UPS' | 'FedEx' | 'USPS' | 'OnTrac' | 'DHL' | 'Other';

const PATTERNS: readonly { carrier: Carrier; pattern: RegExp }[] = [
	{ carrier: 'UPS', pattern: /^1Z[0-9A-Z]{16}$/ },
	{ carrier: 'OnTrac', pattern: /^[CD]\d{14}$/ },
	{ carrier: 'USPS', pattern: /^(9[1-5]\d{20}|9[1-5]\d{24}|[A-Z]{2}\d{9}US)$/ },
	{ carrier: 'FedEx', pattern: /^(\d{12}|\d{15}|\d{20}|96\d{20})$/ },
	{ carrier: 'DHL', pattern: /^\d{10}$/ }
];

const LINKS: Record<Exclude<Carrier, 'Other'>, (n: string) => string> = {
	UPS: (n) => `https://www.ups.com/track?tracknum=${n}`,
	FedEx: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
	USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
	OnTrac: (n) => `https://www.ontrac.com/tracking/?number=${n}`,
	DHL: (n) => `https://www.dhl.com/us-en/home/tracking.html?tracking-id=${n}`
};

/** Carrier names the distributors use, mapped to ours (WPS ship_via codes among them). */
const ALIASES: Record<string, Carrier> = {
	UPS: 'UPS',
	UG: 'UPS',
	UP1D: 'UPS',
	UP2D: 'UPS',
	FEDEX: 'FedEx',
	FDXG: 'FedEx',
	FE1D: 'FedEx',
	FE2D: 'FedEx',
	AH2D: 'FedEx',
	USPS: 'USPS',
	US1C: 'USPS',
	US4C: 'USPS',
	ONTRAC: 'OnTrac',
	CO5: 'OnTrac',
	DHL: 'DHL'
};

export function normaliseTrackingNumber(raw: string): string {
	return raw.replace(/[\s-]/g, '').toUpperCase();
}

export function carrierOf(trackingNumber: string, reported?: string): Carrier {
	const number = normaliseTrackingNumber(trackingNumber);
	const byFormat = PATTERNS.find((p) => p.pattern.test(number))?.carrier;
	const byName = reported ? ALIASES[reported.trim().toUpperCase()] : undefined;
	// A 10- or 12-digit number alone is ambiguous; the distributor's word wins then.
	if (byName && (byFormat === undefined || byFormat === 'DHL' || byFormat === 'FedEx'))
		return byName;
	return byFormat ?? byName ?? 'Other';
}

/** The carrier's public tracking page, or null when we do not know the carrier. */
export function trackingUrl(trackingNumber: string, reported?: string): string | null {
	const carrier = carrierOf(trackingNumber, reported);
	return carrier === 'Other'
		? null
		: LINKS[carrier](encodeURIComponent(normaliseTrackingNumber(trackingNumber)));
}
