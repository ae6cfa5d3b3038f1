import {
	describeValue,
	FieldError,
	requireText,
} from '../../../shared/description/field-validation';
import { addressedOperation } from '../operation.factory';
import { poolPath, poolUuidField } from './fields';

export const exportParticipants = addressedOperation({
	resource: 'pool',
	operation: 'exportParticipants',
	method: 'POST',
	ids: [poolUuidField],
	path: ([uuid]) => `${poolPath(uuid)}/participants/export`,
	fields: [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'Where Memento sends the list of participants',
		},
	],
	readBody(itemIndex) {
		const email = requireText(this.getNodeParameter('email', itemIndex, ''), 'Email');
		if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
			throw new FieldError('Email', `Email must be an email address (got ${describeValue(email)})`);
		}
		return { email };
	},
});
