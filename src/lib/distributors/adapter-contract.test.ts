import { describe } from 'vitest';
import { describeAdapterContract } from '$test-support/distributors/adapter-contract';
import * as automatic from '$test-support/distributors/automatic-kit';
import * as pu from '$test-support/distributors/pu-kit';
import * as tucker from '$test-support/distributors/tucker-kit';
import * as wps from '$test-support/distributors/wps-kit';

/** The same contract against all four adapters, each on its own simulator in turn. */
describe('WPS', () =>
	describeAdapterContract(() => {
		const kit = wps.useWpsSimulator();
		return {
			id: 'wps',
			sim: kit.sim,
			adapter: () => kit.adapter(),
			bare: () => kit.adapter(''),
			requests: kit.requests,
			request: wps.request,
			sku: '2-R0451B-8',
			canFindByPo: true
		};
	}));

describe('Parts Unlimited', () =>
	describeAdapterContract(() => {
		const kit = pu.usePuSimulator();
		return {
			id: 'pu',
			sim: kit.sim,
			adapter: () => kit.adapter(),
			bare: () => kit.adapter('', ''),
			requests: kit.requests,
			request: pu.request,
			sku: '1401-1193',
			canFindByPo: true
		};
	}));

describe('Tucker Rocky', () =>
	describeAdapterContract(() => {
		const kit = tucker.useTuckerSimulator();
		return {
			id: 'tucker',
			sim: kit.sim,
			adapter: () => kit.adapter(),
			bare: () => kit.adapter('', ''),
			requests: kit.requests,
			request: tucker.request,
			sku: '160942',
			canFindByPo: false
		};
	}));

describe('Automatic', () =>
	describeAdapterContract(() => {
		const kit = automatic.useAutomaticSimulator();
		return {
			id: 'automatic',
			sim: kit.sim,
			adapter: () => kit.adapter(),
			bare: () => kit.adapter(''),
			requests: kit.requests,
			request: automatic.request,
			sku: 'A1000001',
			canFindByPo: true
		};
	}));
