import { requireText } from '../../../shared/description/field-validation';
import { forOperation } from '../operation.factory';
import type { MementoOperation } from '../types';
import { VERIFICATIONS_PATH, verificationTargetFields } from './fields';
import { readVerificationTarget } from './target';

export const singleStep: MementoOperation = {
	description: forOperation('verification', 'singleStep', [
		...verificationTargetFields,
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The code the person received, checked in the same request',
		},
	]),
	prepare(itemIndex) {
		const secret = requireText(this.getNodeParameter('secret', itemIndex, ''), 'Secret');
		return {
			method: 'POST',
			path: VERIFICATIONS_PATH,
			body: { ...readVerificationTarget(this, itemIndex), secret },
			secrets: [secret],
		};
	},
};
