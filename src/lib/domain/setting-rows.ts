import { z } from 'zod';
import { DataLossReport } from './data-loss';
import { DistributorId } from './distributor';
import { EmailTemplates } from './email-template';
import { FeedFetches, StoredFeedSources } from './feed-fetch';
import { Circuit } from './retry-policy';
import { Warehouse } from './rules';
import { PassphraseSealed } from './sealed';
import { AppSettings } from './settings';
import { SmtpSettings } from './smtp';

/** A secret sealed with AES-GCM in the worker (see worker/secrets/sealing.ts). */
export const SealedValue = z.object({ iv: z.string(), ct: z.string() });

/** The SMTP row as stored: `password` is only a hint once the real one is sealed. */
export const SmtpRow = SmtpSettings.partial().extend({ sealedPassword: SealedValue.optional() });
export type SmtpRow = z.infer<typeof SmtpRow>;

export const DistributorProblem = z.object({
	distributorId: DistributorId,
	message: z.string(),
	/** When the next round may ask this distributor again (a 429's Retry-After). */
	retryAt: z.string().optional()
});
export type DistributorProblem = z.infer<typeof DistributorProblem>;

/** "Checked 3 min ago: 41 POs, 3 new shipments; Tucker Rocky asked us to slow down (10:42)". */
export const TrackingSummary = z.object({
	checkedAt: z.string(),
	poCount: z.number().int().nonnegative(),
	newShipments: z.number().int().nonnegative(),
	problems: z.array(DistributorProblem)
});
export type TrackingSummary = z.infer<typeof TrackingSummary>;

/** Where the one-by-one status lookups of each distributor stopped: the last PO number asked. */
export const TrackingCursors = z.partialRecord(DistributorId, z.string());

/**
 * This browser's device key for sealing secrets: a non-extractable CryptoKey, stored as IndexedDB
 * clones it (a structured clone keeps the key usable, never readable).
 */
export const DeviceKey = z.custom<CryptoKey>(
	(value) => typeof CryptoKey !== 'undefined' && value instanceof CryptoKey,
	'a CryptoKey'
);

/**
 * The typed rows of the settings table: one schema per key, read and written only through
 * db/setting-rows.ts, so no code casts a settings value. A row that does not match its schema
 * reads as missing (its default), never as a wrong shape.
 */
export const SETTING_ROWS = {
	app: AppSettings.partial(),
	smtp: SmtpRow,
	emailTemplates: EmailTemplates,
	trackingStatus: TrackingSummary,
	trackingSinglyCursor: TrackingCursors,
	lastBackupAt: z.string(),
	dataLoss: DataLossReport,
	/** Each distributor's circuit breaker, mirrored from the worker's memory (core/circuits.ts). */
	circuits: z.partialRecord(DistributorId, Circuit),
	/** The warehouses "Drop-ship everything" replaced, kept for Undo. */
	rulesUndo: z.array(Warehouse),
	secretKey: DeviceKey,
	/** Present while a passphrase lock is set: the KDF parameters and a check value, never the key. */
	secretLock: PassphraseSealed,
	feedSources: StoredFeedSources,
	feedFetches: FeedFetches
} as const;
export type SettingKey = keyof typeof SETTING_ROWS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_ROWS)[K]>;
