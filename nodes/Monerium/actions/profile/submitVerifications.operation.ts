import { profileSubmission } from './submission.factory';

export const submitVerifications = profileSubmission({
	operation: 'submitVerifications',
	part: 'verifications',
	dataLabel: 'Verifications (JSON)',
	isArray: true,
	example: '[\n  { "kind": "idDocument", "fileIds": ["3ebc51a8-044f-11ed-8b1f-4a76448b7b21"] }\n]',
});
