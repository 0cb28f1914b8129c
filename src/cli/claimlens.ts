// claimlens CLI dispatcher: `build` (knowledge base), `annotate` (a page against a KB) and `explain` (why a sentence gives what it gives).
import '../lang/node-lexicon';

const USAGE = `usage:
  claimlens build --corpus <dir> --out <file.json>     build a knowledge base from .txt/.md/.html documents
  claimlens annotate --kb <file.json> <page.html|page.txt>   print what the extension would highlight
  claimlens explain [--kb <file.json>] "<sentence>"          the rules that fire on a sentence, and the claims it is compared with
`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'build') {
    const { runBuild } = await import('./build.js');
    return runBuild(rest);
  }
  if (cmd === 'annotate') {
    const { runAnnotate } = await import('./annotate.js');
    return runAnnotate(rest);
  }
  if (cmd === 'explain') {
    const { runExplain } = await import('./explain.js');
    return runExplain(rest);
  }
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(`${cmd ? `unknown command: ${cmd}\n` : ''}${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`claimlens: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
export {};
