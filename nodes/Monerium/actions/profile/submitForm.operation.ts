import { profileSubmission } from './submission.factory';

export const submitForm = profileSubmission({
	operation: 'submitForm',
	part: 'form',
	dataLabel: 'Form (JSON)',
	isArray: false,
	example:
		'{\n  "occupation": "OCCUPATION_EMPLOYED",\n  "profession": "PROF_INFORMATION_TECHNOLOGY",\n  "fundOrigin": "FUND_ORIGIN_SALARY",\n  "annualIncome": "ANNUAL_INCOME_50K_TO_150K",\n  "monthlyTurnover": "TURNOVER_UNDER_10K",\n  "monthlyTransactionCount": "TRANSACTION_COUNT_5_TO_50",\n  "activities": ["ACTIVITY_COMMERCE_BUYING"],\n  "publicFunction": false,\n  "fundOwner": true\n}',
});
