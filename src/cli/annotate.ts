// `npm run kb -- annotate --kb <file.json> <page.html|page.txt>`: prints one
// JSON object, exactly what the content script would highlight on that page.
// Errors go to stderr as one line each (no stack traces) with exit code 1.
import { readFile } from 'node:fs/promises';
import { parseKb } from '../kb/validate';
import { buildMatcher } from '../match/matcher';
import type { Annotation } from '../match/types';
import { parseHtmlDocument, plainTextDocument } from '../html/parse-html';
import { inlineHidden, readPage } from '../page/read-page';
import { blockOffsets, pageText } from '../page/visible-text';

const USAGE = 'usage: claimlens annotate --kb <kb.json> <page.html|page.txt>';

class CliError extends Error {}

function parseArgs(args: string[]): { kb: string; page: string } {
  let kb: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--kb') {
      kb = args[++i];
      if (kb === undefined) throw new CliError(`--kb needs a file\n${USAGE}`);
    } else if (a.startsWith('--kb=')) kb = a.slice(5);
    else if (a === '-h' || a === '--help') throw new CliError(USAGE);
    else if (a.startsWith('--')) throw new CliError(`unknown option ${a}\n${USAGE}`);
    else rest.push(a);
  }
  if (!kb) throw new CliError(`missing --kb <kb.json>\n${USAGE}`);
  if (rest.length !== 1) throw new CliError(`expected one page file, got ${rest.length}\n${USAGE}`);
  return { kb, page: rest[0] };
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new CliError(`cannot read ${what} ${path}: ${why}`);
  }
}

const isHtml = (path: string, text: string): boolean =>
  /\.x?html?$/i.test(path) || (!/\.(txt|md)$/i.test(path) && /^\s*<(!doctype|html|body|head|p|div|article)\b/i.test(text));

/**
 * Annotation of one page, the same way the extension computes it: the HTML
 * parsed as Chromium parses it (a text file shown as a browser shows
 * text/plain, in one <pre>), the same blocks within the same caps, the
 * matcher given the blocks in the same order.
 */
export function annotatePage(matcher: ReturnType<typeof buildMatcher>, path: string, source: string): Annotation {
  const document = isHtml(path, source) ? parseHtmlDocument(source) : plainTextDocument(source);
  const { blocks } = readPage(document, { isHidden: inlineHidden });
  const text = pageText(blocks);
  const offsets = blockOffsets(blocks);
  const per = matcher.annotateBlocks(blocks.map((b) => b.text));
  const out: Annotation = { text, actors: [], claims: [] };
  per.forEach((r, i) => {
    const d = offsets[i];
    for (const a of r.actors) out.actors.push({ ...a, start: a.start + d, end: a.end + d });
    for (const c of r.claims) out.claims.push({ ...c, start: c.start + d, end: c.end + d });
  });
  return out;
}

export async function runAnnotate(args: string[]): Promise<number> {
  try {
    const { kb: kbPath, page } = parseArgs(args);
    const kbText = await readText(kbPath, 'KB');
    const checked = parseKb(kbText);
    if (!checked.ok) throw new CliError(`bad KB ${kbPath}: ${checked.message}`);
    const source = await readText(page, 'page');
    const result = annotatePage(buildMatcher(checked.kb), page, source);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (e) {
    const msg = e instanceof CliError ? e.message : `annotate failed: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`claimlens annotate: ${msg}\n`);
    return 1;
  }
}
