// Controllable time for the sandbox's created_at values.

/** Timestamps with microseconds, like Memento's; deterministic and controllable from tests. */
export class SandboxClock {
	static readonly START = Date.parse('2025-01-01T00:00:00Z');

	private current = SandboxClock.START;
	private frozen: string | undefined;

	reset(): void {
		this.current = SandboxClock.START;
		this.frozen = undefined;
	}

	/** Every call moves one second on, unless frozen (then every call gives the same time). */
	next(): string {
		if (this.frozen) return this.frozen;
		this.current += 1000;
		return new Date(this.current).toISOString().replace(/\.(\d{3})Z$/, '.$1123Z');
	}

	freeze(at?: string): string {
		this.frozen = at ?? this.next();
		return this.frozen;
	}

	unfreeze(): void {
		this.frozen = undefined;
	}
}
