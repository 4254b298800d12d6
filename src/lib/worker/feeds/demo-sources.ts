import { readSetting, writeSetting } from '$lib/db/setting-rows';
import type { DistributorId } from '$lib/domain/distributor';
import type { StoredFeedSource } from '$lib/domain/feed-fetch';
import { AUTOMATIC_DEMO_COLUMNS } from '$lib/mocks/feed-files';
import type { ApiDeps } from '../core/deps';
import { secretHint } from '../secrets/sealing';
import { passwordContext } from './sources';

/**
 * The demo dealer's feed sources, each distributor by its own (the simulators answer them:
 * mocks/feed-handlers.ts), so the morning fetch happens on open. Written inside the demo's seed
 * (already in the write queue), passwords sealed like any other. Does nothing when sources exist.
 */
const DEMO_FTP = { port: 21, user: 'ridgeline', path: '/', tls: 'when-offered' as const };
const DEMO_PASSWORD = 'demo-feed-password';

export async function seedDemoSources(deps: Pick<ApiDeps, 'db' | 'secrets'>): Promise<void> {
	if ((await readSetting(deps.db, 'feedSources')) !== undefined) return;
	const plain: Record<DistributorId, Omit<StoredFeedSource, 'sealedPassword' | 'passwordHint'>> = {
		wps: { kind: 'wps-api', publishTime: '06:00' },
		pu: {
			kind: 'pu-pricefile',
			publishTime: '06:00',
			portal: { dealerCode: '10001', username: 'ridgeline' }
		},
		tucker: {
			kind: 'ftp',
			publishTime: '06:00',
			ftp: { ...DEMO_FTP, host: 'ftp.tucker.example', files: ['itemmstrnew', 'invlist'] }
		},
		automatic: {
			kind: 'ftp',
			publishTime: '06:00',
			ftp: { ...DEMO_FTP, host: 'ftp.autodist.example', files: ['catalog.csv'] }
		}
	};
	const sources: Partial<Record<DistributorId, StoredFeedSource>> = {};
	for (const [id, source] of Object.entries(plain) as [DistributorId, StoredFeedSource][]) {
		if (source.kind !== 'ftp' && source.kind !== 'pu-pricefile') {
			sources[id] = source;
			continue;
		}
		const sealed = await deps.secrets.seal(DEMO_PASSWORD, passwordContext(id));
		// Locked (a passphrase set in the demo): the demo then keeps uploading by hand.
		if (!sealed.ok) return;
		sources[id] = {
			...source,
			sealedPassword: sealed.value,
			passwordHint: secretHint(DEMO_PASSWORD)
		};
	}
	await writeSetting(deps.db, 'feedSources', sources);
	await deps.db.settings.put({ key: 'feedMapping:automatic', value: AUTOMATIC_DEMO_COLUMNS });
}
