// @vitest-environment jsdom
/** Markdown from badges: marked's lexer, then our own elements; nothing is ever parsed as HTML. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEntities, Markdown, MAX_MARKDOWN_LENGTH } from '../../src/ui/markdown/Markdown';

afterEach(cleanup);

const html = (source: string, headingLevel?: number): HTMLElement => {
  const { container } = render(<Markdown source={source} {...(headingLevel === undefined ? {} : { headingLevel })} />);
  return container.firstElementChild as HTMLElement;
};

describe('Markdown', () => {
  it('renders paragraphs, emphasis, strong, code, lists, quotes and tables as elements', () => {
    const el = html('Hello *you* and **all**, `a<b`.\n\nSecond ~~old~~ para.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n```\ncode <x>\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(el.className).toBe('markdown');
    expect(el.querySelectorAll('p')).toHaveLength(3);
    expect(el.querySelector('em')?.textContent).toBe('you');
    expect(el.querySelector('strong')?.textContent).toBe('all');
    expect(el.querySelector('del')?.textContent).toBe('old');
    expect(el.querySelector('p code')?.textContent).toBe('a<b');
    expect([...el.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect([...el.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['first', 'second']);
    expect(el.querySelector('blockquote p')?.textContent).toBe('quoted');
    expect(el.querySelector('pre code')?.textContent).toBe('code <x>');
    expect(el.querySelectorAll('th')).toHaveLength(2);
    expect(el.querySelector('td')?.textContent).toBe('1');
  });

  it('demotes headings below the section they sit in', () => {
    const el = html('# One\n\n## Two\n\n###### Six', 3);
    expect([...el.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => `${h.tagName}:${h.textContent}`)).toEqual(['H3:One', 'H4:Two', 'H6:Six']);
    expect(html('# Deep', 5).querySelector('h5')?.textContent).toBe('Deep');
  });

  it('links only to https, safely, and keeps the text of every other link', () => {
    const el = html('[ok](https://ok.example/a) [js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [enc](jav&#x61;script:alert(1)) [http](http://plain.example) [rel](/badge/1) [data](data:text/html,x) [mail](mailto:a@b.example) <https://auto.example> https://bare.example');
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://ok.example/a', 'https://auto.example/', 'https://bare.example/']);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('referrerpolicy')).toBe('no-referrer');
    }
    for (const word of ['js', 'JS', 'enc', 'http', 'rel', 'data', 'mail']) expect(el.textContent).toContain(word);
  });

  it('shows raw HTML as the text it is, and creates no element from it', () => {
    const el = html('Hi <script>alert(1)</script> <img src=x onerror=alert(2)> <b>bold?</b>\n\n<div onclick="x()">block</div>\n\n<iframe src="https://evil.example"></iframe>');
    expect(el.querySelectorAll('script, img, b, div, iframe')).toHaveLength(0);
    expect(el.querySelectorAll('[onerror], [onclick], [src]')).toHaveLength(0);
    expect(el.textContent).toContain('<script>alert(1)</script>');
    expect(el.textContent).toContain('<img src=x onerror=alert(2)>');
    expect(el.textContent).toContain('<div onclick="x()">block</div>');
  });

  it('never loads an image: its alternative text is shown instead', () => {
    const el = html('Look ![a tracking pixel](https://tracker.example/p.png "t") here');
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe('Look a tracking pixel here');
  });

  it('decodes character references to characters, as text', () => {
    const el = html('Caf&eacute; &amp; cr&egrave;me &lt;b&gt; &#233;t&#xE9; &unknown; &#0;');
    expect(el.textContent).toBe('Café & crème <b> été &unknown; \ufffd');
    expect(el.querySelector('b')).toBeNull();
    expect(decodeEntities('&#x1F600;')).toBe('😀');
    expect(decodeEntities('&#xD800;')).toBe('\ufffd');
  });

  it('keeps escaped Markdown characters as text', () => {
    expect(html('not \\*emphasis\\*').textContent).toBe('not *emphasis*');
    expect(html('not \\*emphasis\\*').querySelector('em')).toBeNull();
  });

  it('renders task lists as text marks, not inputs', () => {
    const el = html('- [x] done\n- [ ] to do');
    expect(el.querySelector('input')).toBeNull();
    expect(el.textContent).toContain('☑');
    expect(el.textContent).toContain('☐');
  });

  it('survives deep nesting and huge input as plain text', () => {
    const deep = `${'> '.repeat(40)}deep`;
    expect(html(deep).textContent).toContain('deep');
    const huge = `${'word '.repeat(MAX_MARKDOWN_LENGTH / 5)}\n\n**not bold**`;
    const el = html(huge);
    expect(el.querySelector('strong')).toBeNull();
    expect(el.textContent).toContain('**not bold**');
  });
});
