// Injected faults: matched by method and path, consumed `times` times.
import type { ConductorFault, ConductorFaultKind, ConductorRequestRecord } from './types';

interface ActiveFault {
	fault: ConductorFault;
	remaining: number;
}

export class FaultQueue {
	private active: ActiveFault[] = [];

	constructor(private readonly apiPrefix: string) {}

	add(fault: ConductorFault): void {
		const times = fault.times ?? 1;
		if (!Number.isInteger(times) || times < 1)
			throw new Error('fault.times must be an integer >= 1');
		this.active.push({ fault: { ...fault }, remaining: times });
	}

	/**
	 * Takes the first fault of one of `kinds` matching the request, if any, and counts it as used.
	 * `path` is the full path (e.g. '/conductor/v1/transactions').
	 */
	take(kinds: ConductorFaultKind[], request: ConductorRequestRecord): ConductorFault | undefined {
		const index = this.active.findIndex(
			(entry) => kinds.includes(entry.fault.kind) && this.matches(entry.fault, request),
		);
		if (index < 0) return undefined;
		const entry = this.active[index];
		entry.remaining -= 1;
		if (entry.remaining <= 0) this.active.splice(index, 1);
		return entry.fault;
	}

	clear(): void {
		this.active = [];
	}

	private matches(fault: ConductorFault, request: ConductorRequestRecord): boolean {
		const { method, path } = request;
		if (fault.when && !fault.when(request)) return false;
		if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
		if (fault.path === undefined) return true;
		if (fault.path instanceof RegExp) {
			fault.path.lastIndex = 0;
			return fault.path.test(path);
		}
		if (fault.path === path) return true;
		return path.startsWith(this.apiPrefix) && path.slice(this.apiPrefix.length) === fault.path;
	}
}
