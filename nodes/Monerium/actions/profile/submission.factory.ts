import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import {
	FieldError,
	parseJsonArray,
	parseJsonObject,
} from '../../../shared/description/field-validation';
import { profileLocator, readProfile } from '../common.fields';
import type { MoneriumOperation } from '../types';

/**
 * The three KYC PUT endpoints share a shape: `{ "<kind>": <data> }` on /profiles/{id}/<part>.
 * Details and form take an object, verifications an array.
 */
export function profileSubmission(options: {
	operation: string;
	part: 'details' | 'form' | 'verifications';
	dataLabel: string;
	example: string;
	isArray: boolean;
}): MoneriumOperation {
	const properties: INodeProperties[] = [
		profileLocator,
		{
			displayName: 'Profile Kind',
			name: 'profileKind',
			type: 'options',
			options: [
				{ name: 'Personal', value: 'personal' },
				{ name: 'Corporate', value: 'corporate' },
			],
			default: 'personal',
			description: 'Once a profile is approved its kind cannot change',
		},
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the per-operation example below
		{
			displayName: options.dataLabel,
			name: 'data',
			type: 'json',
			default: options.example,
			required: true,
			description: `The ${options.part} as Monerium documents them for the chosen kind`,
		},
	];
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['profile'], operation: [options.operation] } },
			properties,
		),
		prepare(itemIndex) {
			const profile = readProfile(this, itemIndex);
			const kind = this.getNodeParameter('profileKind', itemIndex, 'personal') as string;
			if (kind !== 'personal' && kind !== 'corporate') {
				throw new FieldError('Profile Kind', 'Profile Kind must be personal or corporate');
			}
			const raw = this.getNodeParameter('data', itemIndex, '');
			const data = options.isArray
				? parseJsonArray(raw, options.dataLabel)
				: parseJsonObject(raw, options.dataLabel);
			if (!data || (Array.isArray(data) ? data.length === 0 : Object.keys(data).length === 0)) {
				throw new FieldError(options.dataLabel, `${options.dataLabel} must not be empty`);
			}
			return {
				request: {
					method: 'PUT',
					path: `/profiles/${profile}/${options.part}`,
					body: { [kind]: data } as never,
					// A PUT replaces the same state: safe to send again.
					idempotent: true,
				},
				output: (body) => ({ profile, submitted: options.part, kind, response: body }),
			};
		},
	};
}
