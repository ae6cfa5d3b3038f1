import { getManyOperation } from '../operation.factory';
import { formatSince, sinceField } from '../since.fields';

export const ANNOUNCEMENTS_PATH = '/v1/announcements';

export const getMany = getManyOperation({
	resource: 'announcement',
	path: ANNOUNCEMENTS_PATH,
	fields: [sinceField(false, 'Only announcements sent after this time (UTC)')],
	readQuery(itemIndex) {
		const since = formatSince(this.getNodeParameter('since', itemIndex, ''), false);
		const query: Record<string, string> = {};
		if (since !== undefined) query.since = since;
		return query;
	},
});
