import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { buildFilterExpression, type FilterCondition } from '../transport/filter-query';
import { requirePathId, type FieldError } from '../../shared/description/field-validation';
import type { MementoRequest } from '../actions/types';
import { callMemento, iterateMemento, listItems, openMementoSession } from '../transport';
import { advanceCursor, timestampKey, type PollCursor } from './cursor';
import { TRIGGER_EVENTS } from './events';

interface TriggerState {
	cursor?: PollCursor;
	/** The cursor belongs to this list; another event or pool starts over. */
	source?: string;
	/** Memento refused a timestamp in the filter once: ask by date from then on. */
	dateOnlyFilter?: boolean;
}

/**
 * Assumed reading: the document's filter syntax is `field:operator:value` separated by colons and
 * its only date example is `created_at:lt:2018-01-01`. A timestamp value has colons of its own
 * (`created_at:gte:2024-05-01T10:00:00Z`), and sorting by `uuid` is not in the document either.
 * When Memento refuses that query (400 or 422), the poll asks again with the date alone and
 * `created_at` order: that returns the whole day, and the cursor drops what was emitted before.
 */
function sinceQuery(
	path: string,
	conditions: FilterCondition[],
	cursor: PollCursor,
	dateOnly: boolean,
): MementoRequest {
	if (!cursor.createdAt) return withQuery(path, conditions, 'created_at:asc,uuid:asc');
	const value = dateOnly
		? (timestampKey(cursor.createdAt) ?? cursor.createdAt).slice(0, 10)
		: cursor.createdAt;
	const since: FilterCondition = { field: 'created_at', operator: 'gte', value };
	return withQuery(
		path,
		[...conditions, since],
		dateOnly ? 'created_at:asc' : 'created_at:asc,uuid:asc',
	);
}

function refusedQuery(error: unknown): boolean {
	const code = String((error as { httpCode?: unknown } | undefined)?.httpCode ?? '');
	return code === '400' || code === '422';
}

function listRequest(this: IPollFunctions): { path: string; conditions: FilterCondition[] } {
	const eventName = this.getNodeParameter('event') as string;
	const event = TRIGGER_EVENTS[eventName];
	if (!event) throw new NodeOperationError(this.getNode(), `Unknown event "${eventName}"`);
	let poolUuid = '';
	if (eventName === 'poolContribution') {
		try {
			poolUuid = requirePathId(this.getNodeParameter('poolUuid', ''), 'Money Pool');
		} catch (error) {
			const { message, hint } = error as FieldError;
			throw new NodeOperationError(this.getNode(), message, { description: hint });
		}
	}
	const conditions: FilterCondition[] = [];
	const owner = event.owner ? this.getNodeParameter('owner', 'all') : 'all';
	if (owner === 'me' || owner === 'others') {
		conditions.push({ field: 'owner', operator: 'eq', value: owner });
	}
	return { path: event.path(poolUuid), conditions };
}

function withQuery(path: string, conditions: FilterCondition[], sort: string): MementoRequest {
	const qs: Record<string, string> = { sort };
	const filter = buildFilterExpression(conditions);
	if (filter) qs.filter = filter;
	return { method: 'GET', path, qs };
}

/**
 * New items since the last poll, oldest first, each exactly once. Manual runs return the newest
 * item as a sample and leave the cursor alone; the first active poll only sets the cursor.
 */
export async function pollNewItems(this: IPollFunctions): Promise<IDataObject[] | null> {
	const { path, conditions } = listRequest.call(this);
	const session = await openMementoSession(this);
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const source = `${path}?${buildFilterExpression(conditions) ?? ''}`;

	if (this.getMode() === 'manual' || state.source !== source || state.cursor === undefined) {
		const latestRequest = withQuery(path, conditions, 'created_at:desc');
		latestRequest.qs = { ...latestRequest.qs, page: '1', limit: '1' };
		const [latest] = listItems((await callMemento(this, session, latestRequest)).data);
		if (this.getMode() === 'manual') return latest ? [latest] : null;
		state.source = source;
		state.cursor = advanceCursor(undefined, latest ? [latest] : []).cursor;
		return null;
	}

	const walk = async (dateOnly: boolean) => {
		let cursor = state.cursor as PollCursor;
		const emitted: IDataObject[] = [];
		const query = sinceQuery(path, conditions, cursor, dateOnly);
		for await (const page of iterateMemento(this, session, query)) {
			const step = advanceCursor(cursor, page);
			cursor = step.cursor;
			emitted.push(...step.fresh);
		}
		return { cursor, emitted };
	};
	let result;
	let refused: unknown;
	try {
		result = await walk(state.dateOnlyFilter === true);
	} catch (error) {
		refused = error;
	}
	if (result === undefined) {
		if (state.dateOnlyFilter === true || !state.cursor.createdAt || !refusedQuery(refused)) {
			throw refused;
		}
		result = await walk(true);
		state.dateOnlyFilter = true;
	}
	// Saved only after the whole walk: a failed poll is repeated from the same place.
	state.cursor = result.cursor;
	return result.emitted.length > 0 ? result.emitted : null;
}
