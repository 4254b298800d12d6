import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import fences of eslint.config.js, proven on deliberate bad imports: each snippet is linted
 * as if it stood at the given path, so a rule that stops matching fails here, not in review.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function fencesHit(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? [])
		.filter((m) => m.ruleId === 'no-restricted-imports')
		.map((m) => m.message);
}

// The first lint loads the TypeScript project: seconds, more on a loaded machine.
describe('import fences', { timeout: 60_000 }, () => {
	it.each([
		[
			'src/lib/worker/orders/api.ts',
			"import { createTestDeps } from '$test-support/worker/test-deps';"
		],
		['src/lib/db/queries.ts', "import { seedShop } from '../../test-support/db/scale-kit';"],
		['src/lib/domain/order.ts', "import { x } from '$test-support/worker/dealer-fixture';"],
		[
			'src/routes/orders/order-rows.ts',
			"import W from '$test-support/components/WithClient.svelte';"
		]
	])('production code at %s may not import test support', async (filePath, code) => {
		const hits = await fencesHit(filePath, `${code}\nexport {};\n`);
		expect(hits.join('\n')).toMatch(/Test support is for tests only/);
	});

	it.each([
		['src/lib/worker/mail/api.ts', "import { createMailHandler } from '$lib/mail/mail-handler';"],
		['src/lib/components/format-extra.ts', "import { createProxyHandler } from '$lib/proxy/proxy';"]
	])('browser code at %s may not import node-only code', async (filePath, code) => {
		const hits = await fencesHit(filePath, `${code}\nexport {};\n`);
		expect(hits.join('\n')).toMatch(/run in node only/);
	});

	it('distributors do not import the demo wiring: the simulator core is apart', async () => {
		const hits = await fencesHit(
			'src/lib/distributors/wps/sim-common.ts',
			"import { createHandlers } from '$lib/mocks/handlers';\nexport {};\n"
		);
		expect(hits.join('\n')).toMatch(/use \$lib\/simulator/);
	});

	it('a test file may import test support', async () => {
		const hits = await fencesHit(
			'src/lib/worker/orders/api.test.ts',
			"import { createTestDeps } from '$test-support/worker/test-deps';\nexport {};\n"
		);
		expect(hits).toEqual([]);
	});
});
