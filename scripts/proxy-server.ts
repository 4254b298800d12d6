/**
 * `npm run proxy`: serves build/ with the CORS proxy and the mail endpoint on plain node:http.
 * PORT (default 4173) and APP_ORIGIN (default http://localhost:PORT) set where it answers.
 */
import { existsSync } from 'node:fs';
import { createAppServer } from '../src/lib/proxy/app-server';

const port = Number(process.env.PORT ?? 4173);
const appOrigin = process.env.APP_ORIGIN ?? `http://localhost:${port}`;
if (!existsSync('build/index.html')) {
	console.error('No build found: run "npm run build" first.');
	process.exit(1);
}
createAppServer({ root: 'build', appOrigin }).listen(port, () => {
	console.log(`Dropship Desk at ${appOrigin} (static build, /proxy and /mail)`);
});
