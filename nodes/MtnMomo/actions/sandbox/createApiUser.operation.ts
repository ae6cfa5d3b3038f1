import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { optionalText, requireText } from '../../../shared/description/field-validation';
import { readReferenceId } from '../common.fields';
import type { MomoOperation } from '../types';
import { requireSandbox } from './require-sandbox';

const properties: INodeProperties[] = [
	{
		displayName: 'Provider Callback Host',
		name: 'providerCallbackHost',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'n8n.example.com',
		description:
			'Host name of your callback URLs (e.g. the host of your n8n), without scheme or path',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'API User ID',
				name: 'apiUserId',
				type: 'string',
				default: '',
				description:
					'The UUID v4 to create the API user under. Leave empty to derive one from this workflow, node and the fields of the item (the same fields give the same UUID).',
			},
		],
	},
];

export const createApiUser: MomoOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['sandbox'], operation: ['createApiUser'] } },
		properties,
	),
	prepare(itemIndex, item) {
		requireSandbox(item.targetEnvironment);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const host = requireText(
			this.getNodeParameter('providerCallbackHost', itemIndex, ''),
			'Provider Callback Host',
		)
			.replace(/^https?:\/\//i, '')
			.replace(/\/.*$/, '');
		const own = optionalText(options.apiUserId);
		const apiUser = own
			? readReferenceId(
					own,
					'API User ID',
					'Use a UUID version 4 of your choice, or leave it empty to derive one.',
				)
			: item.derivedReferenceId;
		return {
			request: {
				method: 'POST',
				path: '/v1_0/apiuser',
				headers: { 'X-Reference-Id': apiUser },
				body: { providerCallbackHost: host },
				idempotent: true,
				accept: [409],
			},
			present: (response) => ({
				apiUser,
				providerCallbackHost: host,
				alreadyExisted: response.statusCode === 409,
			}),
		};
	},
};
