import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { isValidWebhookSecret } from '../../standard-webhooks';
import {
	describeValue,
	FieldError,
	requireText,
} from '../../../shared/description/field-validation';
import { MONERIUM_EVENTS } from '../../events';
import type { MoneriumOperation } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/monerium',
		description: 'Where Monerium sends the notifications (HTTPS)',
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		placeholder: 'whsec_...',
		description:
			'A whsec_ secret: base64 of 24 to 64 random bytes. Keep it to verify the deliveries.',
	},
	{
		displayName: 'Events',
		name: 'types',
		type: 'multiOptions',
		options: MONERIUM_EVENTS.map((event) => ({
			name: event.name,
			value: event.value,
			description: event.description,
		})),
		default: [],
		description:
			'Events to subscribe to (types). The document lists no such field: leave empty to send none and let Monerium choose.',
	},
];

export const create: MoneriumOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['webhook'], operation: ['create'] } },
		properties,
	),
	prepare(itemIndex) {
		const url = requireText(this.getNodeParameter('url', itemIndex, ''), 'URL');
		if (!/^https?:\/\/\S+$/.test(url))
			throw new FieldError('URL', `URL must be an http(s) URL (got ${describeValue(url)})`);
		const secret = requireText(this.getNodeParameter('secret', itemIndex, ''), 'Secret');
		if (!isValidWebhookSecret(secret)) {
			throw new FieldError(
				'Secret',
				'Secret must be whsec_ followed by base64 of 24 to 64 random bytes',
			);
		}
		const chosen = this.getNodeParameter('types', itemIndex, []);
		const types = Array.isArray(chosen) ? (chosen as string[]) : [];
		const body: IDataObject = { url, secret };
		if (types.length > 0) body.types = types;
		// The secret goes to Monerium only; it is never part of the output.
		return {
			request: { method: 'POST', path: '/webhooks', body },
			output: (body) => ({ url, types, subscribed: true, response: body }),
		};
	},
};
