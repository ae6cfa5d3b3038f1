import type { IDataObject } from 'n8n-workflow';

/**
 * Where a polling trigger stopped: the newest `created_at` it emitted and the ids it emitted
 * with exactly that timestamp. The next poll asks for `created_at >= cursor` and skips those ids,
 * so an item that shares the last timestamp but arrived after the poll is still emitted once
 * (`created_at > cursor` alone would lose it).
 */
export interface PollCursor {
	createdAt: string;
	idsAtCursor: string[];
}

const TIMESTAMP =
	/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A sortable key with nanosecond precision: Memento timestamps carry microseconds
 * ("2017-10-18T17:02:03.181879Z"), more than Date keeps, and their length varies, so plain
 * string comparison is wrong ("03.18Z" > "03.181879Z").
 */
export function timestampKey(value: string): string | undefined {
	const match = TIMESTAMP.exec(value.trim());
	if (!match) return undefined;
	const fraction = (match[3] ?? '').padEnd(9, '0');
	const zone = match[4] ?? 'Z';
	if (zone === 'Z' || /^[+-]00:?00$/.test(zone)) return `${match[1]}T${match[2]}.${fraction}`;
	const utc = new Date(
		`${match[1]}T${match[2]}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`,
	);
	if (Number.isNaN(utc.getTime())) return undefined;
	return `${utc.toISOString().slice(0, 19)}.${fraction}`;
}

export function itemId(item: IDataObject): string | undefined {
	const id = item.uuid ?? item.id;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export interface CursorStep {
	fresh: IDataObject[];
	cursor: PollCursor;
}

/** Picks the items not emitted before and moves the cursor past them. Pure. */
export function advanceCursor(cursor: PollCursor | undefined, items: IDataObject[]): CursorStep {
	let createdAt = cursor?.createdAt ?? '';
	let currentKey = createdAt === '' ? '' : (timestampKey(createdAt) ?? '');
	let idsAtCursor = new Set(cursor?.idsAtCursor ?? []);
	const seenNow = new Set<string>();
	const fresh: IDataObject[] = [];
	for (const item of items) {
		const id = itemId(item);
		const created = typeof item.created_at === 'string' ? item.created_at : undefined;
		const key = created === undefined ? undefined : timestampKey(created);
		if (id === undefined || key === undefined || created === undefined) continue;
		if (seenNow.has(id)) continue;
		if (key < currentKey || (key === currentKey && idsAtCursor.has(id))) continue;
		seenNow.add(id);
		fresh.push(item);
		if (key > currentKey) {
			currentKey = key;
			createdAt = created;
			idsAtCursor = new Set([id]);
		} else {
			idsAtCursor.add(id);
		}
	}
	return { fresh, cursor: { createdAt, idsAtCursor: [...idsAtCursor] } };
}
