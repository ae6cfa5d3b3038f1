// The pack in n8n queue mode: PostgreSQL, Redis, a main process, a webhook process and workers
// (test/queue/setup.ts), and the scenarios run on them, one concern per module of scenarios/.
//
// They share one cluster, in this order: starting one takes 30-70 s on 2 cores, and a file per
// module, each with its own cluster, made `npm run test:queue` take 464 s instead of 334. (Jest's
// globalSetup cannot hold it for several files: the tests inspect and fault the sandboxes in their
// own process.) Each module leaves the cluster fit for the next one: the crash scenario kills a
// worker and starts another when none is left running.
import { queueScale } from './lib';
import { batchesAcrossWorkers } from './scenarios/throughput';
import { triggers } from './scenarios/triggers';
import { workerCrash } from './scenarios/worker-crash';
import { useQueueSuite } from './setup';

describe(`the pack in n8n queue mode (${queueScale().name} scale)`, () => {
	const suite = useQueueSuite();
	describe('batches across the workers', batchesAcrossWorkers(suite));
	describe('a worker killed mid-batch', workerCrash(suite));
	describe('triggers through the webhook process and polling on main', triggers(suite));
});
