/** Benchmarks (npm run bench): they compute figures for bench/RESULTS.md; bench/run.ts writes RESULTS.md. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/bench'],
	testMatch: ['**/*.bench.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'bench/tsconfig.json' }],
	},
	globalSetup: '<rootDir>/test/harness/globalSetup.ts',
	setupFiles: ['<rootDir>/test/harness/env.ts'],
	testTimeout: 600000,
	maxWorkers: 1,
};
