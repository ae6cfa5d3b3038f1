import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { uuidFromName } from '../../../shared/money/reference-uuid';
import {
	optionalText,
	requireOneOf,
	requireText,
} from '../../../shared/description/field-validation';
import { pickFields } from '../common.fields';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';

const IDENTITY_TYPES = ['username', 'phone', 'email'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Identity Type',
		name: 'identityType',
		type: 'options',
		default: 'phone',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Phone Number', value: 'phone' },
			{ name: 'Username', value: 'username' },
		],
		description:
			'The kind of identity (identity.type). The document shows username and mentions a phone number; email is assumed.',
	},
	{
		displayName: 'Identity',
		name: 'identityValue',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+44 123 4567 8901',
		description: 'The phone number, email address or username of the Memento user',
	},
	{
		displayName: 'Authenticator',
		name: 'authenticator',
		type: 'string',
		default: 'sms',
		required: true,
		placeholder: 'sms',
		description:
			'How Memento checks the identity, e.g. sms (a code is sent) or password (the secret below is the password)',
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Only for authenticators that take the secret in this step, such as password. Leave empty for sms.',
	},
	{
		displayName: 'Device',
		name: 'device',
		type: 'collection',
		placeholder: 'Add Device Field',
		default: {},
		description:
			'The device the token is for. Its UUID defaults to one derived from this workflow and node, so the same node always presents the same device.',
		options: [
			{ displayName: 'Device UUID', name: 'uuid', type: 'string', default: '' },
			{ displayName: 'Make', name: 'make', type: 'string', default: 'n8n' },
			{ displayName: 'Model', name: 'model', type: 'string', default: '' },
			{ displayName: 'OS Name', name: 'osName', type: 'string', default: '' },
			{ displayName: 'OS Version', name: 'osVersion', type: 'string', default: '' },
			{ displayName: 'Screen Height', name: 'screenHeight', type: 'number', default: 0 },
			{ displayName: 'Screen Width', name: 'screenWidth', type: 'number', default: 0 },
			{ displayName: 'SDK Version', name: 'sdkVersion', type: 'string', default: '' },
		],
	},
];

export const create: MementoOperation = {
	description: forOperation('token', 'create', properties),
	prepare(itemIndex) {
		const deviceInput = this.getNodeParameter('device', itemIndex, {}) as IDataObject;
		const device = pickFields(deviceInput, {
			uuid: 'uuid',
			make: 'make',
			model: 'model',
			osName: 'os_name',
			osVersion: 'os_version',
			screenWidth: 'screen_width',
			screenHeight: 'screen_height',
			sdkVersion: 'sdk_version',
		});
		for (const key of ['screen_width', 'screen_height']) if (device[key] === 0) delete device[key];
		device.uuid ??= uuidFromName(
			`memento-device:${this.getWorkflow().id ?? ''}:${this.getNode().id}`,
		);
		device.make ??= 'n8n';
		const body: IDataObject = {
			identity: {
				type: requireOneOf(
					this.getNodeParameter('identityType', itemIndex, 'phone'),
					IDENTITY_TYPES,
					'Identity Type',
				),
				value: requireText(this.getNodeParameter('identityValue', itemIndex, ''), 'Identity'),
			},
			authenticator: requireText(
				this.getNodeParameter('authenticator', itemIndex, ''),
				'Authenticator',
			),
			device,
		};
		const secret = optionalText(this.getNodeParameter('secret', itemIndex, ''));
		if (secret !== undefined) body.secret = secret;
		return {
			method: 'POST',
			path: '/v1/tokens',
			body,
			withoutSession: true,
			secrets: secret === undefined ? [] : [secret],
		};
	},
};
