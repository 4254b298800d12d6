import { z } from 'zod';
import { Address } from './address';
import { DISTRIBUTORS, DISTRIBUTOR_IDS, type DistributorId } from './distributor';
import { PO_MAX_LENGTH, PO_PATTERN, formatPoNumber } from './po-number';
import { ShippingMethod } from './purchase-order';

/**
 * The demo dealer's identity. It lives in the demo database only: a real shop that kept it would
 * send the demo's reply-to address to real buyers and the demo's PO prefix to real distributors.
 */
export const DEMO_DEALER = {
	name: 'Ridge Line Powersports',
	poPrefix: 'RL',
	replyTo: 'parts@ridgeline.example'
} as const;

/** Reserved names (RFC 2606/6761): nobody can reply to an address there. */
const UNREACHABLE_DOMAIN = /\.(example|test|invalid|localhost)$/i;

const optionalText = (max: number, label: string) =>
	z
		.string()
		.trim()
		.max(max, `${label} can have at most ${max} characters.`)
		.optional()
		.transform((v) => (v ? v : undefined));

/**
 * What Settings › Shop edits, as the form sends it. The PO prefix is checked here for its own
 * shape only; whether the numbers it makes fit the distributors is `poPrefixProblem`, which needs
 * to know which distributors are enabled.
 */
export const ShopProfile = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Shop name is required.')
		.max(80, 'Shop name can have at most 80 characters.'),
	poPrefix: z
		.string()
		.trim()
		.toUpperCase()
		.min(1, 'PO prefix is required.')
		.regex(/^[A-Z0-9-]+$/, 'PO prefix can use only letters, digits and dashes.'),
	replyTo: z
		.union([z.literal(''), z.email('Reply-to is not an email address.')])
		.optional()
		.transform((v) => (v ? v : undefined)),
	phone: optionalText(20, 'Phone'),
	returnAddress: Address.optional(),
	marginWarnPercent: z
		.number('Margin warning must be a number.')
		.min(0, 'Margin warning cannot be below 0%.')
		.max(100, 'Margin warning cannot be above 100%.'),
	trackingIntervalMinutes: z
		.number('Tracking refresh must be a number of minutes.')
		.int('Tracking refresh must be whole minutes.')
		.min(5, 'Tracking refresh must be at least 5 minutes: the distributors limit how often we ask.')
		.max(1440, 'Tracking refresh must be at most 1440 minutes (once a day).'),
	defaultShippingMethod: ShippingMethod
});
export type ShopProfile = z.infer<typeof ShopProfile>;
export type ShopProfileInput = z.input<typeof ShopProfile>;

/**
 * Why PO numbers made with this prefix would be refused by one of `distributors`, or null when
 * they fit. The next number is checked as it will be sent: prefix and zero-padded sequence.
 */
export function poPrefixProblem(
	prefix: string,
	nextSequence: number,
	distributors: readonly DistributorId[]
): string | null {
	const next = formatPoNumber(prefix, nextSequence);
	if (!PO_PATTERN.test(next)) return 'PO prefix can use only letters, digits and dashes.';
	for (const id of distributors) {
		const max = PO_MAX_LENGTH[id];
		if (next.length > max) {
			const room = max - (next.length - prefix.length);
			return `${DISTRIBUTORS[id].name} takes PO numbers of at most ${max} characters; your next one, ${next}, would have ${next.length}. Use a prefix of at most ${Math.max(room, 0)} characters.`;
		}
	}
	return null;
}

/** Why this profile is still the demo dealer's, field by field. */
export function demoIdentityProblems(profile: ShopProfile): Record<string, string> {
	const problems: Record<string, string> = {};
	if (profile.poPrefix === DEMO_DEALER.poPrefix)
		problems.poPrefix = `${DEMO_DEALER.poPrefix} is the demo dealer's PO prefix; choose your own.`;
	if (profile.name.toLowerCase() === DEMO_DEALER.name.toLowerCase())
		problems.name = `${DEMO_DEALER.name} is the demo dealer; use your shop's name.`;
	const domain = profile.replyTo?.split('@')[1] ?? '';
	if (UNREACHABLE_DOMAIN.test(domain))
		problems.replyTo = `Buyers cannot reply to an address at ${domain}; use your shop's own email address.`;
	return problems;
}

export type ProfileCheck =
	| { ok: true; value: ShopProfile; nextPoNumber: string }
	| { ok: false; problems: Record<string, string> };

/**
 * Every problem of a submitted profile, by field, in words: shape (zod), the demo's identity, and
 * the PO prefix against every enabled distributor (all four while none is enabled yet, since the
 * first one enabled must take it).
 */
export function checkShopProfile(
	input: unknown,
	context: { enabled: readonly DistributorId[]; nextSequence: number }
): ProfileCheck {
	const parsed = ShopProfile.safeParse(input);
	if (!parsed.success) {
		const problems: Record<string, string> = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path.join('.') || 'form';
			problems[field] ??= issue.message;
		}
		return { ok: false, problems };
	}
	const profile = parsed.data;
	const problems = demoIdentityProblems(profile);
	const distributors = context.enabled.length > 0 ? context.enabled : DISTRIBUTOR_IDS;
	const prefixProblem = poPrefixProblem(profile.poPrefix, context.nextSequence, distributors);
	if (prefixProblem) problems.poPrefix ??= prefixProblem;
	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return {
		ok: true,
		value: profile,
		nextPoNumber: formatPoNumber(profile.poPrefix, context.nextSequence)
	};
}
