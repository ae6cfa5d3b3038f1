import { uuidField } from '../common.fields';
import { getByIdOperation } from '../operation.factory';

export const get = getByIdOperation(
	'image',
	'/v1/images',
	uuidField('imageUuid', 'Image UUID', 'UUID of the image'),
);
