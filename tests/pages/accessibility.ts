import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/**
 * The axe-core rules a page breaks, as "rule: element" lines (empty when none). Run once the
 * page shows its data, so the rules see what the dealer sees.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
	if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE);
	return (await page.evaluate(
		`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
			r.violations.flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' '))))`
	)) as string[];
}
