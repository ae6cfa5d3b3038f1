import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { loadOptions } from './methods';
import { TRIGGER_EVENTS } from './trigger/events';
import { pollNewItems } from './trigger/poll';

export class MementoPaymentsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Memento Payments Trigger',
		name: 'mementoPaymentsTrigger',
		icon: { light: 'file:../../icons/memento.svg', dark: 'file:../../icons/memento.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description:
			'Starts the workflow when Memento Payments has new payments, requests, transactions, notifications or pool contributions',
		defaults: { name: 'Memento Payments Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mementoPaymentsApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'payment',
				options: Object.values(TRIGGER_EVENTS).map((event) => event.option),
			},
			{
				displayName: 'Money Pool Name or ID',
				name: 'poolUuid',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPools' },
				default: '',
				required: true,
				displayOptions: { show: { event: ['poolContribution'] } },
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Owner',
				name: 'owner',
				type: 'options',
				default: 'all',
				displayOptions: { show: { event: ['payment', 'request'] } },
				options: [
					{ name: 'All', value: 'all', description: 'Created by me and addressed to me' },
					{ name: 'Created by Me', value: 'me' },
					{ name: 'Not Created by Me', value: 'others', description: 'E.g. payments received.' },
				],
			},
		],
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const items = await pollNewItems.call(this);
		if (items === null) return null;
		return [this.helpers.returnJsonArray(items)];
	}
}
