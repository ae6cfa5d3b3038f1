import { requireText } from '../../../shared/description/field-validation';
import { getManyOperation } from '../operation.factory';
import { USERS_PATH } from './fields';

export const search = getManyOperation({
	resource: 'user',
	operation: 'search',
	path: `${USERS_PATH}/search`,
	fieldExample: 'country',
	fields: [
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'john',
			description: 'Name, username, email or phone number to look for',
		},
	],
	readQuery(itemIndex) {
		return { query: requireText(this.getNodeParameter('query', itemIndex, ''), 'Query') };
	},
});
