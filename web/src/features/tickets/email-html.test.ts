import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../api/types';
import { emailDocument, isSafeLink, normaliseContentId, prepareEmailHtml } from './email-html';

function att(id: string, contentId: string | null, inline = true): Attachment {
  return { id, filename: `${id}.png`, contentType: 'image/png', sizeBytes: 10, sha256: 'x', contentId, inline };
}

describe('prepareEmailHtml', () => {
  it('points cid: images at the attachment with that Content-ID', () => {
    const { html, inlineIds } = prepareEmailHtml('<p>Logo: <img src="cid:logo@x.example" alt="logo" /></p>', [att('a1', '<logo@x.example>'), att('a2', 'other')]);
    expect(html).toBe('<p>Logo: <img src="/api/v1/attachments/a1" alt="logo" /></p>');
    expect([...inlineIds]).toEqual(['a1']);
  });

  it('matches Content-IDs whatever their brackets, case or %-encoding', () => {
    expect(normaliseContentId('<Part1.ABC@x>')).toBe('part1.abc@x');
    expect(normaliseContentId('part1.abc%40x')).toBe('part1.abc@x');
    const { html } = prepareEmailHtml('<img src="cid:Part1.ABC%40x">', [att('a9', '<part1.abc@x>')]);
    expect(html).toBe('<img src="/api/v1/attachments/a9">');
  });

  it('drops images it cannot resolve and keeps data: images', () => {
    const { html, inlineIds } = prepareEmailHtml('<img src="cid:missing" alt="m"><img src="data:image/png;base64,AAAA">', []);
    expect(html).toBe('<img alt="m"><img src="data:image/png;base64,AAAA">');
    expect(inlineIds.size).toBe(0);
  });

  it('drops remote images and tracking pixels should any get through', () => {
    expect(prepareEmailHtml('<img src="https://tracker.example/p.gif" width="1">', []).html).toBe('<img width="1">');
    expect(prepareEmailHtml('<img srcset="https://t.example/a.png 2x">', []).html).toBe('<img>');
  });

  it('keeps web, mail and phone links and drops any other scheme', () => {
    const { html } = prepareEmailHtml(
      '<a href="https://apres.example/x?a=1&amp;b=2">ok</a><a href="javascript:alert(1)">js</a><a href="&#106;avascript:alert(1)">enc</a><a href="mailto:a@b.c">m</a>',
      [],
    );
    expect(html).toBe('<a href="https://apres.example/x?a=1&amp;b=2">ok</a><a>js</a><a>enc</a><a href="mailto:a@b.c">m</a>');
  });

  it('removes event handler attributes should any get through', () => {
    expect(prepareEmailHtml('<p onclick="x()" class="c">t</p>', []).html).toBe('<p class="c">t</p>');
  });

  it('leaves text alone', () => {
    const text = '<p>Use src=&quot;cid:x&quot; and 2 &lt; 3 &gt; 1</p>';
    expect(prepareEmailHtml(text, []).html).toBe(text);
  });
});

describe('isSafeLink', () => {
  it('sees through control characters and entities in the scheme', () => {
    expect(isSafeLink('java\tscript:alert(1)')).toBe(false);
    expect(isSafeLink('javascript&colon;alert(1)')).toBe(false);
    expect(isSafeLink('  https://x.example')).toBe(true);
    expect(isSafeLink('tel:+33123456789')).toBe(true);
  });
});

describe('emailDocument', () => {
  it('wraps the body with a policy that forbids scripts and remote loads', () => {
    const doc = emailDocument('<p>Hi</p>');
    expect(doc).toContain("default-src 'none'");
    expect(doc).not.toContain('script-src');
    expect(doc).toContain('<body><p>Hi</p></body>');
  });
});
