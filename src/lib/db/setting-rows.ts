import { SETTING_ROWS, type SettingKey, type SettingValue } from '$lib/domain/setting-rows';
import type { DropshipDb } from './schema';

/** A settings row, checked against its schema; undefined when missing or of the wrong shape. */
export async function readSetting<K extends SettingKey>(
	db: DropshipDb,
	key: K
): Promise<SettingValue<K> | undefined> {
	const row = await db.settings.get(key);
	if (row === undefined) return undefined;
	const parsed = SETTING_ROWS[key].safeParse(row.value);
	// zod cannot carry the key's schema through the generic index: the one cast, checked above.
	return parsed.success ? (parsed.data as SettingValue<K>) : undefined;
}

/** Writes a settings row; a value that does not match its schema is a bug and throws. */
export async function writeSetting<K extends SettingKey>(
	db: DropshipDb,
	key: K,
	value: SettingValue<K>
): Promise<void> {
	await db.settings.put({ key, value: SETTING_ROWS[key].parse(value) });
}
