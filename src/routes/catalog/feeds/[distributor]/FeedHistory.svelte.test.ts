import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { FeedFetchEntry } from '$lib/domain/feed-fetch';
import FeedHistory from './FeedHistory.svelte';

const entry = (over: Partial<FeedFetchEntry>): FeedFetchEntry => ({
	at: '2026-11-20T06:05:00.000Z',
	outcome: 'imported',
	source: 'Tucker Rocky FTP',
	rows: 41_200,
	skipped: 3,
	durationMs: 4_300,
	...over
});

describe('FeedHistory', () => {
	it('lists each fetch with rows, skipped, duration and what changed, failures in words', () => {
		render(FeedHistory, {
			entries: [
				entry({ changes: { added: 12, removed: 2, priceChanged: 340, stockChanged: 1_905 } }),
				entry({ outcome: 'unchanged', durationMs: 900 }),
				entry({
					outcome: 'failed',
					rows: 0,
					skipped: 0,
					message: 'Tucker Rocky FTP: login refused.'
				})
			]
		});
		const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
		const cells = (row: HTMLElement) =>
			within(row)
				.getAllByRole('cell')
				.slice(1)
				.map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim())
				.join(' | ');
		expect(rows.map(cells)).toEqual([
			'Imported | 41,200 | 3 | 4.3 s | 12 new, 2 gone, 340 price changes, 1,905 stock changes',
			'Unchanged | 41,200 | 3 | 0.9 s | Same file as the last: nothing rewritten',
			'Failed | 0 | 0 | 4.3 s | Tucker Rocky FTP: login refused.'
		]);
	});

	it('says when there has been no fetch', () => {
		render(FeedHistory, { entries: [] });
		expect(screen.getByText('No fetch yet.')).toBeInTheDocument();
	});
});
