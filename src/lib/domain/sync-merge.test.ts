import { describe, expect, it } from 'vitest';
import { mergeVersions, type SyncTable, type SyncVersion } from './sync-merge';

const po = (state: string, at: string, note = state) => ({
	id: 'po1',
	poNumber: 'RLA000001',
	state,
	distributorRefs: state === 'submitted' ? ['REF-1'] : [],
	history: [{ at, state, note }]
});
const v = (row: Record<string, unknown>, editedAt: string, device: string): SyncVersion => ({
	row,
	editedAt,
	device
});

interface Case {
	name: string;
	table: SyncTable;
	versions: SyncVersion[];
	expected: Record<string, unknown>;
	device: string;
}

const cases: Case[] = [
	{
		name: 'PO: the state furthest along wins over the later edit',
		table: 'purchaseOrders',
		versions: [
			v(po('submitted', '2026-11-20T10:00:00.000Z'), '2026-11-20T10:00:00.000Z', 'A'),
			v(po('queued', '2026-11-20T11:00:00.000Z'), '2026-11-20T11:00:00.000Z', 'B')
		],
		expected: { state: 'submitted', distributorRefs: ['REF-1'] },
		device: 'A'
	},
	{
		name: 'PO: cancelled is final',
		table: 'purchaseOrders',
		versions: [
			v(po('confirmed', '2026-11-20T10:00:00.000Z'), '2026-11-20T12:00:00.000Z', 'A'),
			v(po('cancelled', '2026-11-20T11:00:00.000Z'), '2026-11-20T11:00:00.000Z', 'B')
		],
		expected: { state: 'cancelled' },
		device: 'B'
	},
	{
		name: 'shipment: tracking numbers and lines united',
		table: 'shipments',
		versions: [
			v(
				{ id: 's1', trackingNumbers: ['1Z1'], lines: [{ sku: 'X', quantity: 1 }] },
				'2026-11-20T10:00:00.000Z',
				'A'
			),
			v(
				{ id: 's1', trackingNumbers: ['1Z2'], lines: [{ sku: 'Y', quantity: 2 }] },
				'2026-11-20T11:00:00.000Z',
				'B'
			)
		],
		expected: {
			trackingNumbers: ['1Z1', '1Z2'],
			lines: [
				{ sku: 'X', quantity: 1 },
				{ sku: 'Y', quantity: 2 }
			]
		},
		device: 'B'
	},
	{
		name: 'email: sent is never unsent, attempts kept',
		table: 'outbox',
		versions: [
			v({ id: 'e1', state: 'sent', attempts: 1 }, '2026-11-20T10:00:00.000Z', 'A'),
			v({ id: 'e1', state: 'retrying', attempts: 2 }, '2026-11-20T11:00:00.000Z', 'B')
		],
		expected: { state: 'sent', attempts: 2 },
		device: 'A'
	},
	{
		name: 'store push: what the store was told is never untold, attempts kept',
		table: 'storePushes',
		versions: [
			v({ id: 'push:s1', state: 'done', attempts: 1 }, '2026-11-20T10:00:00.000Z', 'A'),
			v({ id: 'push:s1', state: 'retrying', attempts: 2 }, '2026-11-20T11:00:00.000Z', 'B')
		],
		expected: { state: 'done', attempts: 2 },
		device: 'A'
	},
	{
		name: 'settings: the latest edit, with the PO sequence never going back',
		table: 'settings',
		versions: [
			v(
				{ key: 'app', value: { marginWarnPercent: 10, poSequence: 9 } },
				'2026-11-20T10:00:00.000Z',
				'A'
			),
			v(
				{ key: 'app', value: { marginWarnPercent: 20, poSequence: 4 } },
				'2026-11-20T11:00:00.000Z',
				'B'
			)
		],
		expected: { value: { marginWarnPercent: 20, poSequence: 9 } },
		device: 'B'
	},
	{
		name: 'anything else: the latest edit; a tie goes to the later device letter',
		table: 'brandAliases',
		versions: [
			v({ alias: 'FLY', brand: 'FLY RACING' }, '2026-11-20T10:00:00.000Z', 'A'),
			v({ alias: 'FLY', brand: 'FLY RACE' }, '2026-11-20T10:00:00.000Z', 'C')
		],
		expected: { brand: 'FLY RACE' },
		device: 'C'
	}
];

describe('mergeVersions: conflicts resolved by what the record means', () => {
	it.each(cases)('$name', ({ table, versions, expected, device }) => {
		const merged = mergeVersions(table, versions);
		expect(merged.row).toMatchObject(expected);
		expect(merged.device).toBe(device);
		// Every device merges the same versions to the same result, whatever order it got them in.
		expect(mergeVersions(table, [...versions].reverse())).toEqual(merged);
	});

	it('keeps the history of both copies of a PO, in time order, once each', () => {
		const merged = mergeVersions('purchaseOrders', [
			v(
				{
					...po('submitted', '2026-11-20T10:05:00.000Z'),
					history: [
						{ at: '2026-11-20T10:00:00.000Z', state: 'queued' },
						{ at: '2026-11-20T10:05:00.000Z', state: 'submitted' }
					]
				},
				'2026-11-20T10:05:00.000Z',
				'A'
			),
			v(
				{
					...po('queued', '2026-11-20T10:00:00.000Z'),
					history: [
						{ at: '2026-11-20T10:00:00.000Z', state: 'queued' },
						{ at: '2026-11-20T10:07:00.000Z', state: 'queued', note: 'edited on B' }
					]
				},
				'2026-11-20T10:07:00.000Z',
				'B'
			)
		]);
		expect((merged.row.history as { state: string }[]).map((h) => h.state)).toEqual([
			'queued',
			'submitted',
			'queued'
		]);
	});
});
