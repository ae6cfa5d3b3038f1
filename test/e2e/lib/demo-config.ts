/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// The demo's documented defaults (README: "Demo"). Screenshots read the same values.
export const DEMO_OWNER = {
	email: process.env.PAYMENTS_PACK_DEMO_EMAIL || 'demo@example.com',
	password: process.env.PAYMENTS_PACK_DEMO_PASSWORD || 'DemoPass123',
	firstName: 'Demo',
	lastName: 'Owner',
};

export const DEMO_PORT = Number(process.env.PAYMENTS_PACK_DEMO_PORT || 5678);
export const DEMO_BROKER_PORT = Number(process.env.PAYMENTS_PACK_DEMO_BROKER_PORT || DEMO_PORT + 1);
export const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}`;
/** The fake chat model of the agent examples (test/e2e/lib/fake-openai.ts). */
export const DEMO_MODEL_PORT = Number(process.env.PAYMENTS_PACK_DEMO_MODEL_PORT || 18110);
