import { describe, expect, it } from 'vitest';
import { escapeMarkdownInline, notesToMarkdown } from './markdown';
import { describeRange } from './selectors';
import { createNote, updateNote } from './web-annotation';

const TEXT = 'Officials said the budget would grow by 4 per cent next year, the largest rise in a decade.';

function note(source: string, title: string | undefined, phrase: string, body: string, day: number, tags: string[] = []) {
  const at = TEXT.indexOf(phrase);
  const { quote, position } = describeRange(TEXT, at, at + phrase.length);
  return createNote({ source, pageTitle: title, quote, position, body, tags, now: new Date(Date.UTC(2026, 10, day)) });
}

describe('notesToMarkdown', () => {
  it('groups by page (newest first), notes in reading order, with quote, body, tags and date', () => {
    const a1 = note('https://a.example/story', 'Budget story', 'the largest rise in a decade', 'Check this figure.', 3, ['budget', 'check']);
    const a2 = note('https://a.example/story', 'Budget story', 'Officials said', 'Which officials?', 1);
    const b1 = note('https://b.example/other', 'Other page', 'next year', 'Later note', 5);
    const md = notesToMarkdown([a1, a2, b1]);
    expect(md).toBe(
      [
        '# Claimlens notes',
        '',
        '## [Other page](<https://b.example/other>)',
        '',
        '> next year',
        '',
        'Later note',
        '',
        '*Saved 2026-11-05*',
        '',
        '## [Budget story](<https://a.example/story>)',
        '',
        '> Officials said',
        '',
        'Which officials?',
        '',
        '*Saved 2026-11-01*',
        '',
        '> the largest rise in a decade',
        '',
        'Check this figure.',
        '',
        '*Tags: budget, check · Saved 2026-11-03*',
        '',
      ].join('\n'),
    );
  });

  it('renders note bodies, titles and tags as literal text', () => {
    const evil = note(
      'https://a.example/story',
      'Title [x](javascript:alert(1)) <script>',
      'Officials said',
      '# Heading\n- item\n1. one\n    code block\n<img src=x onerror=alert(1)> ![i](http://t/x.png) **bold** &amp;',
      2,
      ['<b>tag</b>'],
    );
    const md = notesToMarkdown([evil]);
    expect(md).toContain('## [Title \\[x\\]\\(javascript:alert\\(1\\)\\) \\<script\\>](<https://a.example/story>)');
    expect(md).toContain('\\# Heading\\\n\\- item\\\n1\\. one\\\ncode block\\\n\\<img src=x onerror=alert\\(1\\)\\> \\!\\[i\\]\\(http://t/x.png\\) \\*\\*bold\\*\\* \\&amp;');
    expect(md).toContain('Tags: \\<b\\>tag\\</b\\>');
    expect(md).not.toMatch(/(^|[^\\])<script>/);
  });

  it('never links a non-http source, and shows the edit date', () => {
    const n = note('javascript:alert(1)', undefined, 'next year', 'x', 1);
    const md = notesToMarkdown([updateNote(n, { body: 'y' }, new Date(Date.UTC(2026, 11, 24)))]);
    expect(md).toContain('## javascript:alert\\(1\\)\n');
    expect(md).not.toContain('](');
    expect(md).toContain('*Saved 2026-11-01, edited 2026-12-24*');
  });

  it('escapes inline syntax characters', () => {
    expect(escapeMarkdownInline('a*b_c`d[e](f)<g>|h~i&j\\')).toBe('a\\*b\\_c\\`d\\[e\\]\\(f\\)\\<g\\>\\|h\\~i\\&j\\\\');
  });
});
