import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { runPoll, runWebhook, runWebhookMethod } from './run-trigger';
import { nodeTypes } from './run-workflow';

/** A minimal trigger, to check the harness hands a node what n8n's server would. */
class EchoTrigger implements INodeType {
	description = {
		displayName: 'Echo Trigger',
		name: 'echoTrigger',
		group: ['trigger'],
		version: 1,
		description: 'test',
		defaults: { name: 'Echo' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		polling: true,
		properties: [{ displayName: 'Secret', name: 'secret', type: 'string', default: '' }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'echo' },
			{ name: 'default', httpMethod: 'PUT', responseMode: 'onReceived', path: 'echo' },
		],
	} as unknown as INodeType['description'];

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions) {
				return this.getWorkflowStaticData('node').registeredUrl !== undefined;
			},
			async create(this: IHookFunctions) {
				this.getWorkflowStaticData('node').registeredUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions) {
				delete this.getWorkflowStaticData('node').registeredUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions) {
		const request = this.getRequestObject() as unknown as { rawBody: Buffer; method: string };
		if (this.getHeaderData()['x-secret'] !== this.getNodeParameter('secret')) {
			this.getResponseObject().status(401).send('bad secret');
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData();
		return {
			workflowData: [
				[{ json: { ...body, method: request.method, raw: request.rawBody.toString('utf8') } }],
			],
		};
	}

	async poll(this: IPollFunctions) {
		const state = this.getWorkflowStaticData('node') as IDataObject;
		state.polls = Number(state.polls ?? 0) + 1;
		return [[{ json: { poll: state.polls } }]];
	}
}

beforeAll(() => nodeTypes.register('test.echoTrigger', new EchoTrigger()));

const node = { name: 'Echo', type: 'test.echoTrigger', parameters: { secret: 's3' } };

describe('trigger harness', () => {
	it('delivers a webhook request with headers, raw body and method, and returns emitted items', async () => {
		const outcome = await runWebhook({
			node,
			request: {
				method: 'PUT',
				headers: { 'X-Secret': 's3' },
				body: { a: 1 },
				rawBody: Buffer.from('{"a":1}'),
			},
		});
		expect(outcome.statusCode).toBe(200);
		expect(outcome.emitted?.[0][0].json).toEqual({ a: 1, method: 'PUT', raw: '{"a":1}' });
	});

	it('reports what the node wrote to the response when it answers itself', async () => {
		const outcome = await runWebhook({ node, request: { method: 'POST', body: {} } });
		expect(outcome).toMatchObject({
			statusCode: 401,
			responseBody: 'bad secret',
			emitted: undefined,
		});
	});

	it('runs webhook lifecycle methods with persistent static data', async () => {
		const staticData = {};
		const withHook = { ...node, webhookId: 'hook-1' };
		expect(
			(await runWebhookMethod({ node: withHook, method: 'checkExists', staticData })).result,
		).toBe(false);
		const created = await runWebhookMethod({ node: withHook, method: 'create', staticData });
		expect(created.webhookUrl).toBe('http://127.0.0.1:5678/webhook/hook-1/echo');
		expect(
			(await runWebhookMethod({ node: withHook, method: 'checkExists', staticData })).result,
		).toBe(true);
		await runWebhookMethod({ node: withHook, method: 'delete', staticData });
		expect(
			(await runWebhookMethod({ node: withHook, method: 'checkExists', staticData })).result,
		).toBe(false);
	});

	it('polls with static data kept between polls', async () => {
		const staticData = {};
		await runPoll({ node, staticData });
		const second = await runPoll({ node, staticData });
		expect(second.items?.[0][0].json).toEqual({ poll: 2 });
	});
});
