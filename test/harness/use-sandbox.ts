import type { TestNode } from './run-workflow';

export interface ResettableSandbox {
	reset(): void;
	close(): Promise<void>;
}

/**
 * One fake provider per test file, started before its first test, reset after each test (so every
 * test starts clean) and closed at the end. Returns the accessor tests use.
 */
export function useSandbox<Sandbox extends ResettableSandbox>(
	start: () => Promise<Sandbox>,
	afterEachTest?: () => void,
): () => Sandbox {
	let started: Sandbox | undefined;
	beforeAll(async () => {
		started = await start();
	});
	afterEach(() => {
		started?.reset();
		afterEachTest?.();
	});
	afterAll(async () => await started?.close());
	return () => {
		if (!started) throw new Error('the sandbox is not started (use it inside a test)');
		return started;
	};
}

/** Builds test nodes of one provider's node type, wired to its sandbox credential. */
export function nodeMaker(type: string, credentialType: string, credentialId: string) {
	return (
		name: string,
		parameters: Record<string, unknown>,
		extra: Partial<TestNode> = {},
	): TestNode => ({
		name,
		type,
		parameters,
		credentials: { [credentialType]: credentialId },
		...extra,
	});
}
