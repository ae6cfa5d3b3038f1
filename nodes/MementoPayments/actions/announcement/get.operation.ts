import { uuidField } from '../common.fields';
import { getByIdOperation } from '../operation.factory';
import { ANNOUNCEMENTS_PATH } from './getMany.operation';

export const get = getByIdOperation(
	'announcement',
	ANNOUNCEMENTS_PATH,
	uuidField('announcementUuid', 'Announcement UUID', 'UUID of the announcement'),
);
