import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Serves the built app with `vite preview` (which also mounts the proxy) on a free port, and
 * resolves once it answers.
 */
/** A port nobody uses now, so two runs on one machine never share a server. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 4399));
		});
	});
}

export async function startPreview(fixedPort?: number): Promise<{ url: string; stop: () => void }> {
	const port = fixedPort ?? (await freePort());
	if (!existsSync('build/index.html')) {
		throw new Error('No build found: run "npm run build" first (npm test does it for you).');
	}
	// Node runs vite itself, not through `npx`: killing an `npx` wrapper left `vite preview`
	// running with no parent after every e2e run.
	const child: ChildProcess = spawn(
		process.execPath,
		['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, BROWSER: 'none' },
			// A process group of its own: stopping it stops vite too, not only the npx before it.
			detached: true
		}
	);
	let output = '';
	child.stdout?.on('data', (chunk) => (output += String(chunk)));
	child.stderr?.on('data', (chunk) => (output += String(chunk)));
	const url = `http://localhost:${port}`;
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			if (response.ok) {
				return {
					url,
					stop: () => {
						child.stdout?.destroy();
						child.stderr?.destroy();
						stopGroup(child);
					}
				};
			}
		} catch {
			// not up yet
		}
		if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	stopGroup(child);
	throw new Error(`vite preview did not answer on ${url} within 30 s:\n${output}`);
}

/** Stops npx and the vite it started (left running otherwise, still holding its port). */
function stopGroup(child: ChildProcess): void {
	try {
		if (child.pid) process.kill(-child.pid, 'SIGTERM');
	} catch {
		child.kill('SIGTERM');
	}
}
