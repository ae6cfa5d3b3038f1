import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireOneOf, requireText } from '../../../shared/description/field-validation';

export function readVerificationTarget(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		type: requireOneOf(
			context.getNodeParameter('verificationType', itemIndex, 'phone'),
			['email', 'phone'] as const,
			'Type',
		),
		value: requireText(context.getNodeParameter('verificationValue', itemIndex, ''), 'Value'),
	};
}
