import type { INodeProperties } from 'n8n-workflow';

import { uuidField } from '../common.fields';

export const VERIFICATIONS_PATH = '/v1/verifications';

export const verificationUuidField = uuidField(
	'verificationUuid',
	'Verification UUID',
	'UUID of the verification',
);

export const verificationTargetFields: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'verificationType',
		type: 'options',
		default: 'phone',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Phone', value: 'phone' },
		],
	},
	{
		displayName: 'Value',
		name: 'verificationValue',
		type: 'string',
		default: '',
		required: true,
		description: 'The email address or phone number to verify',
	},
];
