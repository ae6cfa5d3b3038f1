/** Notifications the document describes (it shows no order events). */
export const MONERIUM_EVENTS = [
	{ name: 'Profile Updated', value: 'profile.updated', description: "A profile's state changed" },
	{ name: 'IBAN Updated', value: 'iban.updated', description: 'An IBAN was created or changed' },
] as const;

export const SUBSCRIPTION_CREATED = 'subscription.created';
