import { z } from 'zod';
import { Address } from './address';
import { DEFAULT_PREFERENCE, DistributorId } from './distributor';
import { ShippingMethod } from './purchase-order';

export const AppMode = z.enum(['demo', 'live']);
export type AppMode = z.infer<typeof AppMode>;

export const DealerProfile = z.object({
	name: z.string().trim().min(1, 'is required').max(80),
	/**
	 * Starts every PO number. Its shape only; whether the numbers it makes fit every enabled
	 * distributor's limit is checked where the dealer edits it (shop-profile.ts poPrefixProblem).
	 */
	poPrefix: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z0-9-]{1,20}$/, 'must be letters, digits or dashes'),
	replyTo: z.email('is not an email address').optional(),
	phone: z.string().trim().max(20).optional(),
	/** Where buyers send returns; shown in buyer emails. */
	returnAddress: Address.optional()
});
export type DealerProfile = z.infer<typeof DealerProfile>;

export const AppSettings = z.object({
	mode: AppMode,
	dealer: DealerProfile,
	/** Warn in the Dropship dialog when the margin falls under this percentage. */
	marginWarnPercent: z.number().min(0).max(100),
	trackingIntervalMinutes: z.number().int().min(1).max(1440),
	isAutoEmailOn: z.boolean(),
	preference: z.array(DistributorId).length(4),
	/**
	 * Whether an order whose payment the store has only authorised (not captured) may be
	 * drop-shipped. Off by default: an authorisation can still be voided. Defaulted so backups
	 * from before the setting existed restore.
	 */
	isAuthorizedShippable: z.boolean().default(false),
	/** The last PO sequence number used; only ever grows. */
	poSequence: z.number().int().nonnegative(),
	/** What the Dropship dialog preselects. */
	defaultShippingMethod: ShippingMethod,
	/** When the dealer last saved Settings › Shop; unset until then (the setup checklist's step 1). */
	profileSavedAt: z.string().optional()
});
export type AppSettings = z.infer<typeof AppSettings>;

export const DEFAULT_SETTINGS: AppSettings = {
	mode: 'demo',
	dealer: { name: 'Your dealership', poPrefix: 'DD' },
	marginWarnPercent: 15,
	trackingIntervalMinutes: 15,
	isAutoEmailOn: true,
	preference: [...DEFAULT_PREFERENCE],
	isAuthorizedShippable: false,
	poSequence: 0,
	defaultShippingMethod: 'ground'
};

export const SettingsPatch = AppSettings.omit({ poSequence: true, mode: true })
	.partial()
	.extend({ dealer: DealerProfile.partial().optional() });
export type SettingsPatch = z.input<typeof SettingsPatch>;
