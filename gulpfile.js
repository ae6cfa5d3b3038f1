const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits only JavaScript; icons (and the codex .json files next to nodes) must travel with them.
task('build:icons', copyAssets);

function copyAssets() {
	const nodeAssets = path.resolve('nodes', '**', '*.{png,svg,json}');
	const nodeDestination = path.resolve('dist', 'nodes');
	src(nodeAssets, { encoding: false }).pipe(dest(nodeDestination));

	const iconAssets = path.resolve('icons', '**', '*.{png,svg}');
	const iconDestination = path.resolve('dist', 'icons');
	src(iconAssets, { encoding: false }).pipe(dest(iconDestination));

	const credAssets = path.resolve('credentials', '**', '*.{png,svg}');
	const credDestination = path.resolve('dist', 'credentials');
	return src(credAssets, { encoding: false }).pipe(dest(credDestination));
}
