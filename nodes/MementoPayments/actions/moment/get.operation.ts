import { uuidField } from '../common.fields';
import { getByIdOperation } from '../operation.factory';
import { MOMENTS_PATH } from './getMany.operation';

export const get = getByIdOperation(
	'moment',
	MOMENTS_PATH,
	uuidField('momentUuid', 'Moment UUID', 'UUID of the moment'),
);
