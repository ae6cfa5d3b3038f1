import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { markOutcomeUnknown } from '../../shared/execution/errors';
import { MEMENTO_PAGE_SIZE } from '../constants';
import { callMemento, listItems, type MementoSession } from '../transport';
import type { MementoLookup } from './types';
import { CURRENT_USER_PATH } from './user/fields';

/** How many pages a lookup walks before giving up (it then proves nothing). */
const MAX_LOOKUP_PAGES = 20;

/** A lookup reads named fields: anything but an object reads as one with none. */
function objectOrEmpty(data: unknown): IDataObject {
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : {};
}

/**
 * The reads money-move lookups make for one node run. The current user is read once; everything
 * else is read fresh, because a lookup asks what Memento holds now.
 */
export function mementoLookup(
	context: IExecuteFunctions,
	session: MementoSession,
): (itemIndex: number) => MementoLookup {
	let me: Promise<IDataObject> | undefined;
	return (itemIndex) => {
		const get = async (path: string, qs?: Record<string, string>) =>
			(await callMemento(context, session, { method: 'GET', path, qs }, itemIndex)).data;
		return {
			get: async (path) => objectOrEmpty(await get(path)),
			me: async () => {
				me ??= get(CURRENT_USER_PATH).then(objectOrEmpty);
				me.catch(() => (me = undefined));
				return await me;
			},
			async first(path, qs, matches) {
				for (let page = 1; page <= MAX_LOOKUP_PAGES; page++) {
					const query = { ...qs, page: String(page), limit: String(MEMENTO_PAGE_SIZE) };
					const items = listItems(await get(path, query));
					const found = items.find(matches);
					if (found) return found;
					if (items.length < MEMENTO_PAGE_SIZE) return undefined;
				}
				throw markOutcomeUnknown(
					new NodeOperationError(
						context.getNode(),
						`Could not tell whether this money move was already made: more than ${MAX_LOOKUP_PAGES * MEMENTO_PAGE_SIZE} candidates in ${path} [item ${itemIndex}]`,
						{
							itemIndex,
							description:
								'Nothing was sent again. Check in Memento whether the move was made before running the item again.',
						},
					),
				);
			},
		};
	};
}
