// Idempotency-Key on money moves. The document names no such header, so both readings are
// served: 'replay' (the pack's assumption: the same key and body replay the first answer, the
// same key with another body is refused) and 'ignore' (the header means nothing: every request
// is executed, as the document promises no deduplication).
import { badRequest, validationError, type Reply } from './http';

export type IdempotencyMode = 'replay' | 'ignore';

export class IdempotencyStore {
	private readonly saved = new Map<string, { fingerprint: string; reply: Reply }>();

	constructor(readonly mode: IdempotencyMode = 'replay') {}

	/** Runs `execute` once per key; replays mark the answer with Idempotent-Replayed: true. */
	run(
		key: string | undefined,
		route: string,
		body: unknown,
		execute: () => Reply,
		onReplay: () => void,
	): Reply {
		if (this.mode === 'ignore') return execute();
		if (key === undefined || key.trim() === '') {
			throw badRequest('idempotency_key_required', 'Money moves need an Idempotency-Key header');
		}
		const fingerprint = `${route} ${JSON.stringify(body)}`;
		const previous = this.saved.get(key);
		if (previous) {
			if (previous.fingerprint !== fingerprint) {
				throw validationError([
					{ field: 'Idempotency-Key', message: 'was already used with a different request' },
				]);
			}
			onReplay();
			return {
				...previous.reply,
				headers: { ...previous.reply.headers, 'Idempotent-Replayed': 'true' },
			};
		}
		const reply = execute();
		this.saved.set(key, { fingerprint, reply });
		return reply;
	}

	clear(): void {
		this.saved.clear();
	}
}
