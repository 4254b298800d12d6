import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { FeedImport } from '$lib/domain/catalog';
import CatalogFeedStatus from './CatalogFeedStatus.svelte';

const feed = (over: Partial<FeedImport>): FeedImport => ({
	id: 'f',
	distributorId: 'wps',
	source: 'upload',
	state: 'complete',
	startedAt: '2026-11-20T06:10:00',
	finishedAt: '2026-11-20T06:10:00',
	rowCount: 118_204,
	errorCount: 0,
	blockCount: 119,
	...over
});

describe('CatalogFeedStatus', () => {
	it("shows each feed's age and size, warns when older than a day, and names missing feeds", () => {
		render(CatalogFeedStatus, {
			feeds: [
				feed({}),
				feed({
					id: 'p',
					distributorId: 'pu',
					finishedAt: '2026-11-18T06:10:00',
					rowCount: 90_000,
					errorCount: 12
				})
			],
			now: new Date('2026-11-20T09:00:00')
		});
		const items = within(screen.getByRole('list', { name: 'Feeds' })).getAllByRole('listitem');
		expect(items[0]).toHaveTextContent(/WPS\s*today 06:10, 118,204 items/);
		expect(items[0]).not.toHaveTextContent('Older than a day');
		expect(items[1]).toHaveTextContent('Nov 18 06:10, 90,000 items');
		expect(items[1]).toHaveTextContent('Older than a day');
		expect(items[1]).toHaveTextContent('12 rows skipped');
		expect(items[2]).toHaveTextContent(/Tucker Rocky\s*No feed yet/);
	});
});
