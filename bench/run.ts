/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console */
// `npm run bench`: runs the benchmark scenarios (jest, in band, pinned to core 0 while each
// sandbox runs in its own process on core 1), then writes bench/RESULTS.md and prints it.
// Exits non-zero only when a correctness check inside a scenario failed (e.g. a lost item).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';

import type { Section } from './lib/results';

const REPO_ROOT = join(__dirname, '..', '..').replace(/[\\/]dist-test$/, '');
const TASKSET = '/usr/bin/taskset';

function version(packageName: string): string {
	try {
		const file = join(REPO_ROOT, 'node_modules', packageName, 'package.json');
		return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

function cell(value: unknown): string {
	return String(value ?? '').replace(/\|/g, '\\|');
}

function formatNumber(value: number): string {
	return Math.abs(value) >= 100 ? value.toFixed(0) : String(Number(value.toPrecision(3)));
}

function render(sections: Section[], exitCode: number, pinned: boolean, seconds: number): string {
	const cpu = cpus();
	const environment = Object.assign(
		{},
		...sections.map((section) => section.environment ?? {}),
	) as Record<string, string>;
	const lines = [
		'# Benchmark results',
		'',
		`Written by \`npm run bench\` on ${new Date().toISOString()} in ${seconds.toFixed(0)} s.`,
		'',
		'| machine | |',
		'|---|---|',
		`| CPU | ${cpu.length} × ${cpu[0]?.model ?? 'unknown'} |`,
		`| memory | ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end) |`,
		`| OS | ${type()} ${release()} |`,
		`| Node (benchmark and sandboxes) | ${process.version} |`,
		`| n8n-core / n8n-workflow (in-process engine) | ${version('n8n-core')} / ${version('n8n-workflow')} |`,
		`| real n8n | ${environment.realN8n ?? 'not measured in this run (see the notes of 1a)'} |`,
		`| placement | ${pinned ? 'benchmark on core 0, each sandbox in its own process on core 1 (taskset)' : 'not pinned (single core or no taskset); each sandbox in its own process'} |`,
		'',
		'Ratios are value ÷ baseline, both measured in the same run. Targets: ✅ met, ❌ missed.',
		'',
	];
	for (const section of sections) {
		lines.push(`## ${section.title}`, '');
		lines.push('| measure | value | baseline | baseline value | ratio | target |');
		lines.push('|---|---|---|---|---|---|');
		for (const row of section.rows) {
			const target = row.target === undefined ? '' : `${row.met ? '✅' : '❌'} ${row.target}`;
			lines.push(
				`| ${cell(row.measure)} | ${formatNumber(row.value)} ${cell(row.unit)} | ${cell(row.baseline)} | ${
					row.baselineValue === undefined ? '' : formatNumber(row.baselineValue)
				} | ${row.ratio === undefined ? '' : `${row.ratio.toFixed(row.ratio < 0.1 ? 3 : 2)}x`} | ${cell(target)} |`,
			);
		}
		lines.push('');
		for (const note of section.notes) lines.push(`- ${note}`);
		lines.push('');
	}
	if (exitCode !== 0) {
		lines.push(`**A correctness check failed (jest exit ${exitCode}); see the output above.**`, '');
	}
	return lines.join('\n');
}

function main(): number {
	const resultsDir = mkdtempSync(join(tmpdir(), 'payments-pack-bench-'));
	const pinned = cpus().length >= 2 && existsSync(TASKSET);
	const jest = [
		'--expose-gc',
		join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
		'-c',
		join(REPO_ROOT, 'jest.bench.config.js'),
		'--runInBand',
		...process.argv.slice(2),
	];
	const started = Date.now();
	const result = spawnSync(
		pinned ? TASKSET : process.execPath,
		pinned ? ['-c', '0', process.execPath, ...jest] : jest,
		{
			cwd: REPO_ROOT,
			stdio: 'inherit',
			env: { ...process.env, BENCH_RESULTS_DIR: resultsDir },
		},
	);
	const exitCode = result.status ?? 1;
	const sections = readdirSync(resultsDir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as Section);
	rmSync(resultsDir, { recursive: true, force: true });
	const markdown = render(sections, exitCode, pinned, (Date.now() - started) / 1000);
	writeFileSync(join(REPO_ROOT, 'bench', 'RESULTS.md'), markdown);
	console.log(`\n${markdown}\nWritten to bench/RESULTS.md`);
	return exitCode;
}

process.exit(main());
