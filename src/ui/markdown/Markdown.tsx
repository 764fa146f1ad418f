/**
 * Markdown from a badge (description, criteria, narrative, evidence) as Preact elements.
 *
 * Only marked's *lexer* is used: its tokens are turned into elements here, one by one, so nothing
 * a badge writes is ever parsed as HTML by the browser. What comes out:
 * - paragraphs, emphasis, strong, strikethrough, line breaks, inline code and code blocks,
 *   block quotes, lists, tables, rules;
 * - headings, demoted below the section they sit in (`headingLevel` is the level of a `#`);
 * - links only when their target is https: (through safeLinkHref), with rel="noopener noreferrer"
 *   and referrerpolicy="no-referrer"; any other link is its plain text;
 * - raw HTML is shown as the text it is (`<script>` reads "<script>"), never interpreted;
 * - images are never loaded: their alternative text is shown instead.
 * Character references (&amp;, &#233;…) in text are decoded to the characters they name.
 */
import { marked, type Token, type Tokens } from 'marked';
import type { ComponentChildren, HTMLAttributes } from 'preact';
import { safeLinkHref } from '../shell/urls';

/** Longest Markdown rendered (a badge description is a few paragraphs; past this, plain text). */
export const MAX_MARKDOWN_LENGTH = 50_000;
/** Nesting beyond this is flattened to text (lists in quotes in lists…). */
const MAX_DEPTH = 12;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  ucirc: 'û',
  ugrave: 'ù',
  icirc: 'î',
  iuml: 'ï',
  euml: 'ë',
  oelig: 'œ',
  Eacute: 'É',
  Agrave: 'À',
  Ccedil: 'Ç',
  euro: '€',
  middot: '·',
  bull: '•',
  times: '×',
};

/** Decode character references to text (the result is a text node: nothing here is markup). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

type Level = 1 | 2 | 3 | 4 | 5 | 6;
const clampLevel = (n: number): Level => Math.min(6, Math.max(1, Math.trunc(n))) as Level;

interface Ctx {
  /** The level a Markdown `#` heading takes. */
  readonly headingLevel: Level;
  readonly depth: number;
}

/** The visible text of tokens, for what is shown as plain text (unsafe links, images, deep nesting). */
function plainText(tokens: readonly Token[] | undefined, fallback: string): string {
  if (!tokens || tokens.length === 0) return decodeEntities(fallback);
  return tokens
    .map((t) => {
      const token = t as Tokens.Generic;
      if (token.type === 'html' || token.type === 'codespan' || token.type === 'escape') return String(token['text'] ?? '');
      if (Array.isArray(token.tokens) && token.tokens.length > 0) return plainText(token.tokens, String(token['text'] ?? ''));
      return decodeEntities(String(token['text'] ?? token.raw ?? ''));
    })
    .join('');
}

function inline(tokens: readonly Token[] | undefined, ctx: Ctx): ComponentChildren[] {
  if (!tokens) return [];
  if (ctx.depth > MAX_DEPTH) return [plainText(tokens, '')];
  const deeper: Ctx = { ...ctx, depth: ctx.depth + 1 };
  return tokens.map((token, i) => renderInline(token, deeper, i));
}

function renderInline(t: Token, ctx: Ctx, key: number): ComponentChildren {
  const token = t as Tokens.Generic;
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      // A text token may hold inline tokens (in tight list items); `escaped` text is raw-block content.
      if (text.tokens && text.tokens.length > 0) return <span key={key}>{inline(text.tokens, ctx)}</span>;
      return text.escaped ? text.text : decodeEntities(text.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return <strong key={key}>{inline((token as Tokens.Strong).tokens, ctx)}</strong>;
    case 'em':
      return <em key={key}>{inline((token as Tokens.Em).tokens, ctx)}</em>;
    case 'del':
      return <del key={key}>{inline((token as Tokens.Del).tokens, ctx)}</del>;
    case 'codespan':
      // The lexer leaves code spans as written (no character references are decoded in code).
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const link = token as Tokens.Link;
      const href = safeLinkHref(link.autolink ? link.href : decodeEntities(link.href));
      const children = inline(link.tokens, ctx);
      if (href === null) return <span key={key}>{children}</span>;
      return (
        <a key={key} href={href} rel="noopener noreferrer" referrerpolicy="no-referrer" target="_blank">
          {children}
        </a>
      );
    }
    case 'image':
      // Never loaded (a tracking pixel, an image served by anyone): its alternative text only.
      return plainText((token as Tokens.Image).tokens, (token as Tokens.Image).text);
    case 'html':
      // Raw HTML is shown as the text it is.
      return (token as Tokens.HTML).text;
    case 'checkbox':
      return (token as Tokens.Checkbox).checked ? '☑ ' : '☐ ';
    default:
      return plainText(token.tokens, String(token['text'] ?? token.raw ?? ''));
  }
}

