// Idempotency-Key on money moves (an assumption of the pack, enforced here): the same key and
// body replay the first answer; the same key with another body is refused.
import { badRequest, validationError, type Reply } from './http';

export class IdempotencyStore {
	private readonly saved = new Map<string, { fingerprint: string; reply: Reply }>();

	/** Runs `execute` once per key; replays mark the answer with Idempotent-Replayed: true. */
	run(
		key: string | undefined,
		route: string,
		body: unknown,
		execute: () => Reply,
		onReplay: () => void,
	): Reply {
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
