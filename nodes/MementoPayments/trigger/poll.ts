import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { buildFilterExpression, type FilterCondition } from '../../shared/filter-query';
import { requirePathId, type FieldError } from '../../shared/validation';
import type { MementoRequest } from '../actions/types';
import { callMemento, iterateMemento, listItems, openMementoSession } from '../transport';
import { advanceCursor, type PollCursor } from './cursor';
import { TRIGGER_EVENTS } from './events';

interface TriggerState {
	cursor?: PollCursor;
	/** The cursor belongs to this list; another event or pool starts over. */
	source?: string;
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

	const since: FilterCondition[] = state.cursor.createdAt
		? [{ field: 'created_at', operator: 'gte', value: state.cursor.createdAt }]
		: [];
	let cursor = state.cursor;
	const emitted: IDataObject[] = [];
	for await (const page of iterateMemento(
		this,
		session,
		withQuery(path, [...conditions, ...since], 'created_at:asc,uuid:asc'),
	)) {
		const step = advanceCursor(cursor, page);
		cursor = step.cursor;
		emitted.push(...step.fresh);
	}
	// Saved only after the whole walk: a failed poll is repeated from the same place.
	state.cursor = cursor;
	return emitted.length > 0 ? emitted : null;
}
