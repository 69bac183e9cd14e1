import { describe, expect, it } from 'vitest';

import { cdata, element, escapeXml, stripInvalidXmlChars } from '@/lib/seo/xml';

describe('stripInvalidXmlChars', () => {
  it('drops control characters, lone surrogates and U+FFFE/U+FFFF but keeps real text', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0008c\u000Bd\u001Fe')).toBe('abcde');
    expect(stripInvalidXmlChars('x\uD800y\uDC00z\uFFFEw\uFFFF')).toBe('xyzw');
    expect(stripInvalidXmlChars('tab\there\nnew\r\nline')).toBe('tab\there\nnew\r\nline');
    expect(stripInvalidXmlChars('خبرهای کابل 📰 é')).toBe('خبرهای کابل 📰 é');
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and quotes', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });
});

describe('cdata', () => {
  it('splits a closing sequence so the section cannot end early', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
    expect(cdata('x\u0001y')).toBe('<![CDATA[xy]]>');
  });
});

describe('element', () => {
  it('escapes text and attribute values and skips undefined attributes', () => {
    expect(element('title', 'A & B', { type: 'text', lang: undefined, note: '"q"' })).toBe(
      '<title type="text" note="&quot;q&quot;">A &amp; B</title>',
    );
  });
});
