// `npm run bench [-- --json] [-- --only kb,match,notes,browser]`: every
// benchmark of the project, figures measured in one run (medians and ratios).
// Each figure is documented in the README ("Benchmarks").
import '../src/lang/node-lexicon';
type Figures = Record<string, number | string>;

const suites: Record<string, () => Promise<Figures>> = {
  kb: async () => (await import('./kb-bench')).runKbBench(),
  match: async () => (await import('./match-bench')).runMatchBench(),
  notes: async () => (await import('./notes-bench')).runNotesBench(),
  browser: async () => (await import('./browser-bench')).runBrowserBench(),
  addpage: async () => (await import('./add-page-bench')).runAddPageBench(),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const onlyArg = args.find((a) => a.startsWith('--only'));
  const onlyIdx = args.indexOf('--only');
  const only = (onlyArg?.includes('=') ? onlyArg.split('=')[1] : onlyIdx >= 0 ? args[onlyIdx + 1] : '')?.split(',').filter(Boolean) ?? [];
  const out: Figures = {};
  for (const [name, run] of Object.entries(suites)) {
    if (only.length && !only.includes(name)) continue;
    if (!json) process.stderr.write(`bench: ${name}…\n`);
    try {
      const figures = await run();
      for (const [k, v] of Object.entries(figures)) out[k.startsWith(`${name}.`) ? k : `${name}.${k}`] = typeof v === 'number' ? Math.round(v * 1000) / 1000 : v;
    } catch (e) {
      out[`${name}.error`] = e instanceof Error ? e.message : String(e);
    }
  }
  if (json) process.stdout.write(JSON.stringify(out) + '\n');
  else for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(48)} ${v}`);
}

void main();
