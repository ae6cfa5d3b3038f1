import { profileSubmission } from './submission.factory';

export const submitDetails = profileSubmission({
	operation: 'submitDetails',
	part: 'details',
	dataLabel: 'Details (JSON)',
	isArray: false,
	example:
		'{\n  "firstName": "Jane",\n  "lastName": "Doe",\n  "address": "Pilestraede 43",\n  "postalCode": "1112",\n  "city": "Copenhagen",\n  "country": "DK",\n  "nationality": "DK",\n  "birthday": "1990-05-15",\n  "idDocument": { "number": "AA123456", "kind": "passport" }\n}',
});
