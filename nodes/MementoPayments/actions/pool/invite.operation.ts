import { FieldError } from '../../../shared/description/field-validation';
import { readTextList } from '../common.fields';
import { addressedOperation } from '../operation.factory';
import { poolPath, poolUuidField } from './fields';

export const invite = addressedOperation({
	resource: 'pool',
	operation: 'invite',
	method: 'POST',
	ids: [poolUuidField],
	path: ([uuid]) => `${poolPath(uuid)}/invite`,
	fields: [
		{
			displayName: 'User UUIDs',
			name: 'userUuids',
			type: 'string',
			default: '',
			required: true,
			description: 'Users to add as invited participants, separated by commas',
		},
	],
	readBody(itemIndex) {
		const users = readTextList(this.getNodeParameter('userUuids', itemIndex, ''));
		if (users.length === 0) throw new FieldError('User UUIDs', 'User UUIDs is required');
		return { user_uuids: users };
	},
});
