/**
 * Runs `work` over `items` with at most `concurrency` at once, in order, until `shouldStop` says
 * so (a distributor that rate-limits or went down: the rest wait for the next round).
 */
export async function inTurns<T>(
	items: readonly T[],
	concurrency: number,
	work: (item: T) => Promise<void>,
	shouldStop: () => boolean = () => false
): Promise<void> {
	const queue = [...items];
	const worker = async () => {
		while (queue.length > 0 && !shouldStop()) await work(queue.shift() as T);
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}
