import type { INodeProperties } from 'n8n-workflow';

import { requireOneOf, requireText } from '../../../shared/description/field-validation';
import { readPathId } from '../common.fields';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { VERIFICATIONS_PATH, verificationTargetFields, verificationUuidField } from './fields';
import { readVerificationTarget } from './target';

const onStep = (step: string) => ({ show: { step: [step] } });

const properties: INodeProperties[] = [
	{
		displayName: 'Step',
		name: 'step',
		type: 'options',
		default: 'start',
		options: [
			{ name: 'Start', value: 'start', description: 'Memento sends a code to the email or phone' },
			{ name: 'Confirm', value: 'confirm', description: 'Send back the code the person received' },
		],
	},
	...verificationTargetFields.map((field) => ({ ...field, displayOptions: onStep('start') })),
	{ ...verificationUuidField, displayOptions: onStep('confirm') },
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: onStep('confirm'),
		description: 'The code the person received',
	},
];

export const twoStep: MementoOperation = {
	description: forOperation('verification', 'twoStep', properties),
	prepare(itemIndex) {
		const step = requireOneOf(
			this.getNodeParameter('step', itemIndex, 'start'),
			['start', 'confirm'] as const,
			'Step',
		);
		if (step === 'start') {
			return {
				method: 'POST',
				path: VERIFICATIONS_PATH,
				body: { ...readVerificationTarget(this, itemIndex), two_step: true },
			};
		}
		const uuid = readPathId(this, verificationUuidField, itemIndex);
		const secret = requireText(this.getNodeParameter('secret', itemIndex, ''), 'Secret');
		return {
			method: 'POST',
			path: `${VERIFICATIONS_PATH}/${uuid}/secret`,
			body: { secret },
			secrets: [secret],
		};
	},
};
