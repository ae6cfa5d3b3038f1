import type { INodeProperties } from 'n8n-workflow';

import { describeValue, FieldError, optionalText } from '../../shared/description/field-validation';

export function sinceField(required: boolean, description: string): INodeProperties {
	return {
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		required,
		description,
	};
}

const SINCE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Memento wants `YYYY-MM-DD HH:MM:SS`; n8n's date fields give ISO text. UTC is assumed. */
export function formatSince(value: unknown, required: boolean): string | undefined {
	const text = optionalText(value);
	if (text === undefined) {
		if (required) throw new FieldError('Since', 'Since is required');
		return undefined;
	}
	const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text} 00:00:00` : undefined;
	if (dateOnly) return dateOnly;
	const match = SINCE.exec(text);
	if (!match) {
		throw new FieldError(
			'Since',
			`Since must be a date and time such as 2024-01-31 14:00:00 (got ${describeValue(text)})`,
		);
	}
	if (match[3] && match[3] !== 'Z' && !/^[+-]00:?00$/.test(match[3])) {
		const utc = new Date(text);
		return utc.toISOString().slice(0, 19).replace('T', ' ');
	}
	return `${match[1]} ${match[2]}`;
}
