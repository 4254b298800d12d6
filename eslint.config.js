import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Test kits, fixtures and fakes are fenced off: no production file may import them. */
const testSupportFence = {
	group: ['$test-support', '$test-support/*', '**/test-support/*', '**/test-support'],
	message: 'Test support is for tests only (src/test-support).'
};

/** Node-only code (the proxy and the /mail bridge) never reaches browser code, and back. */
const nodeOnlyFence = {
	group: [
		'$lib/proxy',
		'$lib/proxy/*',
		'**/lib/proxy/*',
		'$lib/mail',
		'$lib/mail/*',
		'**/lib/mail/*'
	],
	message: 'lib/proxy and lib/mail run in node only; the browser reaches them over HTTP.'
};

/**
 * The import boundaries of STYLE.md, enforced: domain imports nothing of ours; pages never reach
 * the worker, the write side of the database or the distributor adapters (types aside).
 */
const pageBoundary = {
	patterns: [
		testSupportFence,
		nodeOnlyFence,
		{
			group: ['$lib/worker', '$lib/worker/*', '**/lib/worker/*'],
			message: 'Pages call the worker through $lib/worker-client only.'
		},
		{
			group: ['$lib/db/writes', '**/db/writes', '$lib/db/schema', '$lib/db/db'],
			message: 'Pages read through $lib/db/queries; every write goes through the worker.'
		},
		{
			group: ['$lib/distributors/*/*', '$lib/distributors/registry'],
			message: 'Pages never call a distributor adapter; use the worker API.',
			allowTypeImports: true
		},
		{
			group: ['$lib/storefronts/*/*', '$lib/storefronts/registry'],
			message: 'Pages never call a web store adapter; use the worker API.',
			allowTypeImports: true
		},
		{
			group: ['msw', 'msw/*', '$lib/mocks/*'],
			message: 'msw is loaded only inside the worker, in demo mode.'
		}
	]
};

/**
 * A route's files are its own: what two routes share lives in $lib/components (or $lib/state), so
 * no route reaches into another route's folder, and nothing under $lib reaches into routes.
 */
const routeFence = {
	group: ['../*', '../**', '!../app.css', '$lib/../*', '**/routes/*', '**/routes/**'],
	message: "Routes share through $lib/components, never by importing another route's files."
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			// It asks the type checker about every identifier of every component: 96 s of ESLint's 120 s
			// of rule time on this code base, most of `npm run lint`. svelte-check (--fail-on-warnings)
			// already refuses a store used as its value (`settings.mode` on a Readable is a type error).
			'svelte/require-store-reactive-access': 'off'
		}
	},
	{
		// Every production file: no test support. The blocks below narrow further and repeat the fence
		// (a later block's rule replaces an earlier one for the same files).
		files: ['src/**'],
		ignores: ['**/*.test.ts', 'src/test-support/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [testSupportFence] }] }
	},
	{
		files: [
			'src/lib/worker/**',
			'src/lib/worker-client/**',
			'src/lib/mocks/**',
			'src/lib/imports/**'
		],
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [testSupportFence, nodeOnlyFence] }] }
	},
	{
		files: ['src/lib/domain/**'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['$lib/*', '../*', '!./*'], message: 'domain imports nothing of ours.' },
						testSupportFence
					]
				}
			]
		}
	},
	{
		files: [
			'src/lib/db/**',
			'src/lib/distributors/**',
			'src/lib/storefronts/**',
			'src/lib/feeds/**'
		],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						testSupportFence,
						nodeOnlyFence,
						{
							group: ['$lib/worker', '$lib/worker/*', '$lib/worker-client', '$lib/worker-client/*'],
							message: 'Lower layers never import the worker or its client.'
						},
						{ group: ['$lib/components/*', '$lib/state/*'], message: 'Lower layers know no UI.' },
						{
							group: ['$lib/mocks', '$lib/mocks/*', '**/lib/mocks/*'],
							message:
								'The demo wiring (mocks) imports the simulators, not the other way: use $lib/simulator.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/components/**', 'src/lib/state/**'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						...pageBoundary.patterns,
						{ group: ['$lib/../*', '**/routes/*', '**/routes/**'], message: routeFence.message }
					]
				}
			]
		}
	},
	{
		files: ['src/routes/**'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [...pageBoundary.patterns, routeFence] }]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'bench-results/',
			'static/'
		]
	}
);
