import type { DropshipDb } from '$lib/db/schema';
import type { AdapterAuditEntry } from '$lib/distributors/types';
import type { DistributorId } from '$lib/domain/distributor';

/**
 * Writes one audit row per distributor call. Adapters hand over entries with secrets already
 * masked; the write is fire-and-forget so the audit never blocks or fails a distributor call.
 */
export function auditSink(
	db: DropshipDb,
	distributorId: DistributorId,
	now: () => Date
): (entry: AdapterAuditEntry) => void {
	return (entry) => {
		void db.auditLog
			.add({ ...entry, distributorId, at: now().toISOString() })
			.catch(() => undefined);
	};
}
