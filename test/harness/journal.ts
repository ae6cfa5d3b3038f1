// n8n's deduplication store as the n8n server provides it (a table of processed entries per workflow
// and node), kept in memory: nodes reach it through this.helpers.checkProcessedAndRecord & co.
import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

/** One n8n database's processed entries: share one between runs to model executions of one n8n. */
export class TestJournal {
	readonly entries = new Map<string, string[]>();
	/** Calls that recorded entries, to show the node asks once per run, not once per item. */
	recordCalls = 0;

	static contextOf(scope: DeduplicationScope, data: ICheckProcessedContextData): string {
		return `${data.workflow.id}\u001f${scope === 'node' ? `n:${data.node?.id ?? ''}` : ''}`;
	}

	keys(workflowId: string, nodeId: string): string[] {
		return this.entries.get(`${workflowId}\u001fn:${nodeId}`) ?? [];
	}
}

let current: TestJournal | undefined;

class InMemoryDeduplicator implements IDataDeduplicator {
	private journal(): TestJournal {
		if (!current) throw new Error('No journal for this run');
		return current;
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		const journal = this.journal();
		journal.recordCalls++;
		const context = TestJournal.contextOf(scope, data);
		const stored = journal.entries.get(context) ?? [];
		const output: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			const value = String(item);
			if (stored.includes(value)) output.processed.push(item);
			else {
				output.new.push(item);
				stored.push(value);
			}
		}
		if (options.maxEntries) stored.splice(0, Math.max(0, stored.length - options.maxEntries));
		journal.entries.set(context, stored);
		return output;
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
	): Promise<void> {
		const journal = this.journal();
		const context = TestJournal.contextOf(scope, data);
		const remove = new Set(items.map(String));
		journal.entries.set(
			context,
			(journal.entries.get(context) ?? []).filter((value) => !remove.has(value)),
		);
	}

	async clearAllProcessedItems(
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
	): Promise<void> {
		this.journal().entries.delete(TestJournal.contextOf(scope, data));
	}

	async getProcessedDataCount(
		scope: DeduplicationScope,
		data: ICheckProcessedContextData,
	): Promise<number> {
		return this.journal().entries.get(TestJournal.contextOf(scope, data))?.length ?? 0;
	}
}

let initialised = false;

/** Makes `journal` the store the next run's nodes see (a fresh one when none is given). */
export async function useJournal(journal: TestJournal | undefined): Promise<TestJournal> {
	if (!initialised) {
		await DataDeduplicationService.init(new InMemoryDeduplicator());
		initialised = true;
	}
	current = journal ?? new TestJournal();
	return current;
}
