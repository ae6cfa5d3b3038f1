import type { IDataObject } from 'n8n-workflow';

const REMEMBERED = 1000;

export function firstText(...values: unknown[]): string | undefined {
	for (const value of values) {
		const candidate = Array.isArray(value) ? value[0] : value;
		if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
	}
	return undefined;
}

/**
 * True the first time a key is seen. MoMo may deliver the same callback more than once; the
 * workflow runs once per reference and status. Only the latest keys are kept, so the static
 * data stays small.
 */
export function rememberOnce(staticData: IDataObject, key: string): boolean {
	const seen = Array.isArray(staticData.seenCallbacks)
		? (staticData.seenCallbacks as string[])
		: [];
	if (seen.includes(key)) return false;
	seen.push(key);
	staticData.seenCallbacks = seen.slice(-REMEMBERED);
	return true;
}