function blocks(tokens: readonly Token[] | undefined, ctx: Ctx): ComponentChildren[] {
  if (!tokens) return [];
  if (ctx.depth > MAX_DEPTH) return [<p>{plainText(tokens, '')}</p>];
  const deeper: Ctx = { ...ctx, depth: ctx.depth + 1 };
  return tokens.map((token, i) => renderBlock(token, deeper, i));
}

function renderBlock(t: Token, ctx: Ctx, key: number): ComponentChildren {
  const token = t as Tokens.Generic;
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens, ctx)}</p>;
    case 'heading': {
      const heading = token as Tokens.Heading;
      const Tag = `h${clampLevel(ctx.headingLevel + heading.depth - 1)}` as 'h3';
      return <Tag key={key}>{inline(heading.tokens, ctx)}</Tag>;
    }
    case 'code':
      return (
        <pre key={key}>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens, ctx)}</blockquote>;
    case 'hr':
      return <hr key={key} />;
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => <li key={i}>{listItem(item, ctx)}</li>);
      if (list.ordered) {
        const start = typeof list.start === 'number' && list.start !== 1 ? list.start : undefined;
        return (
          <ol key={key} start={start}>
            {items}
          </ol>
        );
      }
      return <ul key={key}>{items}</ul>;
    }
    case 'table': {
      const table = token as Tokens.Table;
      const cell = (c: Tokens.TableCell, i: number, Tag: 'th' | 'td') => (
        <Tag key={i} scope={Tag === 'th' ? 'col' : undefined}>
          {inline(c.tokens, ctx)}
        </Tag>
      );
      return (
        <div key={key} class="md-table">
          <table>
            <thead>
              <tr>{table.header.map((c, i) => cell(c, i, 'th'))}</tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>{row.map((c, i) => cell(c, i, 'td'))}</tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'html':
      // A block of raw HTML: its text, as a paragraph of text.
      return <p key={key}>{(token as Tokens.HTML).text.trim()}</p>;
    case 'text': {
      // Block-level text (inside loose list items): inline content.
      const text = token as Tokens.Text;
      return <p key={key}>{text.tokens ? inline(text.tokens, ctx) : decodeEntities(text.text)}</p>;
    }
    default:
      return renderInline(t, ctx, key);
  }
}

function listItem(item: Tokens.ListItem, ctx: Ctx): ComponentChildren {
  if (item.loose) return blocks(item.tokens, ctx);
  // Tight items: text tokens are inline, nested lists are blocks.
  return item.tokens.map((t, i) => {
    const token = t as Tokens.Generic;
    if (token.type === 'text') return renderInline(t, ctx, i);
    if (token.type === 'checkbox') return renderInline(t, ctx, i);
    return renderBlock(t, ctx, i);
  });
}

/** Markdown source → elements. Exposed for tests; components use <Markdown>. */
export function renderMarkdown(source: string, options: { headingLevel?: number } = {}): ComponentChildren {
  const ctx: Ctx = { headingLevel: clampLevel(options.headingLevel ?? 3), depth: 0 };
  if (source.length > MAX_MARKDOWN_LENGTH) {
    return source.split(/\n{2,}/).map((para, i) => <p key={i}>{para}</p>);
  }
  let tokens: Token[];
  try {
    tokens = marked.lexer(source, { gfm: true, breaks: false });
  } catch {
    return <p>{source}</p>;
  }
  return blocks(tokens, ctx);
}

export function Markdown({
  source,
  headingLevel,
  class: className,
  ...rest
}: { source: string; headingLevel?: number; class?: string } & Omit<HTMLAttributes<HTMLDivElement>, 'class'>) {
  const options = headingLevel === undefined ? {} : { headingLevel };
  return (
    <div {...rest} class={className ? `markdown ${className}` : 'markdown'}>
      {renderMarkdown(source, options)}
    </div>
  );
}
