/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Each scenario writes its figures as a JSON fragment; bench/run.ts turns them into RESULTS.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Row {
	/** What was measured, e.g. "pack node, ms per item". */
	measure: string;
	value: number;
	unit: string;
	/** The figure it is compared with, when there is one. */
	baseline?: string;
	baselineValue?: number;
	/** value / baselineValue unless given. */
	ratio?: number;
	/** e.g. "≤ 2.5x"; the row is a target when met is set. */
	target?: string;
	met?: boolean;
}

export interface Section {
	/** Sort key: a number (1 -> "01") or a string such as "01b" (after "01", before "02"). */
	order: number | string;
	title: string;
	rows: Row[];
	notes: string[];
	/** Facts about the environment this section learned (e.g. the real n8n version). */
	environment?: Record<string, string>;
}

export function resultsDir(): string {
	return process.env.BENCH_RESULTS_DIR ?? join(tmpdir(), 'payments-pack-bench-results');
}

export function writeSection(section: Section): void {
	const dir = resultsDir();
	mkdirSync(dir, { recursive: true });
	for (const row of section.rows) {
		if (row.ratio === undefined && row.baselineValue) row.ratio = row.value / row.baselineValue;
	}
	writeFileSync(
		join(
			dir,
			`${typeof section.order === 'number' ? String(section.order).padStart(2, '0') : section.order}.json`,
		),
		JSON.stringify(section, null, 2),
	);
}
